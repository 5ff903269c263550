/** Results of parseNonNegativeAt besides a value (every value is >= 0, so negative codes are free). */
export const EMPTY = -1;
export const INVALID = -2;
export const NEGATIVE = -3;

// Powers of ten that are exact doubles.
export const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

const isSpace = (c: number): boolean =>
  c === 32 || c === 9 || c === 13 || c === 10 || c === 0xa0 || c === 0xfeff;

/**
 * Reads a non-negative decimal number from `text[start, end)` without cutting a string out of it:
 * `166.76`, ` 3 `, `1e3`, and with `decimalComma` also `166,76`. Returns the value, EMPTY (only spaces),
 * INVALID or NEGATIVE.
 *
 * The value is exactly what Number() gives: up to 15 digits and a power of ten up to 22 it is one
 * correctly rounded IEEE division or multiplication of two exact doubles (Clinger's fast path, the same
 * one JavaScript engines use); anything longer goes to Number() itself.
 */
export function parseNonNegativeAt(text: string, start: number, end: number, decimalComma: boolean): number {
  // Fast path for what exports and Lambda write (digits, at most one '.', nothing else): one pass.
  let mantissa = 0;
  let digits = 0;
  let point = -1;
  let i = start;
  // The fast path's own mutants that only send a number on to parseGeneral (which reads it the same) are
  // marked; those that would return a wrong value are not.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator,BlockStatement: parseGeneral then reads it, the same
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    // Stryker disable next-line ArithmeticOperator: parseGeneral then reads it, the same
    const d = c - 48;
    // Stryker disable next-line EqualityOperator: parseGeneral then reads it, the same
    if (d >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      // Stryker disable next-line AssignmentOperator: parseGeneral then reads it, the same
      digits += 1;
    } else if (c === 46 && point < 0) point = i;
    else break;
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: parseGeneral then reads it, the same
  if (i === end && digits > 0 && digits <= 15) {
    const fractionDigits = point < 0 ? 0 : end - point - 1;
    // Stryker disable next-line ConditionalExpression: dividing by 10^0 is the same
    return fractionDigits === 0 ? mantissa : mantissa / (POW10[fractionDigits] as number);
  }
  return parseGeneral(text, start, end, decimalComma);
}

/** parseNonNegativeAt for everything else: spaces, signs, exponents, decimal commas, long numbers. */
function parseGeneral(text: string, start: number, end: number, decimalComma: boolean): number {
  while (start < end && isSpace(text.charCodeAt(start))) start += 1;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end -= 1;
  if (start === end) return EMPTY;
  let i = start;
  let c = text.charCodeAt(i);
  let negative = false;
  if (c === 45) {
    negative = true;
    i += 1;
  } else if (c === 43) i += 1;
  let digits = 0;
  let mantissa = 0;
  let fractionDigits = 0;
  let point = false;
  // Stryker disable next-line BooleanLiteral: without a decimal comma a ',' never gets this far (INVALID above)
  let comma = false;
  for (; i < end; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits += 1;
      mantissa = mantissa * 10 + (c - 48);
      if (point) fractionDigits += 1;
    } else if (c === 46 && !point) point = true;
    else if (c === 44 && decimalComma && !point) {
      point = true;
      comma = true;
    } else break;
  }
  if (digits === 0) return INVALID;
  let exponent = 0;
  if (i < end) {
    if (c !== 101 && c !== 69) return INVALID;
    i += 1;
    let expNegative = false;
    c = text.charCodeAt(i);
    if (c === 43 || c === 45) {
      expNegative = c === 45;
      i += 1;
    }
    let expDigits = 0;
    for (; i < end; i++) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) return INVALID;
      // Stryker disable next-line AssignmentOperator: only ever compared with 0
      expDigits += 1;
      // Beyond 1e6 (or with a wrong digit, at least 96) the power is out of the exact range: Number() reads it.
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the cap only keeps the exponent finite
      if (exponent < 1e6) exponent = exponent * 10 + (c - 48);
    }
    if (expDigits === 0) return INVALID;
    if (expNegative) exponent = -exponent;
  }
  let value: number;
  const power = exponent - fractionDigits;
  // Outside the exact range Number() reads the literal, to the same value.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,UnaryOperator: Number() gives the same value
  if (digits <= 15 && power >= -22 && power <= 22) {
    // Stryker disable next-line EqualityOperator: dividing by 10^0 is the same
    value = power < 0 ? mantissa / (POW10[-power] as number) : mantissa * (POW10[power] as number);
  } else {
    const literal = text.slice(start, end);
    value = Number(comma ? literal.replace(',', '.') : literal);
  }
  if (!Number.isFinite(value)) return INVALID;
  if (value === 0) return 0; // also turns -0 into 0
  return negative ? NEGATIVE : value;
}

/** parseNonNegativeAt for a whole string. */
export function parseNonNegative(cell: string, decimalComma: boolean): number {
  return parseNonNegativeAt(cell, 0, cell.length, decimalComma);
}
