import { describe, expect, it } from 'vitest';
import { hintsFromFileName } from '../../../shared/csv/file-name-hints';
import {
  estimateLines,
  firstNonBlankLine,
  guessDelimiter,
  looksBinary,
} from '../../../shared/csv/text-checks';

describe('looksBinary', () => {
  it('takes any NUL for binary, and text with line breaks, tabs and form feeds for text', () => {
    expect(looksBinary(`${'a'.repeat(5000)}\u0000`)).toBe(true);
    expect(looksBinary('Name;Init\r\n\tf;1\f\n')).toBe(false);
    expect(looksBinary('')).toBe(false);
  });

  it('takes more than one control character or replacement character in 20 for binary', () => {
    // 1 in 20 exactly is still text; one more is not.
    expect(looksBinary(`\u0001${'a'.repeat(19)}`)).toBe(false);
    expect(looksBinary(`\u0001\u0001${'a'.repeat(38)}`)).toBe(false);
    expect(looksBinary(`\u0001\u0001${'a'.repeat(37)}`)).toBe(true);
    expect(looksBinary(`\ufffd\ufffd${'a'.repeat(37)}`)).toBe(true);
    expect(looksBinary(`\u001f\u0008${'a'.repeat(37)}`)).toBe(true);
    expect(looksBinary(`\u007f\u0020${'a'.repeat(37)}`)).toBe(false);
  });

  it('looks at the first 8192 characters only', () => {
    expect(looksBinary(`${'a'.repeat(8192)}\u0000`)).toBe(false);
    expect(looksBinary(`${'a'.repeat(8191)}\u0000`)).toBe(true);
    expect(looksBinary(`${'\u0001'.repeat(400)}${'a'.repeat(7792)}${'\u0001'.repeat(100)}`)).toBe(false);
    expect(looksBinary(`${'\u0001'.repeat(410)}${'a'.repeat(7782)}`)).toBe(true);
  });
});

describe('firstNonBlankLine', () => {
  it('skips blank lines, also of spaces and CRs', () => {
    expect(firstNonBlankLine('\n  \r\n\tName,Init\nx;y')).toBe('\tName,Init');
    expect(firstNonBlankLine('Name;Init')).toBe('Name;Init');
    expect(firstNonBlankLine(' \n \n')).toBe('');
    expect(firstNonBlankLine('')).toBe('');
  });
});

describe('guessDelimiter', () => {
  it('keeps the semicolon unless commas or tabs are clearly more', () => {
    expect(guessDelimiter('Name;Init;Cold')).toBe(';');
    expect(guessDelimiter('Name')).toBe(';');
    expect(guessDelimiter('Name;Init,Cold')).toBe(';');
    expect(guessDelimiter('Name;Init\tCold')).toBe(';');
    expect(guessDelimiter('Name,Init,Cold;x')).toBe(',');
    expect(guessDelimiter('Name\tInit\tCold;x')).toBe('\t');
    expect(guessDelimiter('Name\tInit,Cold')).toBe('\t');
    expect(guessDelimiter('Name\tInit,Cold,Billed')).toBe(',');
  });
});

describe('estimateLines', () => {
  it('counts the lines of a short text exactly', () => {
    expect(estimateLines('')).toBe(1);
    expect(estimateLines('a')).toBe(1);
    expect(estimateLines('a\n')).toBe(2);
    // A last line without a line break: estimated from the lines before it.
    expect(estimateLines('a\nb\nc')).toBe(Math.ceil((5 / 4) * 2 * 1.05) + 16);
    expect(estimateLines('a\nb\nc\n')).toBe(4);
  });

  it('estimates a long text from its first 1000 lines, a little over', () => {
    const text = 'abcdefghi\n'.repeat(5000);
    const estimate = estimateLines(text);
    expect(estimate).toBe(Math.ceil(5000 * 1.05) + 16);
    expect(estimateLines(`${'x'.repeat(50_000)}\n${'ab\n'.repeat(10)}`)).toBeGreaterThanOrEqual(12);
    // Long first lines and short later ones: fewer rows estimated, but never none.
    const wideFirst = `${'x'.repeat(99)}\n${'y\n'.repeat(2000)}`;
    expect(estimateLines(wideFirst)).toBeGreaterThan(1000);
  });
});

describe('hintsFromFileName: ambiguities', () => {
  it('says why a hint was not taken', () => {
    expect(hintsFromFileName('arm-vs-x86_64-128-1024.csv')).toEqual({
      arch: null,
      memoryMB: null,
      ambiguities: [
        'the file name names both architectures (arm64, x86_64)',
        'the file name has several memory sizes (128, 1024)',
      ],
    });
    expect(hintsFromFileName('graviton3-512mb-512.csv')).toEqual({
      arch: 'arm64',
      memoryMB: 512,
      ambiguities: [],
    });
  });

  it('takes only numbers from 128 to 10240 for memory, and never a date or a time stamp', () => {
    expect(hintsFromFileName('f-127.csv').memoryMB).toBeNull();
    expect(hintsFromFileName('f-128.csv').memoryMB).toBe(128);
    expect(hintsFromFileName('f-10240.csv').memoryMB).toBe(10240);
    expect(hintsFromFileName('f-10241.csv').memoryMB).toBeNull();
    expect(hintsFromFileName('f-20231201T1200.csv').memoryMB).toBeNull();
    expect(hintsFromFileName('f-2023-12-01.csv').memoryMB).toBeNull();
    expect(hintsFromFileName('dir.1024/f.csv').memoryMB).toBeNull();
    expect(hintsFromFileName('f-1024.csv.bak').memoryMB).toBe(1024);
  });
});
