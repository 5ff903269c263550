// The seed-format file of issue 14 for the `coldstart stats` bench: 620 groups (function × memory), a million
// rows, log-normal timings. Rows come in blocks, as files concatenated from measurement runs do.
import { seededRandom } from '../random';

const RUNTIMES = [
  'nodejs18',
  'nodejs20',
  'nodejs22',
  'python39',
  'python310',
  'python311',
  'python312',
  'python313',
  'java11',
  'java17',
  'java21',
  'java21-snapstart',
  'dotnet6',
  'dotnet8',
  'ruby32',
  'ruby33',
  'go-al2',
  'go-al2023',
  'rust-al2',
  'rust-al2023',
  'cpp-al2',
  'cpp-al2023',
  'bun-al2023',
  'deno-al2023',
  'llrt-al2023',
  'php83-bref',
  'swift-al2',
  'kotlin-jvm',
  'scala-jvm',
  'clojure-jvm',
  'graalvm-native',
  'quarkus-native',
  'micronaut-jvm',
  'spring-boot3',
  'nodejs20-esm',
  'nodejs20-webpack',
  'python312-slim',
  'python312-numpy',
  'java17-tiered',
  'dotnet8-aot',
];
const ARCHS = ['x86', 'arm64'];
const PACKAGES = ['zip', 'image'];
const MEMORY = [128, 512, 1024, 2048];

export interface StatsFileGroup {
  name: string;
  memoryMB: number;
}

/**
 * 40 runtimes × 2 architectures × 2 packagings × 4 memory sizes, less the arm64 images of the last 5 runtimes
 * at every memory size (as if they did not exist): 640 − 20 = 620 groups.
 */
export function statsFileGroups(): StatsFileGroup[] {
  const groups: StatsFileGroup[] = [];
  RUNTIMES.forEach((runtime, r) => {
    for (const arch of ARCHS) {
      for (const pkg of PACKAGES) {
        if (r >= RUNTIMES.length - 5 && arch === 'arm64' && pkg === 'image') continue;
        for (const memoryMB of MEMORY)
          groups.push({ name: `coldstart-lab-bench-${runtime}-${arch}-${pkg}`, memoryMB });
      }
    }
  });
  return groups;
}

/** A standard normal deviate (Box–Muller) from two uniform ones. */
function normal(next: () => number): number {
  const u = 1 - next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}

const twoDecimals = (v: number): number => Math.round(v * 100) / 100;

/**
 * The seed format (`Name;Memory;Init;Cold;Billed`), `rows` rows in blocks of 20–200 rows of one group (a
 * measurement run), the groups in random order. Per group, Init is log-normal around a median of 80–1,500 ms
 * with a spread (σ of its logarithm) of 25–50%, Duration log-normal around 1–60 ms; every tenth row is warm
 * (no Init).
 */
export function statsFileCsv(rows: number, seed = 20260514): string {
  const next = seededRandom(seed);
  const groups = statsFileGroups().map((g) => ({
    ...g,
    initMedian: 80 + next() * 1420,
    initSigma: 0.25 + next() * 0.25,
    durationMedian: 1 + next() * 59,
    durationSigma: 0.25 + next() * 0.25,
  }));
  const lines = ['Name;Memory;Init;Cold;Billed'];
  let written = 0;
  let block = 0;
  while (written < rows) {
    // Every group first once in order (each has samples, whatever `rows` is), then at random.
    const g = groups[
      block < groups.length ? block : Math.floor(next() * groups.length)
    ] as (typeof groups)[0];
    block += 1;
    const size = Math.min(rows - written, 20 + Math.floor(next() * 181));
    const prefix = `${g.name};${g.memoryMB};`;
    for (let k = 0; k < size; k++) {
      const duration = twoDecimals(g.durationMedian * Math.exp(g.durationSigma * normal(next)));
      const warm = (written + k) % 10 === 9;
      const init = warm ? '' : String(twoDecimals(g.initMedian * Math.exp(g.initSigma * normal(next))));
      lines.push(`${prefix}${init};${duration};${Math.max(1, Math.ceil(duration))}`);
    }
    written += size;
  }
  return `${lines.join('\n')}\n`;
}
