import type { Arch } from '../sample';
import { MEMORY_RANGE_MB } from './schema';

export interface FileNameHints {
  arch: Arch | null;
  memoryMB: number | null;
  /** Why a hint the name seems to give was not taken (e.g. two different memory sizes). */
  ambiguities: string[];
}

const ARM = new Set(['arm', 'arm64', 'aarch64', 'graviton', 'graviton2', 'graviton3', 'graviton4']);
const X86 = new Set(['x86', 'x8664', 'amd64', 'x64']);

/**
 * What a file name says about architecture and memory: `speed-arm-1024.csv` → arm64, 1024 MB. Only a
 * single, unambiguous hint counts; a date such as 2023-07-29 is never taken for a memory size.
 */
export function hintsFromFileName(fileName: string): FileNameHints {
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '').toLowerCase();
  const withoutDates = base.replace(/\d{4}-\d{2}-\d{2}|\d{8}T?\d*/g, ' ');
  // `x86_64` is one token; every other separator splits.
  const tokens = withoutDates.replace(/x86_64/g, 'x8664').split(/[^a-z0-9]+/);
  const arches = new Set<Arch>();
  const memories = new Set<number>();
  for (const token of tokens) {
    if (ARM.has(token)) arches.add('arm64');
    else if (X86.has(token)) arches.add('x86_64');
    const memory = /^(\d+)(?:mb)?$/.exec(token);
    if (memory) {
      const mb = Number(memory[1]);
      if (mb >= MEMORY_RANGE_MB.min && mb <= MEMORY_RANGE_MB.max) memories.add(mb);
    }
  }
  const ambiguities: string[] = [];
  if (arches.size > 1) ambiguities.push(`the file name names both architectures (${[...arches].join(', ')})`);
  if (memories.size > 1)
    ambiguities.push(`the file name has several memory sizes (${[...memories].join(', ')})`);
  return {
    arch: arches.size === 1 ? ([...arches][0] ?? null) : null,
    memoryMB: memories.size === 1 ? ([...memories][0] ?? null) : null,
    ambiguities,
  };
}
