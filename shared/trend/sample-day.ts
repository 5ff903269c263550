// The UTC day (`YYYY-MM-DD`) of a sample's timestamp, for bucketing samples by day.

/** An ISO 8601 day, alone or followed by a time. */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
/** A REPORT time: UTC, fields in range, so its first ten characters are the day and no Date is needed. */
const UTC_TIME = /^.{10}T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a month has that day; Date.parse would roll 2026-02-30 over into March instead. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const last = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  // Stryker disable next-line ConditionalExpression: a month past 12 has no last day, and `day <= undefined` is false too
  return last !== undefined && day >= 1 && day <= last;
}

/** The UTC day of an ISO 8601 timestamp (a date alone is that day); null when it is not one. */
export function utcDay(timestamp: string | null): string | null {
  // Stryker disable next-line ConditionalExpression: only a shortcut, the day pattern refuses "null" too
  if (timestamp === null) return null;
  const parts = ISO_DAY.exec(timestamp);
  if (parts === null || !isCalendarDay(Number(parts[1]), Number(parts[2]), Number(parts[3]))) return null;
  // Only speed: Date.parse gives the same day for a calendar day alone and for every time UTC_TIME accepts.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the shortcut, see above
  if (timestamp.length === 10 || UTC_TIME.test(timestamp)) return timestamp.slice(0, 10);
  const time = Date.parse(timestamp);
  return Number.isFinite(time) ? new Date(time).toISOString().slice(0, 10) : null;
}
