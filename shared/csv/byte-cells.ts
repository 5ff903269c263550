// The bytes of a plain CSV row that PlainByteRowReader looks at without decoding them: where a cell or a line
// ends, and the two architectures.

export const NEWLINE = 10;
export const CARRIAGE_RETURN = 13;

/** Whether byte c ends a cell: the delimiter, or a line break (a CR is checked for its LF after). */
export const endsCell = (c: number, delimiter: number): boolean =>
  c === delimiter || c === NEWLINE || c === CARRIAGE_RETURN;

/** Where the cell starting at or before `from` ends: the next delimiter or line break, or `end`. */
export function cellEnd(bytes: Uint8Array, delimiter: number, from: number, end: number): number {
  let to = from;
  while (to < end && !endsCell(bytes[to] as number, delimiter)) to++;
  return to;
}

// x86_64, arm64
export const isX86 = (b: Uint8Array, at: number): boolean =>
  b[at] === 120 &&
  b[at + 1] === 56 &&
  b[at + 2] === 54 &&
  b[at + 3] === 95 &&
  b[at + 4] === 54 &&
  b[at + 5] === 52;
export const isArm64 = (b: Uint8Array, at: number): boolean =>
  b[at] === 97 && b[at + 1] === 114 && b[at + 2] === 109 && b[at + 3] === 54 && b[at + 4] === 52;
