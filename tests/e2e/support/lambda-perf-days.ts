// Generated maxday/lambda-perf daily files (the compact format), seeded, for the trend e2e test and bench.
import { seededRandom } from '../../random';

export interface DayFile {
  name: string;
  text: string;
}

const RUNTIMES = [
  ['nodejs22x', 'nodejs22.x', 130],
  ['python313', 'python3.13', 90],
  ['java21', 'java21', 250],
  ['dotnet8', 'dotnet8', 270],
  ['ruby34', 'ruby3.4', 200],
  ['go_on_provided_al2023', 'go (prov.al2023)', 45],
  ['rust_on_provided_al2023', 'rust (prov.al2023)', 15],
  ['llrt_on_provided_al2023', 'llrt (prov.al2023)', 40],
  ['graalvm_java21_on_provided_al2023', 'graalvm java21 (prov.al2023)', 115],
  ['dotnet8_aot_on_provided_al2023', 'dotnet8 aot (prov.al2023)', 80],
  ['cpp11_on_provided_al2023', 'c++ 11 (prov.al2023)', 12],
  ['bun', 'bun (prov.al2)', 300],
  ['nodejs20x', 'nodejs20.x', 140],
  ['python312', 'python3.12', 85],
  ['java17', 'java17', 260],
] as const;
const MEMORY = [128, 256, 512, 1024, 1536, 2048, 3008, 4096, 8192, 10240];
const ARCHS = ['x86_64', 'arm64'] as const;
const PACKAGES = ['zip', 'image'] as const;

/**
 * `days` daily files from 2025-12-01 on, each listing `runtimes` × `memories` × 2 archs × 2 package types
 * entries of 10 cold starts (15 × 10 × 4 × 10 = 6,000 a day at most, as lambda-perf publishes). From
 * `driftFrom` on (a day index), Node.js gets 30% slower: a trend to see.
 */
export function lambdaPerfDays(
  days: number,
  {
    runtimes = RUNTIMES.length,
    memories = MEMORY.length,
    seed = 20261202,
    driftFrom = Infinity,
  }: { runtimes?: number; memories?: number; seed?: number; driftFrom?: number } = {},
): DayFile[] {
  const next = seededRandom(seed);
  const start = Date.parse('2025-12-01T00:00:00Z');
  const files: DayFile[] = [];
  for (let d = 0; d < days; d++) {
    const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    const runtimeData: object[] = [];
    for (const [key, display, base] of RUNTIMES.slice(0, runtimes))
      for (const m of MEMORY.slice(0, memories))
        for (const a of ARCHS)
          for (const p of PACKAGES) {
            const slower = d >= driftFrom && key.startsWith('nodejs') ? 1.3 : 1;
            const i = Array.from(
              { length: 10 },
              () => Math.round(base * slower * (0.8 + next() * 0.6) * 100) / 100,
            );
            const mean = Math.round((i.reduce((s, v) => s + v, 0) / i.length) * 1000) / 1000;
            runtimeData.push({ r: `lambda-perf-${key}-${p}-${m}-${a}`, p, d: display, i, m, a, acd: mean });
          }
    files.push({
      name: `${date}.json`,
      text: JSON.stringify({ metadata: { generatedAt: `${date}T14:00:00.123Z` }, runtimeData }),
    });
  }
  return files;
}
