import type { Arch } from '../sample';
import type { SampleColumns } from '../sample-columns';
import { BaselineColumnsWriter } from './baseline-columns';
import { describeValue, jsonSyntaxMessage } from './json-text';
import { EntryError, readEntry } from './lambda-perf-entry';
import { isSnapStart, runtimeOfDisplayName } from './runtime-names';

/** The means lambda-perf publishes per function: kept aside, since they are not values of single samples. */
export interface BaselineMeans {
  name: string;
  runtime: string | null;
  arch: Arch | null;
  memoryMB: number;
  packageType: 'zip' | 'image';
  /** Cold starts listed (samples made of this entry). */
  samples: number;
  meanColdStartMs: number | null;
  meanDurationMs: number | null;
  meanMaxMemoryUsedMB: number | null;
}

/** One day of maxday/lambda-perf as a dataset. */
export interface BaselineDay {
  /** `YYYY-MM-DD` (UTC), from `metadata.generatedAt`, else from the file name. */
  day: string;
  /** The dataset's tag, also every sample's `run`: `public baseline 2025-12-21`. */
  tag: string;
  /**
   * One cold sample per listed duration. Name: the display name (`nodejs22.x`; `nodejs22.x (image)` for a
   * container image, as samples have no package-type column). Runtime: the Lambda runtime the name stands
   * for. Init Duration (Restore Duration for SnapStart); Duration, Billed Duration and Max Memory Used are
   * unknown (NaN: lambda-perf publishes only their means). Timestamp: the day.
   */
  columns: SampleColumns;
  means: BaselineMeans[];
  /** Entries that could not be read and other news, one line each, without the file name. */
  warnings: string[];
}

export type BaselineParseResult = { ok: true; baseline: BaselineDay } | { ok: false; error: string };

export const BASELINE_TAG = 'public baseline';

const EXPECTED_FILE = 'an object with metadata and runtimeData (a maxday/lambda-perf daily file)';
const DAY_IN_NAME = /(?:^|[/\\])(\d{4}-\d{2}-\d{2})\.json$/i;
/** Skipped entries named in a warning; the rest are counted. */
const SHOWN_SKIPS = 3;

function isValidDay(day: string): boolean {
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === day;
}

/** The day of the file: its generatedAt (UTC), else its name; an error text when neither says one. */
function dayOf(metadata: unknown, fileName: string, warnings: string[]): string | { error: string } {
  const fromName = DAY_IN_NAME.exec(fileName)?.[1];
  const nameDay = fromName !== undefined && isValidDay(fromName) ? fromName : null;
  const generatedAt =
    metadata !== null && typeof metadata === 'object'
      ? (metadata as Record<string, unknown>).generatedAt
      : undefined;
  const time = typeof generatedAt === 'string' ? Date.parse(generatedAt) : NaN;
  if (Number.isFinite(time)) {
    const day = new Date(time).toISOString().slice(0, 10);
    if (nameDay !== null && nameDay !== day)
      warnings.push(`metadata.generatedAt is on ${day} but the file name says ${nameDay}; using ${day}`);
    return day;
  }
  if (nameDay !== null) return nameDay;
  return {
    error:
      `no date: expected metadata.generatedAt (an ISO 8601 time) or a file name like 2025-12-21.json; ` +
      `found ${generatedAt === undefined ? 'no metadata.generatedAt' : `metadata.generatedAt ${describeValue(generatedAt)}`}`,
  };
}

/**
 * Parses one daily JSON file of maxday/lambda-perf (`data/YYYY-MM-DD.json`) into samples. Never throws: text
 * that is not JSON gets the line and column of the mistake, JSON of another shape the path of the first value
 * that is not what lambda-perf writes (`runtimeData[3].i[2]: expected ...; found ...`). Entries that cannot be
 * read are skipped with a warning; the file fails when none can be.
 */
export function parseLambdaPerfDay(text: string, fileName: string): BaselineParseResult {
  if (text.trim() === '') return { ok: false, error: 'the file is empty' };
  let root: unknown;
  try {
    root = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, error: jsonSyntaxMessage(text, error) };
  }
  if (root === null || typeof root !== 'object' || Array.isArray(root))
    return { ok: false, error: `expected ${EXPECTED_FILE}; found ${describeValue(root)}` };
  const { metadata, runtimeData } = root as Record<string, unknown>;
  if (!Array.isArray(runtimeData)) {
    const found =
      runtimeData === undefined ? describeValue(root) : `runtimeData ${describeValue(runtimeData)}`;
    return { ok: false, error: `expected ${EXPECTED_FILE}; found ${found}` };
  }
  if (runtimeData.length === 0) return { ok: false, error: 'runtimeData is empty: no function listed' };

  const warnings: string[] = [];
  const day = dayOf(metadata, fileName, warnings);
  if (typeof day !== 'string') return { ok: false, error: day.error };
  const tag = `${BASELINE_TAG} ${day}`;

  let capacity = 0;
  for (const entry of runtimeData) {
    const list =
      (entry as Record<string, unknown> | null)?.i ??
      (entry as Record<string, unknown> | null)?.initDurations;
    if (Array.isArray(list)) capacity += list.length;
  }
  const writer = new BaselineColumnsWriter(capacity, day, tag);
  const means: BaselineMeans[] = [];
  const skipped: EntryError[] = [];
  for (let e = 0; e < runtimeData.length; e++) {
    let entry;
    try {
      entry = readEntry(runtimeData[e], `runtimeData[${e}]`);
    } catch (error) {
      if (!(error instanceof EntryError)) throw error;
      skipped.push(error);
      continue;
    }
    const name = entry.packageType === 'image' ? `${entry.displayName} (image)` : entry.displayName;
    const runtime = runtimeOfDisplayName(entry.displayName);
    const restore = isSnapStart(entry.key, entry.displayName);
    writer.addEntry(name, runtime, entry.arch, entry.memoryMB, entry.coldStartsMs, restore);
    means.push({
      name,
      runtime,
      arch: entry.arch,
      memoryMB: entry.memoryMB,
      packageType: entry.packageType,
      samples: entry.coldStartsMs.length,
      meanColdStartMs: entry.meanColdStartMs,
      meanDurationMs: entry.meanDurationMs,
      meanMaxMemoryUsedMB: entry.meanMaxMemoryUsedMB,
    });
  }

  if (means.length === 0) {
    const first = skipped[0] as EntryError;
    return {
      ok: false,
      error: `no entry of runtimeData could be read (${runtimeData.length} tried): ${first.message}`,
    };
  }
  if (skipped.length > 0) {
    const shown = skipped.slice(0, SHOWN_SKIPS).map((s) => s.message);
    const more = skipped.length > SHOWN_SKIPS ? `; and ${skipped.length - SHOWN_SKIPS} more` : '';
    warnings.push(`${skipped.length} of ${runtimeData.length} entries skipped: ${shown.join('; ')}${more}`);
  }
  return { ok: true, baseline: { day, tag, columns: writer.finish(), means, warnings } };
}
