import { firstJsonMistake } from './json-syntax';

// Helpers for messages about JSON text: where a syntax error is, and what a value is, in words.

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** Why text is not JSON, as one line with the line and column of the first mistake. */
export function jsonSyntaxMessage(text: string, error: unknown): string {
  const mistake = firstJsonMistake(text);
  if (mistake === null)
    return `not JSON: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
  const { line, column } = lineAndColumn(text, mistake.offset);
  return `line ${line}, column ${column}: not JSON: ${mistake.reason}`;
}

/** A value in a few words: `an array`, `a string ("abc")`, `an object with keys a, b`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  switch (typeof value) {
    case 'string': {
      const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      return `a string (${JSON.stringify(shown)})`;
    }
    case 'number':
      return `a number (${value})`;
    case 'boolean':
      return `${value}`;
    case 'object': {
      const keys = Object.keys(value as object);
      if (keys.length === 0) return 'an empty object';
      const shown = keys.slice(0, 6).join(', ');
      return `an object with keys ${shown}${keys.length > 6 ? ', …' : ''}`;
    }
    default:
      return typeof value;
  }
}
