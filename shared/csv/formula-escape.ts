/**
 * A spreadsheet opening a CSV file runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage
 * return, which it may skip first) as a formula; names come from imported files and error types from the
 * function's own payload, so the export must not write such a cell as it is. OWASP's rule, which Papa
 * Parse's `escapeFormulae` also follows: prefix the text with `'` (a spreadsheet shows the rest as text) and
 * quote the cell.
 *
 * Not Papa's option itself: it also escapes the export's numbers (handed to it as strings, so `-1.5` in a
 * numeric column would become text), misses a cell with a line break in it (its pattern stops at the first
 * line), and leaves a leading `'` alone, so the import could not tell a user's `'=x` from an escaped `=x`.
 *
 * The rule here, for text cells only: a text that starts with any number of `'` and then a trigger gets one
 * more `'`; the import removes one `'` from exactly such cells, so it never eats a user's own quote and an
 * escaped text comes back exactly (not even trimmed): `=x` ↔ `'=x`, `'=x` ↔ `''=x`, and `'quoted` or `it's`
 * are written as they are.
 */

const APOSTROPHE = 39;

/** `=`, `+`, `-`, `@`, tab, carriage return. */
function isTrigger(c: number): boolean {
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/** The first character after the leading run of `'` (NaN when the text is nothing but them). */
function afterApostrophes(text: string): number {
  let i = 0;
  while (text.charCodeAt(i) === APOSTROPHE) i += 1;
  return text.charCodeAt(i);
}

/** The text as a CSV cell a spreadsheet shows as text (the cell must then be quoted: see isEscapedFormula). */
export function escapeFormula(text: string): string {
  const first = text.charCodeAt(0);
  if (isTrigger(first)) return `'${text}`;
  return first === APOSTROPHE && isTrigger(afterApostrophes(text)) ? `'${text}` : text;
}

/** A cell escapeFormula changed: `'`, more `'` or none, then a trigger. */
export function isEscapedFormula(cell: string): boolean {
  return cell.charCodeAt(0) === APOSTROPHE && isTrigger(afterApostrophes(cell));
}

/** The text escapeFormula was given for this cell. */
export function unescapeFormula(cell: string): string {
  return isEscapedFormula(cell) ? cell.slice(1) : cell;
}
