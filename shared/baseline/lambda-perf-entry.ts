import type { Arch } from '../sample';
import { describeValue } from './json-text';

/**
 * One entry of a lambda-perf daily file's `runtimeData`: one function (runtime × package type × memory ×
 * architecture) and its cold starts that day. Two spellings exist: the compact one of current files
 * (`r`, `p`, `d`, `i`, `m`, `a`, `mu`, `ad`, `acd`) and the long one of 2022–2023 files (`runtime`,
 * `displayName`, `initDurations`, `memorySize`, `architecture`, `averageMemoryUsed`, `averageDuration`,
 * `averageColdStartDuration`; no package type then, and at first no architecture).
 */
export interface LambdaPerfEntry {
  /** lambda-perf's function name, e.g. `lambda-perf-nodejs22x-zip-512-arm64`. */
  key: string;
  packageType: 'zip' | 'image';
  /** e.g. `nodejs22.x`, `go (prov.al2023)`. */
  displayName: string;
  /** The day's cold starts, ms (Init Duration; Restore Duration for SnapStart). */
  coldStartsMs: number[];
  memoryMB: number;
  arch: Arch | null;
  /** Means over the day's invocations: not per-sample values, so kept beside the samples. */
  meanMaxMemoryUsedMB: number | null;
  meanDurationMs: number | null;
  meanColdStartMs: number | null;
}

/** Field names of each spelling, in the order of LambdaPerfEntry. */
const COMPACT = {
  key: 'r',
  displayName: 'd',
  coldStarts: 'i',
  memory: 'm',
  arch: 'a',
  mu: 'mu',
  ad: 'ad',
  acd: 'acd',
};
const LONG = {
  key: 'runtime',
  displayName: 'displayName',
  coldStarts: 'initDurations',
  memory: 'memorySize',
  arch: 'architecture',
  mu: 'averageMemoryUsed',
  ad: 'averageDuration',
  acd: 'averageColdStartDuration',
};

export const EXPECTED_ENTRY =
  'an object with r, p, d, i, m and a (runtime id, package type, display name, init durations, memory, ' +
  'architecture) or runtime, displayName, initDurations and memorySize';

/** A field that is not what lambda-perf writes: `path` like `runtimeData[3].i[2]`. */
export class EntryError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
    readonly found: unknown,
  ) {
    super(`${path}: expected ${expected}; found ${describeValue(found)}`);
  }
}

function text(entry: Record<string, unknown>, field: string, path: string): string {
  const value = entry[field];
  if (typeof value !== 'string' || value.trim() === '')
    throw new EntryError(`${path}.${field}`, 'a text', value);
  return value;
}

function optionalMean(entry: Record<string, unknown>, field: string, path: string): number | null {
  const value = entry[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new EntryError(`${path}.${field}`, 'a number ≥ 0', value);
  return value;
}

function coldStarts(entry: Record<string, unknown>, field: string, path: string): number[] {
  const list = entry[field];
  if (!Array.isArray(list)) throw new EntryError(`${path}.${field}`, 'a list of durations in ms', list);
  for (let k = 0; k < list.length; k++) {
    const v: unknown = list[k];
    // `v - v === 0` is Number.isFinite(v) for a number, without a call per value.
    if (typeof v !== 'number' || v - v !== 0 || v < 0)
      throw new EntryError(`${path}.${field}[${k}]`, 'a duration in ms (a number ≥ 0)', v);
  }
  return list as number[];
}

function memory(entry: Record<string, unknown>, field: string, path: string): number {
  const value = entry[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 128 || value > 10240)
    throw new EntryError(`${path}.${field}`, 'a memory size in MB (a whole number from 128 to 10240)', value);
  return value;
}

function arch(value: unknown, path: string): Arch {
  if (value === 'x86_64' || value === 'arm64') return value;
  throw new EntryError(path, '"x86_64" or "arm64"', value);
}

/**
 * Reads one entry (at `path`, e.g. `runtimeData[3]`), checking every field it uses; throws EntryError naming
 * the field and what was expected.
 */
export function readEntry(value: unknown, path: string): LambdaPerfEntry {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new EntryError(path, EXPECTED_ENTRY, value);
  const entry = value as Record<string, unknown>;
  const compact = 'r' in entry;
  if (!compact && !('runtime' in entry)) throw new EntryError(path, EXPECTED_ENTRY, value);
  const f = compact ? COMPACT : LONG;
  const key = text(entry, f.key, path);

  let packageType: 'zip' | 'image' = 'zip';
  const p = compact ? entry.p : entry.packageType;
  if (compact || p !== undefined) {
    if (p !== 'zip' && p !== 'image')
      throw new EntryError(`${path}.${compact ? 'p' : 'packageType'}`, '"zip" or "image"', p);
    packageType = p;
  }

  const archValue = entry[f.arch];
  let architecture: Arch | null;
  if (compact || archValue !== undefined) architecture = arch(archValue, `${path}.${f.arch}`);
  else {
    // The first files had no architecture field; the function name ends with it when there was a choice.
    const suffix = /-(x86_64|arm64)$/.exec(key)?.[1];
    architecture = suffix === undefined ? null : (suffix as Arch);
  }

  return {
    key,
    packageType,
    displayName: text(entry, f.displayName, path),
    coldStartsMs: coldStarts(entry, f.coldStarts, path),
    memoryMB: memory(entry, f.memory, path),
    arch: architecture,
    meanMaxMemoryUsedMB: optionalMean(entry, f.mu, path),
    meanDurationMs: optionalMean(entry, f.ad, path),
    meanColdStartMs: optionalMean(entry, f.acd, path),
  };
}
