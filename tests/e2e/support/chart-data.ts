// Generated files shaped like real-world cold-start data, for the chart's scale tests and the bench.
import { exportCsv } from '../../../shared/csv/export-csv';
import type { Arch, Sample } from '../../../shared/sample';
import { seededRandom } from '../../random';

/** 40 runtimes as a public daily benchmark lists them (names of very different lengths). */
export const RUNTIMES = [
  'nodejs16.x',
  'nodejs18.x',
  'nodejs20.x',
  'nodejs22.x',
  'nodejs22.x-esm-bundled',
  'python3.8',
  'python3.9',
  'python3.10',
  'python3.11',
  'python3.12',
  'python3.13',
  'java8.al2',
  'java11',
  'java17',
  'java21',
  'java11-snapstart',
  'java17-snapstart',
  'java21-snapstart',
  'dotnet6',
  'dotnet8',
  'dotnet8-native-aot',
  'ruby3.2',
  'ruby3.3',
  'ruby3.4',
  'go-provided.al2',
  'go-provided.al2023',
  'rust-provided.al2',
  'rust-provided.al2023',
  'cpp-provided.al2023',
  'bun-provided.al2023',
  'deno-provided.al2023',
  'llrt-provided.al2023',
  'graalvm-java17-provided.al2023',
  'graalvm-java21-provided.al2023',
  'quarkus-native-java21-provided.al2023',
  'shell-provided.al2023',
  'swift-provided.al2',
  'php8.3-bref-provided.al2023',
  'nodejs20.x-powertools',
  'python3.12-powertools',
];
export const MEMORY = [128, 512, 1024, 1769];
const ARCHS: Arch[] = ['x86_64', 'arm64'];

function sample(name: string, arch: Arch, memoryMB: number, initMs: number, i: number): Sample {
  const durationMs = Math.round(initMs * 0.1 * 100) / 100 + 1;
  return {
    name,
    memoryMB,
    initMs,
    durationMs,
    billedMs: Math.ceil(durationMs),
    arch,
    runtime: null,
    maxMemoryUsedMB: null,
    restoreMs: null,
    status: 'success',
    errorType: null,
    requestId: `req-${i.toString(16).padStart(10, '0')}`,
    timestamp: new Date(1_760_000_000_000 + i * 1000).toISOString(),
    run: 'daily',
  };
}

/**
 * 40 runtimes × zip/image × 2 architectures × 4 memory sizes, 20 combinations left out: 620 groups of
 * `perGroup` cold starts (log-normal around a runtime's own level), no MaxMemory column values.
 */
export function dailyBenchmarkSamples(perGroup: number, seed = 620): Sample[] {
  const next = seededRandom(seed);
  const combos: [string, Arch, number][] = [];
  for (const runtime of RUNTIMES)
    for (const pkg of ['zip', 'image'])
      for (const arch of ARCHS) for (const memory of MEMORY) combos.push([`${runtime}-${pkg}`, arch, memory]);
  while (combos.length > 620) combos.splice(Math.floor(next() * combos.length), 1);
  const samples: Sample[] = [];
  let i = 0;
  for (const [name, arch, memory] of combos) {
    const level = 80 + next() * 900;
    for (let k = 0; k < perGroup; k++) {
      const noise = Math.exp((next() + next() + next() - 1.5) * 0.4);
      samples.push(sample(name, arch, memory, Math.round(level * noise * 100) / 100, i++));
    }
  }
  return samples;
}

/** 12 functions × 2 architectures × 4 memory sizes (4 panels when colored by arch), 10 samples each. */
export function twelveFunctionSamples(seed = 12): Sample[] {
  const next = seededRandom(seed);
  const names = [
    'orders-api-handler',
    'payments-webhook',
    'inventory-sync',
    'image-resizer',
    'pdf-renderer',
    'auth-authorizer',
    'search-indexer',
    'email-sender',
    'report-generator',
    'thumbnail-worker',
    'audit-log-writer',
    'notifications-fanout',
  ];
  const samples: Sample[] = [];
  let i = 0;
  for (const name of names)
    for (const arch of ARCHS)
      for (const memory of MEMORY) {
        const level = 100 + next() * 600;
        for (let k = 0; k < 10; k++)
          samples.push(sample(name, arch, memory, Math.round(level * (0.8 + next() * 0.4)), i++));
      }
  return samples;
}

/** Names that are markup: they must show as the literal text, never as a link or bold. */
export const MARKUP_NAMES = ['<a href="https://x">x</a>', '<b>bold</b>', 'plain & simple'];
export function markupNameSamples(): Sample[] {
  const samples: Sample[] = [];
  let i = 0;
  for (const name of MARKUP_NAMES)
    for (let k = 0; k < 8; k++) samples.push(sample(name, 'x86_64', 1024, 100 + k * 7 + i, i++));
  return samples;
}

export const csvOf = exportCsv;
