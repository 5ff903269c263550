import { locateJsonError } from './json-locate';
import { MAX_MEMORY_MB, MIN_MEMORY_MB, MeasurePlanSchema, type MeasurePlan } from '../../../shared/measure';

/** What the planner's fields hold, as typed (numbers may be empty or wrong until validated). */
export interface PlanForm {
  functions: string[];
  memorySizes: number[];
  times: number | string;
  parallel: number | string;
  warm: number | string;
  payload: string;
}

export type PlanField = keyof PlanForm;

export const MEMORY_PRESETS = [128, 256, 512, 1024, 1769, 2048, 3008, 4096, 10240];

/** One memory size as typed into the chip input: a whole number of MB within Lambda's range. */
export function checkMemorySize(text: string): { value: number } | { error: string } {
  const trimmed = text.trim().replace(/\s*mb$/i, '');
  if (trimmed === '') return { error: 'Type a memory size in MB' };
  if (!/^\d+$/.test(trimmed)) return { error: `“${text.trim()}” is not a whole number of MB` };
  const value = Number(trimmed);
  if (value < MIN_MEMORY_MB) return { error: `${value} MB is below Lambda’s minimum of ${MIN_MEMORY_MB} MB` };
  if (value > MAX_MEMORY_MB) return { error: `${value} MB is above Lambda’s maximum of ${MAX_MEMORY_MB} MB` };
  return { value };
}

/** Several sizes at once ("128, 512 1024"): the valid ones, and one message per invalid one. */
export function parseMemoryList(text: string): { values: number[]; errors: string[] } {
  const values: number[] = [];
  const errors: string[] = [];
  for (const token of text.split(/[\s,;]+/).filter((t) => t !== '')) {
    const result = checkMemorySize(token);
    if ('value' in result) values.push(result.value);
    else errors.push(result.error);
  }
  return { values, errors };
}

/** Adds sizes to a chip list: no duplicates, ascending. */
export function addMemorySizes(current: readonly number[], added: readonly number[]): number[] {
  return [...new Set([...current, ...added])].sort((a, b) => a - b);
}

/** Where a JSON text breaks, as "line 3, column 7: ..."; null when it is valid JSON. */
export function payloadProblem(payload: string): string | null {
  if (payload.trim() === '') return 'The payload is empty: use {} for an empty event';
  try {
    JSON.parse(payload);
    return null;
  } catch (err) {
    const located = locateJsonError(payload);
    if (!located) return `Not valid JSON: ${err instanceof Error ? err.message : String(err)}`;
    const before = payload.slice(0, located.offset).split('\n');
    const line = before.length;
    const column = (before[before.length - 1]?.length ?? 0) + 1;
    return `Not valid JSON at line ${line}, column ${column}: ${located.reason}`;
  }
}

export interface PlanLimits {
  /** The account's unreserved concurrency (null when unknown). */
  concurrency: number | null;
}

/** The highest parallel value the planner allows: the schema's cap, bounded by the account's concurrency. */
export function maxParallel(limits: PlanLimits): number {
  const schemaMax = 100;
  return limits.concurrency === null ? schemaMax : Math.max(1, Math.min(schemaMax, limits.concurrency));
}

function wholeNumber(value: number | string, field: string, min: number, max: number): number | string {
  const text = String(value).trim();
  if (text === '' || !/^\d+$/.test(text)) return `${field} must be a whole number`;
  const n = Number(text);
  if (n < min) return `${field} must be at least ${min}`;
  if (n > max) return `${field} must be at most ${max}`;
  return n;
}

export interface PlanValidation {
  plan: MeasurePlan | null;
  errors: Partial<Record<PlanField, string>>;
  /** Not blocking, but worth knowing. */
  warnings: string[];
}

/** Checks every field and says what is wrong, field by field; `plan` is set only when all is well. */
export function validatePlan(form: PlanForm, limits: PlanLimits): PlanValidation {
  const errors: Partial<Record<PlanField, string>> = {};
  const warnings: string[] = [];
  if (form.functions.length === 0) errors.functions = 'Select at least one function';
  else if (form.functions.length > 50) errors.functions = 'At most 50 functions per run';
  const badMemory = form.memorySizes.find(
    (m) => !Number.isInteger(m) || m < MIN_MEMORY_MB || m > MAX_MEMORY_MB,
  );
  if (badMemory !== undefined)
    errors.memorySizes = `${badMemory} MB is outside Lambda’s range (${MIN_MEMORY_MB}–${MAX_MEMORY_MB} MB)`;
  else if (form.memorySizes.length > 40) errors.memorySizes = 'At most 40 memory sizes per run';
  const times = wholeNumber(form.times, 'Cold samples', 1, 1000);
  if (typeof times === 'string') errors.times = times;
  const cap = maxParallel(limits);
  const parallel = wholeNumber(form.parallel, 'Parallel cold starts', 1, cap);
  if (typeof parallel === 'string') {
    errors.parallel =
      limits.concurrency !== null && Number(form.parallel) > cap && /^\d+$/.test(String(form.parallel).trim())
        ? `Parallel cold starts must be at most ${cap}: the account’s unreserved concurrency is ${limits.concurrency}`
        : parallel;
  }
  const warm = wholeNumber(form.warm, 'Warm follow-ups', 0, 100);
  if (typeof warm === 'string') errors.warm = warm;
  const payload = payloadProblem(form.payload);
  if (payload) errors.payload = payload;
  if (typeof times === 'number' && typeof parallel === 'number' && parallel > times)
    warnings.push(
      `Only ${times} cold start(s) per configuration: ${parallel} in parallel is more than needed.`,
    );
  if (form.memorySizes.length === 0 && form.functions.length > 0)
    warnings.push('No memory size chosen: each function is measured at its own memory size.');
  if (Object.keys(errors).length > 0) return { plan: null, errors, warnings };
  const parsed = MeasurePlanSchema.safeParse({
    functions: form.functions,
    memorySizes: form.memorySizes,
    times,
    parallel,
    warm,
    payload: form.payload,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = (issue?.path[0] as PlanField | undefined) ?? 'functions';
    return { plan: null, errors: { [field]: issue?.message ?? 'Invalid plan' }, warnings };
  }
  return { plan: parsed.data, errors, warnings };
}
