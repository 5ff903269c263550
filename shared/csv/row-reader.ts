import type { Arch } from '../sample';
import type { SampleColumnsBuilder } from '../sample-columns-builder';
import { EMPTY, NEGATIVE } from './decimal';
import { isEscapedFormula, unescapeFormula } from './formula-escape';
import type { ColumnIndex } from './header-mapping';
import type { RowView } from './row-view';

function parseArch(cell: string): Arch | null | undefined {
  switch (cell.trim().toLowerCase()) {
    case '':
      return null;
    case 'x86_64':
    case 'x86':
    case 'x86-64':
    case 'amd64':
    case 'x64':
      return 'x86_64';
    case 'arm64':
    case 'arm':
    case 'aarch64':
    case 'graviton':
      return 'arm64';
    default:
      return undefined;
  }
}

/** What RowReader.number returns for a cell that cannot be read (every value is >= 0 or NaN). */
const FAILED = -1;

/** Turns rows into samples by column position; remembers why the last row failed. */
export class RowReader {
  failure = '';
  failedColumn: string | null = null;
  private lastArchCell: string | null = null;
  private lastArch: Arch | null | undefined = undefined;

  constructor(
    private readonly index: ColumnIndex,
    private readonly width: number,
    private readonly decimalComma: boolean,
    private readonly archDefault: Arch | null,
    /** NaN when unknown. */
    private readonly memoryDefault: number,
  ) {}

  private fail(column: string | null, reason: string): false {
    this.failedColumn = column;
    this.failure = reason;
    return false;
  }

  private text(row: RowView, i: number): string | null {
    if (i < 0) return null;
    const raw = row.cell(i);
    // A text the export protected from spreadsheets comes back exactly as it was given to the export.
    if (isEscapedFormula(raw)) return unescapeFormula(raw);
    const cell = raw.trim();
    return cell === '' ? null : cell;
  }

  /** A number cell: NaN when empty or not a column; FAILED after recording why it cannot be read. */
  private number(row: RowView, i: number, column: string): number {
    if (i < 0) return NaN;
    const value = row.number(i, this.decimalComma);
    if (value >= 0) return value;
    if (value === EMPTY) return NaN;
    const cell = row.cell(i).trim();
    this.fail(column, value === NEGATIVE ? `'${cell}' is negative` : `'${cell}' is not a number`);
    return FAILED;
  }

  /** Adds the row's sample to `out`; false (and why in failure/failedColumn) when it cannot be read. */
  read(row: RowView, out: SampleColumnsBuilder): boolean {
    if (row.width !== this.width) {
      // Stryker disable next-line EqualityOperator: the widths differ here
      let extraBlank = row.width > this.width;
      // Stryker disable next-line EqualityOperator: a cell past the row is '', blank too
      for (let i = this.width; extraBlank && i < row.width; i++) extraBlank = row.cell(i).trim() === '';
      if (!extraBlank) {
        if (row.blank()) return this.fail(null, 'empty row');
        return this.fail(null, `${row.width} fields, but the header has ${this.width}`);
      }
    }
    const ix = this.index;
    const name = this.text(row, ix.name);
    if (name === null)
      return row.blank() ? this.fail(null, 'empty row') : this.fail('Name', 'no function name');

    let memoryMB = this.memoryDefault;
    if (ix.memory >= 0) {
      memoryMB = this.number(row, ix.memory, 'Memory');
      if (memoryMB === FAILED) return false;
      if (!Number.isInteger(memoryMB) || memoryMB === 0) {
        if (memoryMB !== memoryMB)
          memoryMB = NaN; // empty: unknown
        else return this.fail('Memory', `'${row.cell(ix.memory).trim()}' is not a whole number of MB`);
      }
    }
    const init = this.number(row, ix.init, 'Init');
    if (init === FAILED) return false;
    const duration = this.number(row, ix.cold, 'Cold');
    if (duration === FAILED) return false;
    if (duration !== duration) return this.fail('Cold', 'empty (the Duration in ms is required)');
    const billed = this.number(row, ix.billed, 'Billed');
    if (billed === FAILED) return false;
    if (billed !== billed) return this.fail('Billed', 'empty (the Billed Duration in ms is required)');
    const maxMemory = this.number(row, ix.maxMemory, 'MaxMemory');
    if (maxMemory === FAILED) return false;
    const restore = this.number(row, ix.restore, 'Restore');
    if (restore === FAILED) return false;
    let arch = this.archDefault;
    if (ix.arch >= 0) {
      const cell = row.cell(ix.arch);
      // Rows repeat a handful of spellings (and the row view hands out one string per spelling).
      // Stryker disable next-line ConditionalExpression: parsing the same cell again gives the same arch
      if (cell !== this.lastArchCell) {
        this.lastArchCell = cell;
        this.lastArch = parseArch(cell);
      }
      const parsed = this.lastArch;
      if (parsed === undefined) {
        return this.fail('Arch', `'${row.cell(ix.arch).trim()}' is not an architecture (x86_64 or arm64)`);
      }
      arch = parsed;
    }
    out.add(
      name,
      memoryMB,
      // An Init of 0 is how some tools write "no init phase": a warm start.
      init === 0 ? NaN : init,
      duration,
      billed,
      maxMemory,
      restore,
      arch,
      this.text(row, ix.runtime),
      this.text(row, ix.status),
      this.text(row, ix.errorType),
      this.text(row, ix.run),
      this.text(row, ix.requestId),
      this.text(row, ix.timestamp),
    );
    return true;
  }
}
