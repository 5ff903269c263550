// The UTC day (`YYYY-MM-DD`) of a sample's timestamp, for bucketing samples by day.

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const UTC_TIME = /^(\d{4}-\d{2}-\d{2})T[\d:.]+Z$/;

/** The UTC day of an ISO 8601 timestamp (a date alone is that day); null when it is not one. */
export function utcDay(timestamp: string | null): string | null {
  if (timestamp === null) return null;
  // REPORT times are UTC (`...Z`): their first ten characters are the day, no Date needed.
  const utc = UTC_TIME.exec(timestamp);
  if (utc !== null) return utc[1] as string;
  const time = Date.parse(DATE_ONLY.test(timestamp) ? `${timestamp}T00:00:00Z` : timestamp);
  return Number.isFinite(time) ? new Date(time).toISOString().slice(0, 10) : null;
}
