import type { Arch } from '../sample';
import type { SampleColumnsBuilder } from '../sample-columns-builder';
import { CARRIAGE_RETURN, cellEnd, endsCell, isArm64, isX86, NEWLINE } from './byte-cells';
import { ByteStrings, decodeBytes, FNV_START, fnvStep } from './byte-strings';
import { EMPTY, parseNonNegativeAt, POW10 } from './decimal';
import type { ColumnIndex } from './header-mapping';
import {
  APOSTROPHE,
  ARCH,
  BILLED,
  COLD,
  ERROR_TYPE,
  IGNORED,
  INIT,
  MAX_MEMORY,
  MEMORY,
  NAME,
  NOT_PLAIN_NUMBER,
  plainEdge,
  plainNumber,
  REQUEST_ID,
  RUNTIME,
  STATUS,
  TEXT_SLOTS,
  rolesOf,
} from './plain-roles';

const POINT = 46;
const COMMA = 44;
/** What textCell gives for a cell that is not plain. */
const NOT_PLAIN = undefined;
/** What read gives for a row it leaves to RowReader. */
// Stryker disable next-line UnaryOperator: a taken row has at least five cells, so no line it takes ends at 1 either
export const NOT_TAKEN = -1;

/**
 * PlainRowReader for UTF-8 bytes: a row whose cells are all in their plain form (the same rule: see
 * PlainRowReader and plain-roles.ts) goes from the bytes straight into the columns, with no string per
 * number and one string per distinct text (ByteStrings). Any other row it leaves to RowReader.
 * Numbers: digits with at most one decimal separator and up to 15 digits are read here, as
 * parseNonNegativeAt reads them (one exact division); any other number cell is decoded and read by
 * parseNonNegativeAt itself, so that there is one set of number rules.
 */
export class PlainByteRowReader {
  private readonly roles: Uint8Array;
  private readonly delimiter: number;
  /** The second decimal separator the cells may use besides '.' (-1: none). */
  private readonly comma: number;
  private readonly strings = new ByteStrings();
  /** Set by textCell: where the cell it read ends. */
  private cellTo = 0;
  /** Per text slot (name, then RUNTIME..TIMESTAMP): the last value read and where its bytes are. */
  // Stryker disable next-line ArrayDeclaration: an empty slot reads as undefined, which `last != null` takes as none
  private readonly lastValue: (string | null)[] = new Array<string | null>(TEXT_SLOTS).fill(null);
  private readonly lastFrom = new Int32Array(TEXT_SLOTS);
  private readonly lastLength = new Int32Array(TEXT_SLOTS);
  /** The bytes being read, four at a time (see newBytes). */
  private words: DataView = new DataView(new ArrayBuffer(0));

  constructor(
    delimiter: string,
    index: ColumnIndex,
    private readonly width: number,
    private readonly decimalComma: boolean,
    private readonly archDefault: Arch | null,
    /** NaN when unknown. */
    private readonly memoryDefault: number,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
    this.comma = decimalComma ? COMMA : -1;
    this.roles = rolesOf(index, width);
  }

  /**
   * To be called before the first row of any bytes (the next chunk): the last values are found by their
   * place in the bytes read before. The caller checks, once a chunk, not read once a row: a branch the row
   * loop only takes at a chunk's start is one V8 had no feedback for when it compiled the loop, and taking
   * it threw that (costly) compiled code away.
   */
  newBytes(bytes: Uint8Array): void {
    this.lastValue.fill(null);
    this.words = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * Reads the line that starts at bytes[start] into `out`: it ends at its line break (LF or CRLF) or at
   * `end`, whichever comes first. Gives where it ended (the LF's place, or `end`), or NOT_TAKEN (and nothing
   * added) when the row is not plain. The line's end is found by the same pass that reads its cells: a
   * search for it first (indexOf) went over every byte once more, and cost as much as a quarter of the
   * reading.
   */
  read(bytes: Uint8Array, start: number, end: number, out: SampleColumnsBuilder): number {
    const delimiter = this.delimiter;
    const comma = this.comma;
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
    // Request ids and timestamps (unique per row) stay bytes: the columns pack them without a string each.
    let requestFrom = 0;
    let requestTo = 0;
    let timestampFrom = 0;
    let timestampTo = 0;
    let cell = 0;
    let lineEnd = end;
    for (let from = start; ; cell++) {
      if (cell >= width) return NOT_TAKEN;
      const role = roles[cell] as number;
      let to: number;
      if (role >= REQUEST_ID) {
        to = this.packedCellEnd(bytes, from, end);
        if (to < 0) return NOT_TAKEN;
        if (role === REQUEST_ID) {
          requestFrom = from;
          requestTo = to;
        } else {
          timestampFrom = from;
          timestampTo = to;
        }
      } else if (role === NAME || role >= RUNTIME) {
        // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: the slot only decides whether textCell tries its repeated-cell shortcut; what that returns is checked byte by byte
        const value = this.textCell(bytes, from, end, role === NAME ? 0 : role - RUNTIME + 1);
        if (value === NOT_PLAIN) return NOT_TAKEN;
        to = this.cellTo;
        if (role === NAME) {
          if (value === null) return NOT_TAKEN;
          name = value;
        } else if (role === RUNTIME) runtime = value;
        else if (role === STATUS) status = value;
        else if (role === ERROR_TYPE) errorType = value;
        else run = value;
      } else if (role === ARCH) {
        to = cellEnd(bytes, delimiter, from, end);
        const length = to - from;
        if (length === 0) arch = null;
        else if (length === 6 && isX86(bytes, from)) arch = 'x86_64';
        else if (length === 5 && isArm64(bytes, from)) arch = 'arm64';
        else return NOT_TAKEN;
      } else if (role === IGNORED) {
        to = cellEnd(bytes, delimiter, from, end);
      } else {
        let mantissa = 0;
        let digits = 0;
        let point = -1;
        let i = from;
        let c = 0;
        for (; i < end; i++) {
          c = bytes[i] as number;
          const d = c - 48;
          if (d >= 0 && d <= 9) {
            mantissa = mantissa * 10 + d;
            digits += 1;
          } else if ((c === POINT || c === comma) && point < 0) point = i;
          else break;
        }
        let v: number;
        const cellEnds = i === end || c === delimiter || c === NEWLINE || c === CARRIAGE_RETURN;
        if (cellEnds && digits > 0 && digits <= 15) {
          to = i;
          v = point < 0 || point === i - 1 ? mantissa : mantissa / (POW10[i - point - 1] as number);
        } else if (i === from && cellEnds) {
          // An empty cell (a full export's Restore, most rows): no text to decode for it.
          to = i;
          v = EMPTY;
        } else {
          to = cellEnd(bytes, delimiter, i, end);
          const text = decodeBytes(bytes, from, to);
          v = parseNonNegativeAt(text, 0, text.length, this.decimalComma);
        }
        const value = plainNumber(role, v);
        if (value === NOT_PLAIN_NUMBER) return NOT_TAKEN;
        if (role === MEMORY) memoryMB = value;
        else if (role === INIT) init = value;
        else if (role === COLD) duration = value;
        else if (role === BILLED) billed = value;
        else if (role === MAX_MEMORY) maxMemory = value;
        else restore = value;
      }
      if (to >= end) break;
      const after = bytes[to] as number;
      if (after !== delimiter) {
        // The line break: LF, or CR before LF (or before `end`); a CR on its own is RowReader's.
        if (after === CARRIAGE_RETURN) {
          if (to + 1 < end && bytes[to + 1] !== NEWLINE) return NOT_TAKEN;
          lineEnd = Math.min(to + 1, end);
        } else lineEnd = to;
        break;
      }
      from = to + 1;
    }
    if (cell !== width - 1 || name === null) return NOT_TAKEN;
    const i = out.addTextsWithBytes(
      name,
      arch,
      runtime,
      status,
      errorType,
      run,
      bytes,
      requestFrom,
      requestTo,
      timestampFrom,
      timestampTo,
    );
    // Written here, not handed to a function: see addTexts.
    const numbers = out.numberColumns();
    (numbers[0] as Float64Array)[i] = memoryMB;
    (numbers[1] as Float64Array)[i] = init;
    (numbers[2] as Float64Array)[i] = duration;
    (numbers[3] as Float64Array)[i] = billed;
    (numbers[4] as Float64Array)[i] = maxMemory;
    (numbers[5] as Float64Array)[i] = restore;
    return lineEnd;
  }

  /**
   * The text cell of a slot starting at `from` (its end in cellTo): null when empty, NOT_PLAIN when it starts
   * or ends with a space or a control character (it may need trimming) or a `'` (perhaps the export's formula
   * escape, see formula-escape.ts). Most cells repeat the one above them: that is checked first (compared
   * from the end, where names differ); other texts are interned.
   */
  private textCell(
    bytes: Uint8Array,
    from: number,
    end: number,
    slot: number,
  ): string | null | typeof NOT_PLAIN {
    const delimiter = this.delimiter;
    const last = this.lastValue[slot];
    // Stryker disable next-line BlockStatement: without the repeated-cell shortcut the cell is read in full, to the same value
    if (last != null) {
      const length = this.lastLength[slot] as number;
      const after = from + length;
      // Stryker disable next-line BlockStatement: without the repeated-cell shortcut the cell is read in full, to the same value
      if (after === end || (after < end && endsCell(bytes[after] as number, delimiter))) {
        const lastFrom = this.lastFrom[slot] as number;
        // Four bytes at a time from the end (where names differ), then the rest one by one.
        const words = this.words;
        let k = length;
        while (k >= 4 && words.getUint32(from + k - 4) === words.getUint32(lastFrom + k - 4)) k -= 4;
        // Stryker disable next-line EqualityOperator: comparing one byte more (the delimiter or line end before both) only declines the shortcut
        while (k > 0 && bytes[from + k - 1] === bytes[lastFrom + k - 1]) k--;
        // Stryker disable next-line BlockStatement: without the repeated-cell shortcut the cell is read in full, to the same value
        if (k === 0) {
          this.cellTo = after;
          return last;
        }
      }
    }
    let hash = FNV_START;
    let to = from;
    for (; to < end; to++) {
      const c = bytes[to] as number;
      if (c === delimiter || c === NEWLINE || c === CARRIAGE_RETURN) break;
      hash = fnvStep(hash, c);
    }
    this.cellTo = to;
    if (to === from) return null;
    const first = bytes[from] as number;
    if (!plainEdge(first) || !plainEdge(bytes[to - 1] as number) || first === APOSTROPHE) return NOT_PLAIN;
    const value = this.strings.intern(bytes, from, to, hash);
    this.lastValue[slot] = value;
    this.lastFrom[slot] = from;
    // Stryker disable next-line ArithmeticOperator: a wrong length only makes the shortcut miss, or end the cell past its delimiter, which leaves the row (too few cells) to RowReader
    this.lastLength[slot] = to - from;
    return value;
  }

  /**
   * Where a request id or timestamp cell starting at `from` ends (empty: at `from`, no value), or -1 when it
   * is not plain: edges as textCell's, and any byte outside ASCII, which RowReader decodes (only in ASCII is
   * a byte one character of the packed text).
   */
  private packedCellEnd(bytes: Uint8Array, from: number, end: number): number {
    const delimiter = this.delimiter;
    let seen = 0;
    let to = from;
    for (; to < end; to++) {
      const c = bytes[to] as number;
      if (c === delimiter || c === NEWLINE || c === CARRIAGE_RETURN) break;
      seen |= c;
    }
    if (to === from) return to;
    const first = bytes[from] as number;
    if (seen >= 128 || !plainEdge(first) || !plainEdge(bytes[to - 1] as number) || first === APOSTROPHE)
      return -1;
    return to;
  }
}
