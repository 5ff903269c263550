import type { CodedTextColumn, SampleColumns } from '../sample-columns';

/** Dictionary codes of one text column (0 for null), as SampleColumns keeps them. */
class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  code(value: string | null): number {
    if (value === null) return 0;
    let code = this.codes.get(value);
    if (code === undefined) {
      this.values.push(value);
      this.codes.set(value, (code = this.values.length));
    }
    return code;
  }
}

/**
 * SampleColumns of one baseline day, written a function (entry) at a time. Every cold start of an entry
 * shares all but its duration, and every sample of the day its run tag and timestamp, so a whole entry is a
 * few `fill`s: SampleColumnsBuilder's per-sample work (14 values, 6 dictionary lookups) made up most of
 * parsing a year of files.
 */
export class BaselineColumnsWriter {
  private length = 0;
  private readonly memoryMB: Float64Array;
  private readonly initMs: Float64Array;
  private readonly restoreMs: Float64Array;
  private readonly nameCodes: Uint32Array;
  private readonly archCodes: Uint32Array;
  private readonly runtimeCodes: Uint32Array;
  private readonly names = new Dictionary();
  private readonly archs = new Dictionary();
  private readonly runtimes = new Dictionary();

  /** `capacity`: at least the number of samples that will be added. */
  constructor(
    private readonly capacity: number,
    private readonly day: string,
    private readonly tag: string,
  ) {
    this.memoryMB = new Float64Array(capacity);
    this.initMs = new Float64Array(capacity).fill(NaN);
    this.restoreMs = new Float64Array(capacity).fill(NaN);
    this.nameCodes = new Uint32Array(capacity);
    this.archCodes = new Uint32Array(capacity);
    this.runtimeCodes = new Uint32Array(capacity);
  }

  /** One cold sample per duration: Init Duration, or Restore Duration when `restore`. */
  addEntry(
    name: string,
    runtime: string | null,
    arch: string | null,
    memoryMB: number,
    durationsMs: readonly number[],
    restore: boolean,
  ): void {
    const from = this.length;
    const to = from + durationsMs.length;
    if (to > this.capacity) throw new RangeError('BaselineColumnsWriter: more samples than its capacity');
    (restore ? this.restoreMs : this.initMs).set(durationsMs, from);
    this.memoryMB.fill(memoryMB, from, to);
    this.nameCodes.fill(this.names.code(name), from, to);
    this.archCodes.fill(this.archs.code(arch), from, to);
    this.runtimeCodes.fill(this.runtimes.code(runtime), from, to);
    this.length = to;
  }

  finish(): SampleColumns {
    const n = this.length;
    const cut = <T extends Float64Array | Uint32Array>(a: T): T =>
      // Stryker disable next-line ConditionalExpression: a copy of the same values (only memory)
      n === a.length ? a : (a.slice(0, n) as T);
    const unknown = (): Float64Array => new Float64Array(n).fill(NaN);
    const coded = (codes: Uint32Array, values: string[]): CodedTextColumn => ({ codes: cut(codes), values });
    const none = (): CodedTextColumn => ({ codes: new Uint32Array(n), values: [] });
    const ends = new Uint32Array(n);
    // Stryker disable next-line EqualityOperator: a typed array ignores a write past its end
    for (let i = 0; i < n; i++) ends[i] = (i + 1) * this.day.length;
    return {
      length: n,
      memoryMB: cut(this.memoryMB),
      initMs: cut(this.initMs),
      durationMs: unknown(),
      billedMs: unknown(),
      maxMemoryUsedMB: unknown(),
      restoreMs: cut(this.restoreMs),
      name: coded(this.nameCodes, this.names.values),
      arch: coded(this.archCodes, this.archs.values),
      runtime: coded(this.runtimeCodes, this.runtimes.values),
      status: none(),
      errorType: none(),
      run: n === 0 ? none() : { codes: new Uint32Array(n).fill(1), values: [this.tag] },
      requestId: null,
      timestamp: n === 0 ? null : { text: this.day.repeat(n), ends },
    };
  }
}
