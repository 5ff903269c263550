import { emptySample, type Arch, type Sample } from '../../../shared/sample';

export const EXAMPLE_DATASET_NAME = 'Example data (generated, not measured)';

interface ExampleFunction {
  name: string;
  runtime: string;
  initMs: number;
  durationMs: number;
  memoryUsedMB: number;
}

const FUNCTIONS: readonly ExampleFunction[] = [
  { name: 'example-node20', runtime: 'nodejs20.x', initMs: 150, durationMs: 4, memoryUsedMB: 68 },
  { name: 'example-python312', runtime: 'python3.12', initMs: 105, durationMs: 2, memoryUsedMB: 41 },
  { name: 'example-java21', runtime: 'java21', initMs: 420, durationMs: 30, memoryUsedMB: 112 },
  { name: 'example-go-al2023', runtime: 'provided.al2023', initMs: 55, durationMs: 1.2, memoryUsedMB: 22 },
];

const CONFIGS: readonly { arch: Arch; memoryMB: number; initFactor: number; speed: number }[] = [
  { arch: 'x86_64', memoryMB: 128, initFactor: 1.25, speed: 6 },
  { arch: 'x86_64', memoryMB: 1024, initFactor: 1, speed: 1 },
  { arch: 'arm64', memoryMB: 1024, initFactor: 0.93, speed: 1.1 },
];

/** Park–Miller: deterministic, so the example looks the same on every start and in every test. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

/**
 * A small, made-up dataset that looks like real cold starts (log-normal spread, a few slow outliers),
 * so a first start shows the chart, the table and the filters working. Clearly named as example data.
 */
export function exampleSamples(perConfig = 25): Sample[] {
  const rnd = random(20260101);
  const normal = () => Math.sqrt(-2 * Math.log(rnd() || 1e-9)) * Math.cos(2 * Math.PI * rnd());
  const samples: Sample[] = [];
  let t = Date.UTC(2026, 0, 1, 9, 0, 0);
  for (const config of CONFIGS) {
    for (const fn of FUNCTIONS) {
      for (let i = 0; i < perConfig; i++) {
        const spread = Math.exp(0.08 * normal()) * (rnd() < 0.05 ? 1.6 : 1);
        const initMs = round(fn.initMs * config.initFactor * spread);
        const durationMs = round(fn.durationMs * config.speed * Math.exp(0.25 * normal()));
        t += 61_000;
        samples.push({
          ...emptySample(fn.name),
          memoryMB: config.memoryMB,
          arch: config.arch,
          runtime: fn.runtime,
          initMs,
          durationMs,
          billedMs: Math.ceil(durationMs),
          maxMemoryUsedMB: Math.round(fn.memoryUsedMB * (1 + 0.05 * rnd())),
          status: 'success',
          timestamp: new Date(t).toISOString(),
          run: 'example',
        });
      }
    }
  }
  return samples;
}

const round = (x: number): number => Math.round(x * 100) / 100;
