import { describe, expect, it } from 'vitest';
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { MARKER_KEY } from '../../electron/engine/journal';
import {
  describeDifference,
  isExactlyWritten,
  matchesOriginal,
  ownershipOf,
  sameVariables,
  unreadableEnvironment,
} from '../../electron/engine/ownership';

const RUN = '20261201-000000-abcd';
const original = { memoryMB: 128, variables: { A: '1' }, revisionId: 'r0', kmsKeyArn: null };
const written = [{ marker: `${RUN}-5`, memoryMB: 1024 }];
const config = (variables: Record<string, string>, memoryMB = 1024): FunctionConfiguration => ({
  MemorySize: memoryMB,
  Environment: { Variables: variables },
  RevisionId: 'r9',
});

describe('ownershipOf', () => {
  it('is ours only with the exact marker value, the original variables and nothing else, our memory', () => {
    expect(ownershipOf(config({ A: '1', [MARKER_KEY]: `${RUN}-5` }), original, written, RUN).kind).toBe(
      'ours',
    );
    for (const other of [
      config({ A: '1', [MARKER_KEY]: `${RUN}-4` }), // a marker of this run, but not the one we wrote last
      config({ A: '1', [MARKER_KEY]: `${RUN}-5`, B: '2' }),
      config({ A: 'x', [MARKER_KEY]: `${RUN}-5` }),
      config({ A: '1', [MARKER_KEY]: `${RUN}-5` }, 2048),
    ]) {
      expect(ownershipOf(other, original, written, RUN)).toMatchObject({
        kind: 'theirs',
        markerRemovable: true,
      });
    }
    expect(ownershipOf(config({ B: '2' }), original, written, RUN)).toMatchObject({
      kind: 'theirs',
      markerRemovable: false,
    });
  });

  it('knows the original, and cannot judge variables Lambda did not return', () => {
    expect(ownershipOf(config({ A: '1' }, 128), original, written, RUN).kind).toBe('original');
    const locked: FunctionConfiguration = {
      MemorySize: 1024,
      Environment: { Error: { ErrorCode: 'AccessDeniedException', Message: 'no kms:Decrypt' } },
    };
    expect(ownershipOf(locked, original, written, RUN)).toEqual({
      kind: 'unreadable',
      detail: 'AccessDeniedException: no kms:Decrypt',
    });
  });

  it('proves nothing ours from a journal that did not record what was written', () => {
    const owner = ownershipOf(config({ A: '1', [MARKER_KEY]: `${RUN}-5` }), original, undefined, RUN);
    expect(owner).toMatchObject({ kind: 'theirs', markerRemovable: false });
  });
});

describe('the pieces of ownership', () => {
  const locked = (error: { ErrorCode?: string; Message?: string }): FunctionConfiguration => ({
    MemorySize: 128,
    Environment: { Error: error },
  });

  it("names Lambda's reason for not returning the variables, with defaults for what it leaves out", () => {
    expect(unreadableEnvironment(config({}))).toBeNull();
    expect(unreadableEnvironment({ MemorySize: 128 })).toBeNull();
    expect(unreadableEnvironment(locked({ ErrorCode: 'KMSAccessDenied', Message: 'no' }))).toBe(
      'KMSAccessDenied: no',
    );
    expect(unreadableEnvironment(locked({}))).toBe('Error: Lambda did not return the variables');
  });

  it('never takes variables it could not read for the original or for what was written, even when there were none', () => {
    const bare = { memoryMB: 128, variables: null, revisionId: null, kmsKeyArn: null };
    expect(matchesOriginal({ MemorySize: 128 }, bare)).toBe(true);
    expect(matchesOriginal(locked({ ErrorCode: 'X' }), bare)).toBe(false);
    expect(
      isExactlyWritten(
        locked({ ErrorCode: 'X' }),
        { ...bare, variables: {} },
        { marker: 'm', memoryMB: 128 },
      ),
    ).toBe(false);
  });

  it('compares variables by name and value, no Environment being none', () => {
    expect(sameVariables(null, undefined)).toBe(true);
    expect(sameVariables({}, null)).toBe(true);
    expect(sameVariables({ A: '1' }, { A: '1' })).toBe(true);
    expect(sameVariables({ A: '1' }, { A: '2' })).toBe(false);
    expect(sameVariables({ A: '1' }, { B: '1' })).toBe(false);
    expect(sameVariables({ A: '1' }, { A: '1', B: '2' })).toBe(false);
    expect(sameVariables({ A: '1', B: '2' }, { A: '1' })).toBe(false);
    expect(sameVariables({ A: '1' }, null)).toBe(false);
    expect(sameVariables(null, { A: '1' })).toBe(false);
  });

  it('describes a difference by variable names and memory, never values', () => {
    const now: FunctionConfiguration = {
      MemorySize: 2048,
      Environment: { Variables: { KEEP: 'same', CHANGED: 'new secret', ADDED: 'x', [MARKER_KEY]: 'm' } },
      RevisionId: 'rev-2',
    };
    expect(
      describeDifference(now, {
        memoryMB: 1024,
        variables: { KEEP: 'same', CHANGED: 'old secret', GONE: 'y' },
      }),
    ).toBe(
      `memory 1024 → 2048 MB; variable(s) added: ADDED, ${MARKER_KEY} (our marker); variable(s) removed: GONE; variable(s) changed: CHANGED (now revision rev-2)`,
    );
    expect(describeDifference({}, { memoryMB: 128, variables: null })).toBe(
      'memory 128 → ? MB (now revision ?)',
    );
    expect(describeDifference({ MemorySize: 128 }, { memoryMB: 128, variables: null })).toBe(
      'a new revision with the same memory and variables (now revision ?)',
    );
  });

  it('compares a function of an older journal with its original, and with the last write otherwise', () => {
    const now = config({ A: '1', [MARKER_KEY]: `${RUN}-5` }, 1024);
    expect(ownershipOf(now, original, undefined, RUN)).toEqual({
      kind: 'theirs',
      detail: `its journal is from an older version that did not record what the run wrote, so it cannot be proven ours; compared with the original: memory 128 → 1024 MB; variable(s) added: ${MARKER_KEY} (our marker) (now revision r9)`,
      markerRemovable: false,
    });
    const later = [...written, { marker: `${RUN}-6`, memoryMB: 2048 }];
    expect(ownershipOf(now, original, later, RUN)).toEqual({ kind: 'ours', written: written[0] });
    expect(ownershipOf(config({ A: '1', [MARKER_KEY]: `${RUN}-7` }), original, later, RUN)).toEqual({
      kind: 'theirs',
      detail: `changed by someone else since: memory 2048 → 1024 MB; variable(s) changed: ${MARKER_KEY} (our marker) (now revision r9)`,
      markerRemovable: true,
    });
    // With nothing written yet the original is what the function should carry.
    expect(ownershipOf(config({ B: '2' }, 128), original, [], RUN)).toEqual({
      kind: 'theirs',
      detail: 'changed by someone else since: variable(s) added: B; variable(s) removed: A (now revision r9)',
      markerRemovable: false,
    });
  });

  it('takes a function whose Environment someone removed for theirs', () => {
    const none: FunctionConfiguration = { MemorySize: 1024, RevisionId: 'r9' };
    expect(ownershipOf(none, original, written, RUN)).toMatchObject({
      kind: 'theirs',
      markerRemovable: false,
    });
    expect(isExactlyWritten(none, original, written[0]!)).toBe(false);
  });

  it('removes only a marker of this run', () => {
    const other = config({ A: 'x', [MARKER_KEY]: '20261201-000000-ffff-5' });
    expect(ownershipOf(other, original, written, RUN)).toMatchObject({
      kind: 'theirs',
      markerRemovable: false,
    });
  });
});
