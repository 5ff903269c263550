export type RangeChoice = 'hour' | 'day' | 'week' | 'custom';

const SPAN_MS: Record<Exclude<RangeChoice, 'custom'>, number> = {
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
};

/** A `datetime-local` value ("2026-11-28T21:30") as an ISO instant in the user's time zone. */
function fromLocal(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `Date` → `datetime-local` value, for prefilling the custom range. */
export function toLocalInput(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The time range to fetch, as ISO strings, or what is wrong with the custom one. */
export function fetchRange(
  choice: RangeChoice,
  now: Date,
  custom: { start: string; end: string } = { start: '', end: '' },
): { start: string; end: string } | { error: string } {
  if (choice !== 'custom') {
    return { start: new Date(now.getTime() - SPAN_MS[choice]).toISOString(), end: now.toISOString() };
  }
  const start = fromLocal(custom.start);
  const end = fromLocal(custom.end);
  if (!start) return { error: 'Choose a start date and time' };
  if (!end) return { error: 'Choose an end date and time' };
  if (start >= end) return { error: 'The start must be before the end' };
  if (start > now) return { error: 'The start is in the future: there are no logs yet' };
  return { start: start.toISOString(), end: end.toISOString() };
}
