import { describe, expect, it } from 'vitest';
import { mapHeader } from '../../../shared/csv/header-mapping';
import { emptyImportReport } from '../../../shared/csv/import-report';
import { PlainRowReader } from '../../../shared/csv/plain-rows';
import { RowReader } from '../../../shared/csv/row-reader';
import { TextRowView } from '../../../shared/csv/row-view';
import type { Sample } from '../../../shared/sample';
import { samplesFromColumns } from '../../../shared/sample-columns';
import { SampleColumnsBuilder } from '../../../shared/sample-columns-builder';
import { ALL, ALL_LINE, describePlainRows, FIVE, type ReadOptions } from './plain-reader-cases';

type Options = ReadOptions;

/**
 * Each line read by PlainRowReader alone (one reader for all, as an import uses it): per line the sample it
 * took, or null when it left the line to RowReader.
 */
function readPlain(header: string, lines: string[], options: Options = {}): (Sample | null)[] {
  const delimiter = options.delimiter ?? ';';
  const mapping = mapHeader(header.split(delimiter), emptyImportReport('a.csv'), 1);
  if (typeof mapping === 'string') throw new Error(mapping);
  const text = lines.join('\n');
  const reader = new PlainRowReader(
    text,
    delimiter,
    mapping.index,
    header.split(delimiter).length,
    options.decimalComma ?? delimiter !== ',',
    options.archDefault ?? null,
    options.memoryDefault ?? NaN,
  );
  const out = new SampleColumnsBuilder(4);
  const taken: boolean[] = [];
  let start = 0;
  for (const line of lines) {
    taken.push(reader.read(start, start + line.length, out));
    start += line.length + 1;
  }
  const samples = samplesFromColumns(out.finish());
  return taken.map((t) => (t ? (samples.shift() as Sample) : null));
}

/** The same line as RowReader reads it: what the fast path must agree with. */
function readGeneral(header: string, line: string, options: Options = {}): Sample | null {
  const delimiter = options.delimiter ?? ';';
  const mapping = mapHeader(header.split(delimiter), emptyImportReport('a.csv'), 1);
  if (typeof mapping === 'string') throw new Error(mapping);
  const reader = new RowReader(
    mapping.index,
    header.split(delimiter).length,
    options.decimalComma ?? delimiter !== ',',
    options.archDefault ?? null,
    options.memoryDefault ?? NaN,
  );
  const view = new TextRowView(line, delimiter.charCodeAt(0));
  view.set(0, line.length);
  const out = new SampleColumnsBuilder(1);
  return reader.read(view, out) ? (samplesFromColumns(out.finish())[0] as Sample) : null;
}

const one = (header: string, line: string, options?: Options): Sample | null =>
  readPlain(header, [line], options)[0] as Sample | null;

describePlainRows('PlainRowReader', readPlain);

describe('PlainRowReader', () => {
  it.each([
    ['every column of a plain row', ALL, ALL_LINE],
    ['empty optional cells', ALL, 'api;;0;1;2;;;;;;;;;'],
    ['a number with a leading space', FIVE, 'api;128; 3;1;2'],
    ['an exponent', FIVE, 'api;128;1e3;1;2'],
    ['a decimal comma', FIVE, 'api;128;166,76;1;2'],
    ['16 digits', FIVE, 'api;128;1234567890123456;1;2'],
    ['a trailing point', FIVE, 'api;128;12.;1;2'],
    ['a leading point', FIVE, 'api;128;.5;1;2'],
  ])('reads %s to the values RowReader gives', (_what, header, line) => {
    const sample = one(header, line);
    expect(sample).not.toBeNull();
    expect(sample).toEqual(readGeneral(header, line));
  });
});
