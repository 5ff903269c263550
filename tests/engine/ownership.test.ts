import { describe, expect, it } from 'vitest';
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { MARKER_KEY } from '../../electron/engine/journal';
import { ownershipOf } from '../../electron/engine/ownership';

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
