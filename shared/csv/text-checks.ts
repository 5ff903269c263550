import type { ImportReport } from './import-report';

/** NUL characters or many control characters never occur in a CSV text. */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control += 1;
  }
  return control > head.length / 20;
}

export function firstNonBlankLine(text: string): string {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (line.trim() !== '') return line;
    start = end + 1;
  }
  return '';
}

/** The format is semicolon-separated; a comma or tab only when the header clearly uses it instead. */
export function guessDelimiter(headerLine: string): ImportReport['delimiter'] {
  const count = (d: string): number => headerLine.split(d).length - 1;
  const semicolons = count(';');
  const commas = count(',');
  const tabs = count('\t');
  if (semicolons >= commas && semicolons >= tabs) return ';';
  return tabs >= commas ? '\t' : ',';
}

/**
 * About how many lines a text has, from the length of its first lines (counting them all would walk a big
 * text once more): a little over, so that the columns rarely grow.
 */
export function estimateLines(text: string): number {
  let lines = 0;
  let at = 0;
  while (lines < 1000 && at < text.length) {
    const next = text.indexOf('\n', at);
    if (next < 0) break;
    lines += 1;
    at = next + 1;
  }
  if (at >= text.length || lines === 0) return lines + 1;
  return Math.ceil((text.length / at) * lines * 1.05) + 16;
}
