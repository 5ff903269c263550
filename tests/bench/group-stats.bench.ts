// Speed figures for `npm run bench`: grouped statistics of 1,000,000 samples. Prints, never asserts on time.
import { describe, expect, it } from 'vitest';
import type { GroupKey, Metric, Sample } from '../../shared/sample';
import { groupStats } from '../../shared/stats/group-stats';
import { seededRandom } from '../random';
import { goalLine, timed } from './goal';

const SAMPLES = 1_000_000;
const NAMES = [
  'hello-node',
  'hello-py311',
  'hello-runtime-go',
  'hello-runtime-al2',
  'hello-java21',
  'hello-dotnet8',
];
const RUNTIMES = ['nodejs20.x', 'python3.12', 'go1.x', 'provided.al2', 'java21', 'dotnet8'];
const MEMORY = [128, 256, 512, 1024, 2048, 3008, 10240];

function generate(): Sample[] {
  const next = seededRandom(987654321);
  const samples: Sample[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const fn = i % NAMES.length;
    samples.push({
      name: NAMES[fn] as string,
      memoryMB: MEMORY[Math.floor(next() * MEMORY.length)] as number,
      initMs: i % 5 === 4 ? null : Math.round((40 + next() * 300) * 100) / 100,
      durationMs: Math.round(next() * 2000) / 100,
      billedMs: Math.ceil(next() * 20),
      arch: next() < 0.5 ? 'x86_64' : 'arm64',
      runtime: RUNTIMES[fn] as string,
      maxMemoryUsedMB: 60 + Math.floor(next() * 100),
      restoreMs: null,
      status: 'success',
      errorType: null,
      requestId: null,
      timestamp: null,
      run: null,
    });
  }
  return samples;
}

function time(samples: Sample[], by: GroupKey[], metric: Metric): void {
  // Two untimed runs first: the first calls of a function run before the JIT has optimised it.
  groupStats(samples, by, metric);
  groupStats(samples, by, metric);
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  let groups = 0;
  for (let i = 0; i < 5; i++) {
    const run = timed(() => groupStats(samples, by, metric));
    groups = run.result.length;
    runs.push(run.wallMs);
    cpuRuns.push(run.cpuMs);
  }
  const best = Math.min(...runs);
  const bestCpu = Math.min(...cpuRuns);
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[2] as number;
  const what = `${SAMPLES.toLocaleString('en')} samples by ${by.join('+') || '(nothing)'}, metric ${metric}`;
  console.log(
    `groupStats, ${what}: ${groups} groups in ${best.toFixed(0)} ms best, ${median(runs).toFixed(0)} ms median ` +
      `of 5; process CPU time ${bestCpu.toFixed(0)} ms best, ${median(cpuRuns).toFixed(0)} ms median\n` +
      goalLine(`grouped statistics of ${what}`, 'ms', best, bestCpu, 300, false),
  );
  expect(groups).toBeGreaterThan(0);
}

describe('grouped statistics speed', () => {
  const samples = generate();
  it('by name, metric init', () => time(samples, ['name'], 'init'));
  it('by name + arch + memory, metric total', () => time(samples, ['name', 'arch', 'memory'], 'total'));
  it('by runtime + arch + memory + name, metric duration', () =>
    time(samples, ['runtime', 'arch', 'memory', 'name'], 'duration'));
});
