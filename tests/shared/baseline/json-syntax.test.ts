import { describe, expect, it } from 'vitest';
import { firstJsonMistake } from '../../../shared/baseline/json-syntax';

const at = (text: string, mark: string): number => text.indexOf(mark);

describe('firstJsonMistake', () => {
  it('finds none in valid JSON, whatever its numbers, words, escapes and spaces', () => {
    for (const text of [
      '[1.25, 1e+10, 2E-3, 4e12, 0, -0.5, 10]',
      '[true, false, null]',
      '{"a b": "\\u00e9\\n\\"\\\\\\/\\b\\f\\r\\t"}',
      ' \t\r\n{ "a" : [ ] , "b" : { } } \n',
    ]) {
      expect([text, firstJsonMistake(text)]).toEqual([text, null]);
    }
  });

  it('reads a number whole, fraction and exponent included, before the mistake after it', () => {
    for (const text of ['[1.25 x]', '[1e+10 x]', '[2E-3 x]', '[4e12 x]', '[4e1234 x]', '[0.125e-12 x]']) {
      expect([text, firstJsonMistake(text)]).toEqual([
        text,
        { offset: at(text, 'x'), reason: "expected ',' or ']', found 'x'" },
      ]);
    }
  });

  it('reads true, false and null as values', () => {
    const text = '[true, false, null x]';
    expect(firstJsonMistake(text)).toEqual({
      offset: at(text, 'x'),
      reason: "expected ',' or ']', found 'x'",
    });
  });

  it('takes spaces in a text, and a \\u escape only with four hex digits', () => {
    const spaced = '{"a b": 1 2}';
    expect(firstJsonMistake(spaced)).toEqual({
      offset: at(spaced, '2'),
      reason: "expected ',' or '}', found '2'",
    });
    const escape = '{"a": "\\u0zzz"}';
    expect(firstJsonMistake(escape)).toEqual({
      offset: at(escape, '\\'),
      reason: 'an escape sequence JSON does not know',
    });
  });

  it('puts a text not closed at the end of the text', () => {
    expect(firstJsonMistake('{"a": "x')).toEqual({ offset: 8, reason: 'a text is not closed (missing ")' });
  });
});
