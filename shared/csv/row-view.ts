import { parseNonNegative, parseNonNegativeAt } from './decimal';

/**
 * One row of a CSV file as the importer reads it, whether Papa Parse has cut it into strings or it is
 * read in place from the file's text.
 */
export interface RowView {
  readonly width: number;
  /** The cell's raw text (untrimmed). */
  cell(i: number): string;
  /** parseNonNegativeAt of the cell. */
  number(i: number, decimalComma: boolean): number;
  /** Every cell empty or spaces. */
  blank(): boolean;
}

/** A row Papa Parse delivered as strings. */
export class ArrayRowView implements RowView {
  row: string[] = [];

  get width(): number {
    return this.row.length;
  }
  cell(i: number): string {
    return this.row[i] ?? '';
  }
  number(i: number, decimalComma: boolean): number {
    return parseNonNegative(this.row[i] ?? '', decimalComma);
  }
  blank(): boolean {
    return this.row.every((c) => c.trim() === '');
  }
}

/** Distinct recent values a text column remembers; a cell equal to one of them is that same string. */
const RECENT = 8;
/** A column whose cells keep missing the recent values (ids, timestamps) stops looking them up. */
// Stryker disable next-line UnaryOperator: which strings are shared, never a value
const GIVE_UP = -64;

/**
 * A row read in place from a text without quotes, where a row is exactly a line and a cell exactly the
 * text between delimiters (what Papa Parse itself does for such a text), without an array or a string per
 * cell: numbers are read from the text, and a text cell equal to one of the last few distinct values of its
 * column is that same string (names, runtimes and architectures repeat on every row: a million rows share
 * a handful of strings, which saves memory and garbage collection, and makes grouping them cheap).
 */
export class TextRowView implements RowView {
  width = 0;
  private starts = new Int32Array(16);
  private ends = new Int32Array(16);
  private readonly recent: string[][] = [];
  /** Where in the text each recent value was read: cells are compared with that, not with the string. */
  private readonly recentAt: number[][] = [];
  // Stryker disable next-line ArrayDeclaration: which strings are shared, never a value
  private readonly nextSlot: number[] = [];
  /** Per column: hits minus misses of the recent values, down to GIVE_UP. */
  // Stryker disable next-line ArrayDeclaration: which strings are shared, never a value
  private readonly score: number[] = [];

  private readonly delimiterChar: string;

  constructor(
    private readonly text: string,
    delimiter: number,
  ) {
    this.delimiterChar = String.fromCharCode(delimiter);
  }

  /** Points the view at the line text[start, end) (without its line break). */
  set(start: number, end: number): void {
    const text = this.text;
    let n = 0;
    let from = start;
    for (;;) {
      const at = text.indexOf(this.delimiterChar, from);
      if (at < 0 || at >= end) break;
      this.push(n++, from, at);
      from = at + 1;
    }
    this.push(n++, from, end);
    this.width = n;
  }

  private push(n: number, start: number, end: number): void {
    if (n >= this.starts.length) {
      const starts = new Int32Array(this.starts.length * 2);
      const ends = new Int32Array(this.starts.length * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[n] = start;
    this.ends[n] = end;
  }

  cell(i: number): string {
    if (i >= this.width) return '';
    const start = this.starts[i] as number;
    const end = this.ends[i] as number;
    while (this.recent.length <= i) {
      this.recent.push([]);
      // Stryker disable next-line ArrayDeclaration: its first entry is written with the first recent value
      this.recentAt.push([]);
      this.nextSlot.push(0);
      this.score.push(0);
    }
    const score = this.score[i] as number;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: which strings are shared, never a value
    if (score <= GIVE_UP) return this.text.slice(start, end);
    const recent = this.recent[i] as string[];
    const recentAt = this.recentAt[i] as number[];
    // Stryker disable next-line ConditionalExpression,BlockStatement: a miss: which strings are shared, never a value
    for (let k = 0; k < recent.length; k++) {
      const value = recent[k] as string;
      // end + start: no earlier value is that long.
      // Stryker disable next-line ConditionalExpression,ArithmeticOperator,BlockStatement: a miss at worst
      if (value.length === end - start && this.sameText(recentAt[k] as number, start, end)) {
        // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: which strings are shared, never a value
        if (score < 1 << 20) this.score[i] = score + 1;
        return value;
      }
    }
    // Stryker disable next-line ArithmeticOperator: which strings are shared, never a value
    this.score[i] = score - 1;
    const value = this.text.slice(start, end);
    const slot = this.nextSlot[i] as number;
    recent[slot] = value;
    recentAt[slot] = start;
    // Stryker disable next-line ArithmeticOperator: fewer slots used: which strings are shared, never a value
    this.nextSlot[i] = (slot + 1) % RECENT;
    return value;
  }

  /**
   * text[start, end) equals the text of that length at `at`, compared from the end, where ids and counters
   * differ. (Within the one flat text: a sliced string's own char codes are slower to read.)
   */
  // Stryker disable next-line BlockStatement: never the same is a miss: only memory and speed
  private sameText(at: number, start: number, end: number): boolean {
    const text = this.text;
    // Stryker disable next-line ArithmeticOperator,UpdateOperator: comparing more characters can only miss
    for (let k = end - start - 1; k >= 0; k--) {
      // start - 1 and at - 1 hold a delimiter or a line break, which no cell holds.
      // Stryker disable next-line ArithmeticOperator: a miss at worst
      if (text.charCodeAt(start + k) !== text.charCodeAt(at + k)) return false;
    }
    // Stryker disable next-line BooleanLiteral: never the same is a miss: only memory and speed
    return true;
  }

  number(i: number, decimalComma: boolean): number {
    if (i >= this.width) return parseNonNegative('', decimalComma);
    return parseNonNegativeAt(this.text, this.starts[i] as number, this.ends[i] as number, decimalComma);
  }

  blank(): boolean {
    const text = this.text;
    for (let k = 0; k < this.width; k++) {
      for (let i = this.starts[k] as number; i < (this.ends[k] as number); i++) {
        const c = text.charCodeAt(i);
        // Shortcuts past cutting the cell: spaces go on, printable ASCII is never white space. Anything else
        // (form feed, vertical tab, NBSP...) is white space or not as String.prototype.trim sees it, as in
        // ArrayRowView.
        // Stryker disable next-line ConditionalExpression,LogicalOperator: the trim below says the same, slower
        if (c === 32 || c === 9 || c === 13) continue;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: the trim below says the same, slower
        if (c > 32 && c < 128) return false;
        if (this.cell(k).trim() !== '') return false;
        break;
      }
    }
    return true;
  }
}
