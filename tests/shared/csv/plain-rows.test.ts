import { describe, expect, it } from 'vitest';
import { importCsvColumns } from '../../../shared/csv/import-csv';
import { samplesFromColumns } from '../../../shared/sample-columns';
import { HEADERS, randomText } from './random-csv';

// The fast path (PlainRowReader) only reads a text without quotes; a text with a quote anywhere goes through
// Papa Parse and RowReader alone. The same rows both ways must give the same samples, skips and warnings.
describe('the fast path for plain rows', () => {
  it.each(HEADERS.map((header, i) => [header, i]))('reads like the general path: %s', (header, i) => {
    for (let seed = 1; seed <= 5; seed++) {
      const text = randomText(header, 400, 1000 * (i as number) + seed);
      const fast = importCsvColumns(text, 'speed-arm-512.csv');
      // A quoted cell sends the whole text through Papa Parse and RowReader.
      const nl = text.indexOf('\n');
      const quoted = `"${text.slice(0, nl).split(/[;,]/)[0]}"${text.slice(text.slice(0, nl).search(/[;,]/))}`;
      const general = importCsvColumns(quoted, 'speed-arm-512.csv');
      expect(fast.ok).toBe(general.ok);
      expect(fast.report).toEqual(general.report);
      if (fast.ok && general.ok) {
        expect(samplesFromColumns(fast.columns)).toEqual(samplesFromColumns(general.columns));
        expect(fast.columns.length).toBeGreaterThan(100);
      }
    }
  });
});
