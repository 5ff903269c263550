import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { carriesMarkerOf, MARKER_KEY, type OriginalConfig, type WrittenConfig } from './journal';

/**
 * Whether a function's current configuration is provably ours: exactly what the run wrote (our exact
 * marker value, the original variables and nothing else, our memory), its original, or someone else's.
 * Measuring, restoring and recovery all decide with this one function.
 */
export type Ownership =
  | { kind: 'original' }
  | { kind: 'ours'; written: WrittenConfig }
  /** Lambda did not give us the variables (Environment.Error): nothing can be proven. */
  | { kind: 'unreadable'; detail: string }
  /**
   * Changed by someone else. `markerRemovable`: their configuration still has our marker key, and the
   * journal proves the rest is not what we wrote, so removing that one key is all we may do.
   */
  | { kind: 'theirs'; detail: string; markerRemovable: boolean };

type Variables = Record<string, string> | null | undefined;

/** Same variables, byte for byte (order of keys aside); no Environment and an empty one are the same. */
export function sameVariables(a: Variables, b: Variables): boolean {
  const ea = Object.entries(a ?? {});
  const mb = b ?? {};
  return ea.length === Object.keys(mb).length && ea.every(([k, v]) => Object.hasOwn(mb, k) && mb[k] === v);
}

/** The variables the run writes: the original ones plus the marker, nothing else. */
export function ourVariables(original: OriginalConfig, marker: string): Record<string, string> {
  return { ...(original.variables ?? {}), [MARKER_KEY]: marker };
}

/** Lambda's reason for not returning the variables (e.g. no kms:Decrypt on a customer managed key), or null. */
export function unreadableEnvironment(config: FunctionConfiguration): string | null {
  const error = config.Environment?.Error;
  if (!error) return null;
  return `${error.ErrorCode ?? 'Error'}: ${error.Message ?? 'Lambda did not return the variables'}`;
}

export function matchesOriginal(config: FunctionConfiguration, original: OriginalConfig): boolean {
  return (
    unreadableEnvironment(config) === null &&
    config.MemorySize === original.memoryMB &&
    sameVariables(config.Environment?.Variables, original.variables)
  );
}

export function isExactlyWritten(
  config: FunctionConfiguration,
  original: OriginalConfig,
  written: WrittenConfig,
): boolean {
  return (
    // Stryker disable next-line ConditionalExpression: unread variables never equal ours, which hold the marker
    unreadableEnvironment(config) === null &&
    config.MemorySize === written.memoryMB &&
    sameVariables(config.Environment?.Variables, ourVariables(original, written.marker))
  );
}

const names = (keys: string[]) => keys.map((k) => (k === MARKER_KEY ? `${k} (our marker)` : k)).join(', ');

/**
 * What differs between a configuration and what we expected, by variable name only (values may be
 * secrets): "memory 1024 → 2048 MB; variable NEW added; revision 7f…".
 */
export function describeDifference(
  config: FunctionConfiguration,
  expected: { memoryMB: number; variables: Variables },
): string {
  const parts: string[] = [];
  if (config.MemorySize !== expected.memoryMB)
    parts.push(`memory ${expected.memoryMB} → ${config.MemorySize ?? '?'} MB`);
  const now = config.Environment?.Variables ?? {};
  const was = expected.variables ?? {};
  const added = Object.keys(now).filter((k) => !Object.hasOwn(was, k));
  const removed = Object.keys(was).filter((k) => !Object.hasOwn(now, k));
  const changed = Object.keys(now).filter((k) => Object.hasOwn(was, k) && was[k] !== now[k]);
  if (added.length > 0) parts.push(`variable(s) added: ${names(added)}`);
  if (removed.length > 0) parts.push(`variable(s) removed: ${names(removed)}`);
  if (changed.length > 0) parts.push(`variable(s) changed: ${names(changed)}`);
  if (parts.length === 0) parts.push('a new revision with the same memory and variables');
  return `${parts.join('; ')} (now revision ${config.RevisionId ?? '?'})`;
}

/**
 * Decides whose configuration a function carries. `written` lists what the run wrote, newest last; an
 * entry of an older journal has none, and then nothing the function carries can be proven ours.
 */
export function ownershipOf(
  config: FunctionConfiguration,
  original: OriginalConfig,
  written: readonly WrittenConfig[] | undefined,
  runId: string,
): Ownership {
  const unreadable = unreadableEnvironment(config);
  if (unreadable !== null) return { kind: 'unreadable', detail: unreadable };
  if (matchesOriginal(config, original)) return { kind: 'original' };
  // Newest first; each write has its own marker, so at most one entry can match.
  // Stryker disable next-line ArrayDeclaration,MethodExpression: with no entries or one match the order and a filler change nothing
  const ours = [...(written ?? [])].reverse().find((w) => isExactlyWritten(config, original, w));
  if (ours) return { kind: 'ours', written: ours };
  const last = written?.at(-1);
  const expected = last
    ? { memoryMB: last.memoryMB, variables: ourVariables(original, last.marker) }
    : { memoryMB: original.memoryMB, variables: original.variables };
  const detail =
    written === undefined
      ? `its journal is from an older version that did not record what the run wrote, so it cannot be proven ours; compared with the original: ${describeDifference(config, expected)}`
      : `changed by someone else since: ${describeDifference(config, expected)}`;
  return {
    kind: 'theirs',
    detail,
    markerRemovable: written !== undefined && carriesMarkerOf(config.Environment?.Variables, runId),
  };
}
