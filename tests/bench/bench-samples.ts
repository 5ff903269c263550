// The generated measurements both import benches read: 4 functions × 4 memory sizes × 2 architectures, numbers
// with two decimals like Lambda's REPORT values, every tenth sample warm (no Init), unique request ids.
import type { Sample } from '../../shared/sample';
import { seededRandom } from '../random';

const NAMES = ['hello-node', 'hello-py311', 'hello-runtime-go', 'hello-runtime-al2'];
const MEMORY = [128, 512, 1024, 2048];

export function benchSamples(rows: number): Sample[] {
  const next = seededRandom(12345);
  const samples: Sample[] = [];
  for (let i = 0; i < rows; i++) {
    const duration = Math.round(next() * 2000) / 100;
    samples.push({
      name: NAMES[i % 4] as string,
      memoryMB: MEMORY[(i >> 2) % 4] as number,
      initMs: i % 10 === 9 ? null : Math.round((40 + next() * 160) * 100) / 100,
      durationMs: duration,
      billedMs: Math.ceil(duration),
      arch: (i >> 4) % 2 === 0 ? 'x86_64' : 'arm64',
      runtime: 'nodejs20.x',
      maxMemoryUsedMB: 60 + (i % 40),
      restoreMs: null,
      status: 'success',
      errorType: null,
      requestId: `3f2a6a1e-1b2c-4d5e-8f90-${i.toString(16).padStart(12, '0')}`,
      timestamp: new Date(1690655411606 + i * 1000).toISOString(),
      run: 'bench',
    });
  }
  return samples;
}

/** The published seed format, `Name;Memory;Init;Cold;Billed` (no arch: a file name may say it). */
export function seedCsv(samples: readonly Sample[]): string {
  const lines = ['Name;Memory;Init;Cold;Billed'];
  for (const s of samples)
    lines.push(`${s.name};${s.memoryMB};${s.initMs ?? ''};${s.durationMs};${s.billedMs}`);
  return `${lines.join('\n')}\n`;
}
