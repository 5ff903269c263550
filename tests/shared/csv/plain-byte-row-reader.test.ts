import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../shared/sample';
import { readPlain, type Options } from './plain-byte-reading';
import { describePlainRows } from './plain-reader-cases';

// The cases both plain readers share are in plain-reader-cases.ts; these are the byte reader's own: request
// ids and timestamps are kept as bytes, so only ASCII ones are plain here.

const one = (header: string, line: string | Uint8Array, options?: Options): Sample | null =>
  readPlain(header, [line], options)[0] as Sample | null;

describePlainRows('PlainByteRowReader', readPlain);

describe('PlainByteRowReader: request ids and timestamps', () => {
  it.each([
    ['a request id', 'Name;Init;Cold;Billed;RequestId', 'f;;1;2;'],
    ['a timestamp', 'Name;Init;Cold;Billed;Timestamp', 'f;;1;2;'],
  ])(
    'leaves %s with spaces at its edges, an escape or non-ASCII bytes to RowReader',
    (_what, header, start) => {
      for (const cell of [' r-1', 'r-1 ', "'=r", 'r\u00e9q', 'r\u007f'])
        expect(one(header, `${start}${cell}`)).toBeNull();
      expect(one(header, `${start}r-1`)).not.toBeNull();
      expect(one(header, `${start}'r`)).toBeNull();
      expect(one(header, `${start}r'`)).not.toBeNull();
    },
  );

  it('leaves a request id of one space to RowReader, also at the very start of the bytes', () => {
    expect(one('RequestId;Name;Init;Cold;Billed', ' ;f;;1;2')).toBeNull();
    expect(one('Name;RequestId;Init;Cold;Billed', 'f; ;;1;2')).toBeNull();
  });

  it('leaves a short row to RowReader whose first cell, a request id, is not plain', () => {
    // Read again from its start, the row would fill the other four columns.
    expect(one('RequestId;Name;Init;Cold;Billed', 'aéb;;1;2')).toBeNull();
    expect(one('RequestId;Name;Init;Cold;Billed', 'aéb;f;;1;2')).toBeNull();
  });

  it('takes request ids and timestamps before other cells, and empty ones as none', () => {
    const header = 'RequestId;Timestamp;Name;Init;Cold;Billed';
    expect(one(header, 'r-1;2026-01-01T00:00:00Z;f;;1;2')).toMatchObject({
      requestId: 'r-1',
      timestamp: '2026-01-01T00:00:00Z',
      name: 'f',
      durationMs: 1,
    });
    expect(one(header, ';;f;;1;2')).toMatchObject({ requestId: null, timestamp: null, name: 'f' });
  });
});
