import { EMPTY } from './decimal';
import type { ColumnIndex } from './header-mapping';

// What each cell of a row is, by its position in the header: the fast paths' (text and bytes) shared plan.
export const IGNORED = 0;
export const NAME = 1;
export const MEMORY = 2;
export const INIT = 3;
export const COLD = 4;
export const BILLED = 5;
export const MAX_MEMORY = 6;
export const RESTORE = 7;
export const ARCH = 8;
/** Text cells from here on, in the order of the readers' text slots (slot 0 is the name). */
export const RUNTIME = 9;
export const STATUS = 10;
export const ERROR_TYPE = 11;
export const RUN = 12;
export const REQUEST_ID = 13;
export const TIMESTAMP = 14;

/** Text slots: the name, then RUNTIME..TIMESTAMP. */
// Stryker disable next-line ArithmeticOperator: it only sizes the remembered-value caches: a slot past them is a miss (== null), more slots go unused
export const TEXT_SLOTS = 1 + TIMESTAMP - RUNTIME + 1;
/** Text slots from here on (REQUEST_ID, TIMESTAMP) are packed columns: unique per row. */
// Stryker disable next-line ArithmeticOperator: only chooses a copy or a slice in textCell, the same text either way
export const FIRST_PACKED_SLOT = REQUEST_ID - RUNTIME + 1;

const ROLES: [keyof ColumnIndex, number][] = [
  ['name', NAME],
  ['memory', MEMORY],
  ['init', INIT],
  ['cold', COLD],
  ['billed', BILLED],
  ['maxMemory', MAX_MEMORY],
  ['restore', RESTORE],
  ['arch', ARCH],
  ['runtime', RUNTIME],
  ['status', STATUS],
  ['errorType', ERROR_TYPE],
  ['run', RUN],
  ['requestId', REQUEST_ID],
  ['timestamp', TIMESTAMP],
];

/** The role of each cell position of a row `width` cells wide. */
export function rolesOf(index: ColumnIndex, width: number): Uint8Array {
  const roles = new Uint8Array(width);
  for (const [key, role] of ROLES) {
    const at = index[key];
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a typed array ignores writes outside it
    if (at >= 0 && at < width) roles[at] = role;
  }
  return roles;
}

export const APOSTROPHE = 39;

/** Printable ASCII other than a space: a text cell that starts and ends with one needs no trimming. */
export const plainEdge = (c: number): boolean => c > 32 && c < 127;

/** What plainNumber gives for a cell that leaves the row to RowReader (every kept value is >= 0 or NaN). */
export const NOT_PLAIN_NUMBER = -1;

/**
 * The value a number cell (parseNonNegativeAt's result `v`) stores in its column, as RowReader would store
 * it, or NOT_PLAIN_NUMBER when RowReader must look at the row (to read it its way or to say why not).
 */
export function plainNumber(role: number, v: number): number {
  if (v === EMPTY) return role === COLD || role === BILLED ? NOT_PLAIN_NUMBER : NaN;
  if (v < 0) return NOT_PLAIN_NUMBER;
  if (role === MEMORY) return Number.isInteger(v) && v !== 0 ? v : NOT_PLAIN_NUMBER;
  // An Init of 0 is how some tools write "no init phase": a warm start.
  if (role === INIT && v === 0) return NaN;
  return v;
}
