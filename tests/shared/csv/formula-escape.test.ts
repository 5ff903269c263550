import { describe, expect, it } from 'vitest';
import { escapeFormula, isEscapedFormula, unescapeFormula } from '../../../shared/csv/formula-escape';
import { seededRandom } from '../../random';

describe('formula escape', () => {
  it.each(['=', '+', '-', '@', '\t', '\r'])('escapes a text starting with %j', (trigger) => {
    const text = `${trigger}HYPERLINK("x")`;
    expect(escapeFormula(text)).toBe(`'${text}`);
    expect(isEscapedFormula(`'${text}`)).toBe(true);
    expect(unescapeFormula(`'${text}`)).toBe(text);
  });

  it.each(['', 'api', "'", "'''", "'quoted", "it's", ' =x', 'x=1', '\n=x', '#x', '%x', "' =x"])(
    'writes %j as it is, and reads it back as it is',
    (text) => {
      expect(escapeFormula(text)).toBe(text);
      expect(isEscapedFormula(text)).toBe(false);
      expect(unescapeFormula(text)).toBe(text);
    },
  );

  it('gives a text of apostrophes before a trigger one more, and the import takes exactly that one off', () => {
    expect(escapeFormula("'=x")).toBe("''=x");
    expect(escapeFormula("''-1")).toBe("'''-1");
    expect(isEscapedFormula("''=x")).toBe(true);
    expect(unescapeFormula("''=x")).toBe("'=x");
    expect(unescapeFormula("'''-1")).toBe("''-1");
    // A trigger without the export's apostrophe is the user's own text (from another tool): kept whole.
    expect(isEscapedFormula('=x')).toBe(false);
    expect(unescapeFormula('-1')).toBe('-1');
  });

  it('reads back every text it writes, exactly', () => {
    const next = seededRandom(7);
    const alphabet = ["'", '=', '+', '-', '@', '\t', '\r', 'a', ' ', '1'];
    for (let n = 0; n < 2000; n++) {
      const length = Math.floor(next() * 5);
      let text = '';
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(next() * alphabet.length)];
      const written = escapeFormula(text);
      expect(unescapeFormula(written), JSON.stringify(text)).toBe(text);
      // What a spreadsheet would run is never written as it is.
      if (/^[=+\-@\t\r]/.test(text)) expect(written.startsWith("'")).toBe(true);
    }
  });
});
