import type { Arch } from '../sample';
import type { SampleColumnsBuilder } from '../sample-columns-builder';
import { parseNonNegativeAt, POW10 } from './decimal';
import type { ColumnIndex } from './header-mapping';
import {
  APOSTROPHE,
  ARCH,
  BILLED,
  COLD,
  ERROR_TYPE,
  FIRST_PACKED_SLOT,
  IGNORED,
  INIT,
  MAX_MEMORY,
  MEMORY,
  NAME,
  NOT_PLAIN_NUMBER,
  plainEdge,
  plainNumber,
  REQUEST_ID,
  RUN,
  RUNTIME,
  STATUS,
  TEXT_SLOTS,
  rolesOf,
} from './plain-roles';

/** What a text cell gives when it is not in its plain form: the row goes to RowReader. */
const NOT_PLAIN = undefined;

/** text[from, to) as a string of its own (a slice of a long text may be a view that keeps all of it alive). */
function copyOf(text: string, from: number, to: number): string {
  // Stryker disable next-line ArrayDeclaration: a preallocated array only saves growing it
  const codes = new Array<number>(to - from);
  for (let k = from; k < to; k++) codes[k - from] = text.charCodeAt(k);
  return String.fromCharCode(...codes);
}

/** Where the cell starting at or before `from` ends: the next delimiter, or the end of the line. */
function cellEnd(text: string, delimiter: string, from: number, end: number): number {
  const to = text.indexOf(delimiter, from);
  return to < 0 || to > end ? end : to;
}

/**
 * The fast path of the import for a text without quotes: a row whose cells are all in their plain form is
 * read straight from the text into the columns, cell by cell, without a row view or a string per number;
 * cells are found and compared by the string's own (native) indexOf and startsWith, not character by
 * character.
 * Plain means: as many cells as the header; numbers that parseNonNegativeAt reads (the same reading as
 * RowReader's) and that the column accepts; text cells without spaces around them; an Arch of exactly
 * `x86_64` or `arm64`. Any other row (blank, short, an empty Duration, a bad number, `arm`, ` api `, ...) it
 * leaves to RowReader, which reads it or says why not: the rules stay RowReader's, this only takes the rows
 * whose reading is not in doubt, and reads them to the same values (tested against the general path).
 */
export class PlainRowReader {
  private readonly roles: Uint8Array;
  private readonly delimiter: string;
  /** Per text slot (name, then RUNTIME..TIMESTAMP): the last value read. */
  // Stryker disable next-line ArrayDeclaration: an empty slot reads as undefined, which `last == null` takes as none
  private readonly lastValue: (string | null)[] = new Array<string | null>(TEXT_SLOTS).fill(null);

  constructor(
    private readonly text: string,
    delimiter: string,
    index: ColumnIndex,
    private readonly width: number,
    private readonly decimalComma: boolean,
    private readonly archDefault: Arch | null,
    /** NaN when unknown. */
    private readonly memoryDefault: number,
  ) {
    this.delimiter = delimiter;
    this.roles = rolesOf(index, width);
  }

  /** Reads the line text[start, end) into `out`; false (and nothing added) when the row is not plain. */
  read(start: number, end: number, out: SampleColumnsBuilder): boolean {
    const text = this.text;
    const delimiter = this.delimiter;
    const delimiterCode = delimiter.charCodeAt(0);
    const roles = this.roles;
    const width = this.width;
    let name: string | null = null;
    let memoryMB = this.memoryDefault;
    let init = NaN;
    let duration = NaN;
    let billed = NaN;
    let maxMemory = NaN;
    let restore = NaN;
    let arch = this.archDefault;
    let runtime: string | null = null;
    let status: string | null = null;
    let errorType: string | null = null;
    let run: string | null = null;
    let requestId: string | null = null;
    let timestamp: string | null = null;
    let cell = 0;
    for (let from = start; ; cell++) {
      if (cell >= width) return false;
      const role = roles[cell] as number;
      // Each cell's end is found while reading it where that is cheap (a repeated text, a plain number), by
      // indexOf otherwise: one pass over the row instead of two.
      let to: number;
      if (role === NAME || role >= RUNTIME) {
        // Stryker disable all: the slot that remembers a value only decides whether the repeated-cell shortcut
        // below is tried; what the shortcut returns is checked by its startsWith and delimiter test.
        const slot = role === NAME ? 0 : role - RUNTIME + 1;
        let value: string | null | typeof NOT_PLAIN;
        // Most cells repeat the one above them: the same string then. (A cell never holds the delimiter, so a
        // delimiter right after the repeated text is the first one.)
        const last = this.lastValue[slot];
        // Stryker restore all
        const after = last == null ? -1 : from + last.length;
        if (
          last != null &&
          after <= end &&
          (after === end || text.charCodeAt(after) === delimiterCode) &&
          // Stryker disable next-line MethodExpression: endsWith(last, from) never holds (the text before a cell ends with a delimiter or line break)
          text.startsWith(last, from)
        ) {
          to = after;
          value = last;
        } else {
          to = cellEnd(text, delimiter, from, end);
          value = this.textCell(slot, from, to);
        }
        if (value === NOT_PLAIN) return false;
        if (role === NAME) {
          if (value === null) return false;
          name = value;
        } else if (role === RUNTIME) runtime = value;
        else if (role === STATUS) status = value;
        else if (role === ERROR_TYPE) errorType = value;
        else if (role === RUN) run = value;
        else if (role === REQUEST_ID) requestId = value;
        else timestamp = value;
      } else if (role === ARCH) {
        to = cellEnd(text, delimiter, from, end);
        if (to === from) arch = null;
        else if (to - from === 6 && text.startsWith('x86_64', from)) arch = 'x86_64';
        else if (to - from === 5 && text.startsWith('arm64', from)) arch = 'arm64';
        else return false;
      } else if (role === IGNORED) {
        to = cellEnd(text, delimiter, from, end);
      } else {
        // The number as RowReader reads it: parseNonNegativeAt's own fast path (digits and one '.') inline,
        // which also finds the cell's end; any other cell goes to parseNonNegativeAt itself.
        let mantissa = 0;
        let digits = 0;
        let point = -1;
        let i = from;
        let c = 0;
        for (; i < end; i++) {
          c = text.charCodeAt(i);
          const d = c - 48;
          if (d >= 0 && d <= 9) {
            mantissa = mantissa * 10 + d;
            digits += 1;
          } else if (c === 46 && point < 0) point = i;
          else break;
        }
        let v: number;
        if ((i === end || c === delimiterCode) && digits > 0 && digits <= 15) {
          to = i;
          v = point < 0 || point === i - 1 ? mantissa : mantissa / (POW10[i - point - 1] as number);
        } else {
          to = cellEnd(text, delimiter, i, end);
          v = parseNonNegativeAt(text, from, to, this.decimalComma);
        }
        const value = plainNumber(role, v);
        if (value === NOT_PLAIN_NUMBER) return false;
        if (role === MEMORY) memoryMB = value;
        else if (role === INIT) init = value;
        else if (role === COLD) duration = value;
        else if (role === BILLED) billed = value;
        else if (role === MAX_MEMORY) maxMemory = value;
        else restore = value;
      }
      if (to >= end) break;
      from = to + 1;
    }
    if (cell !== width - 1 || name === null) return false;
    const i = out.addTexts(name, arch, runtime, status, errorType, run, requestId, timestamp);
    // Written here, not handed to a function: see addTexts.
    const numbers = out.numberColumns();
    (numbers[0] as Float64Array)[i] = memoryMB;
    (numbers[1] as Float64Array)[i] = init;
    (numbers[2] as Float64Array)[i] = duration;
    (numbers[3] as Float64Array)[i] = billed;
    (numbers[4] as Float64Array)[i] = maxMemory;
    (numbers[5] as Float64Array)[i] = restore;
    return true;
  }

  /**
   * A text cell: null when empty, NOT_PLAIN when it starts or ends with a space or a control character (it
   * may need trimming). The string is remembered: a cell equal to the slot's last one is that same string,
   * so the columns' dictionaries compare a pointer, and a million rows share a handful of strings.
   */
  private textCell(slot: number, from: number, to: number): string | null | typeof NOT_PLAIN {
    if (to === from) return null;
    const text = this.text;
    if (!plainEdge(text.charCodeAt(from)) || !plainEdge(text.charCodeAt(to - 1))) return NOT_PLAIN;
    // A leading ' may be the export's formula escape: RowReader takes it off (formula-escape.ts).
    if (text.charCodeAt(from) === APOSTROPHE) return NOT_PLAIN;
    // Texts that repeat (names, runtimes, ...) live as long as the columns: a copy, not a slice, which would
    // keep the whole text alive with it. Request ids and timestamps are packed into new strings anyway.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a copy or a slice, the same text (only what it keeps alive differs)
    const value = slot < FIRST_PACKED_SLOT ? copyOf(text, from, to) : text.slice(from, to);
    this.lastValue[slot] = value;
    return value;
  }
}
