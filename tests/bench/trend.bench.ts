// Speed figures for `npm run bench`: a year of lambda-perf daily files (365 × 6,000 cold starts, about 2.2M
// samples), parsed and put on a per-day trend, in process and through the built CLI. Prints, never asserts
// on time.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLambdaPerfDay, type BaselineDay } from '../../shared/baseline/lambda-perf';
import { dailyMedians } from '../../shared/trend/daily-medians';
import { ensureBuiltCli } from '../cli/built-cli';
import { seededRandom } from '../random';
import { goalLine, timed } from './goal';

const DAYS = 365;
const RUNTIMES = [
  ['nodejs22x', 'nodejs22.x', 130],
  ['nodejs20x', 'nodejs20.x', 140],
  ['python313', 'python3.13', 90],
  ['python312', 'python3.12', 85],
  ['java21', 'java21', 250],
  ['java21_snapstart', 'java21 snapstart', 600],
  ['dotnet8', 'dotnet8', 270],
  ['ruby34', 'ruby3.4', 200],
  ['go_on_provided_al2023', 'go (prov.al2023)', 45],
  ['rust_on_provided_al2023', 'rust (prov.al2023)', 15],
  ['bun', 'bun (prov.al2)', 300],
  ['llrt_on_provided_al2023', 'llrt (prov.al2023)', 40],
  ['graalvm_java21_on_provided_al2023', 'graalvm java21 (prov.al2023)', 115],
  ['dotnet8_aot_on_provided_al2023', 'dotnet8 aot (prov.al2023)', 80],
  ['cpp11_on_provided_al2023', 'c++ 11 (prov.al2023)', 12],
] as const;
const MEMORY = [128, 256, 512, 1024, 1536, 2048, 3008, 4096, 8192, 10240];
const ARCHS = ['x86_64', 'arm64'] as const;
const PACKAGES = ['zip', 'image'] as const;
/** 15 runtimes × 10 sizes × 2 archs × 2 package types = 600 entries of 10 cold starts: 6,000 a day. */
const PER_ENTRY = 10;

/** One day in lambda-perf's compact format (as it publishes it: one line). */
function dayText(date: string, next: () => number): string {
  const runtimeData: object[] = [];
  for (const [key, display, base] of RUNTIMES)
    for (const m of MEMORY)
      for (const a of ARCHS)
        for (const p of PACKAGES) {
          const i = Array.from(
            { length: PER_ENTRY },
            () => Math.round(base * (0.8 + next() * 0.6) * 100) / 100,
          );
          const mean = Math.round((i.reduce((s, v) => s + v, 0) / i.length) * 1000) / 1000;
          runtimeData.push({
            r: `lambda-perf-${key}-${p}-${m}-${a}`,
            p,
            d: display,
            i,
            m,
            a,
            mu: Math.round(next() * 90_000) / 1000,
            ad: Math.round(next() * 40_000) / 1000,
            acd: mean,
          });
        }
  return JSON.stringify({
    metadata: { generatedAt: `${date}T14:00:0${Math.floor(next() * 10)}.123Z` },
    runtimeData,
  });
}

let dir = '';
const texts: { name: string; text: string }[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'coldstart-trend-bench-'));
  const next = seededRandom(20261120);
  const start = Date.parse('2025-12-01T00:00:00Z');
  for (let d = 0; d < DAYS; d++) {
    const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    const folder = join(dir, 'data', date.slice(0, 4));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${date}.json`), dayText(date, next));
  }
  for (const year of readdirSync(join(dir, 'data')))
    for (const name of readdirSync(join(dir, 'data', year)).sort())
      texts.push({ name, text: readFileSync(join(dir, 'data', year, name), 'utf8') });
  ensureBuiltCli();
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a year of public baselines', () => {
  it('parses 365 daily files and computes the trend by name + arch + memory', () => {
    const megabytes = texts.reduce((s, t) => s + t.text.length, 0) / 1e6;
    const parseAll = (): BaselineDay[] =>
      texts.map(({ name, text }) => {
        const result = parseLambdaPerfDay(text, name);
        if (!result.ok) throw new Error(result.error);
        return result.baseline;
      });
    parseAll(); // warm-up: the first calls run before the JIT has optimised them
    const parse = timed(parseAll);
    const baselines = parse.result;
    const samples = baselines.reduce((s, b) => s + b.columns.length, 0);
    const sets = baselines.map((b) => ({ columns: b.columns, day: b.day }));
    dailyMedians(sets, ['name', 'arch', 'memory'], 'init');
    const trend = timed(() => dailyMedians(sets, ['name', 'arch', 'memory'], 'init'));
    console.log(
      `parse ${DAYS} files (${megabytes.toFixed(1)} MB, ${samples.toLocaleString('en')} samples): ` +
        `${parse.wallMs.toFixed(0)} ms wall, ${parse.cpuMs.toFixed(0)} ms CPU\n` +
        `trend by name+arch+memory (${trend.result.points.length.toLocaleString('en')} points): ` +
        `${trend.wallMs.toFixed(0)} ms wall, ${trend.cpuMs.toFixed(0)} ms CPU\n` +
        goalLine(
          'parse a year of baselines + trend',
          'ms',
          parse.wallMs + trend.wallMs,
          parse.cpuMs + trend.cpuMs,
          2000,
          false,
        ),
    );
    expect(samples).toBe(DAYS * 6000);
  });

  it('coldstart trend FOLDER --json, end to end (process start, read, parse, trend, print)', () => {
    const run = (): string =>
      execFileSync(
        process.execPath,
        [
          join(process.cwd(), 'dist-cli', 'coldstart.cjs'),
          'trend',
          'data',
          '--by',
          'name,arch,memory',
          '--json',
        ],
        { cwd: dir, maxBuffer: 1 << 30, encoding: 'utf8' },
      );
    const start = performance.now();
    const out = run();
    const wallMs = performance.now() - start;
    const points = JSON.parse(out) as unknown[];
    console.log(
      `coldstart trend data --by name,arch,memory --json: ${points.length.toLocaleString('en')} points in ` +
        `${wallMs.toFixed(0)} ms wall\n` +
        goalLine('coldstart trend over a year of baselines', 'ms', wallMs, wallMs, 5000, false).replace(
          /, [\d.]+ ms by CPU time \((?:met|NOT met)\)/,
          '',
        ),
    );
    expect(points.length).toBeGreaterThan(0);
  }, 120_000);
});
