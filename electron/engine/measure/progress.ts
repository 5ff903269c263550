import type { RunPhase, RunProgress } from '../../../shared/measure';

/** Counts samples against the plan's total and turns the pace so far into an ETA. */
export class ProgressTracker {
  private readonly startedAt = Date.now();
  done = 0;
  phase: RunPhase = 'preparing';
  functionName: string | null = null;
  memoryMB: number | null = null;

  constructor(
    readonly runId: string,
    public total: number,
    private readonly emit: (progress: RunProgress) => void = () => {},
  ) {}

  update(
    change: Partial<Pick<ProgressTracker, 'phase' | 'functionName' | 'memoryMB'>>,
    message: string | null = null,
  ) {
    Object.assign(this, change);
    this.report(message);
  }

  add(samples: number): void {
    this.done += samples;
    this.report(null);
  }

  /** A function that stopped early will not deliver the rest of its samples: the total shrinks. */
  dropRemaining(count: number): void {
    this.total = Math.max(this.done, this.total - count);
  }

  report(message: string | null): void {
    const elapsedMs = Date.now() - this.startedAt;
    const remaining = this.total - this.done;
    const etaMs =
      this.phase === 'done' ? 0 : this.done > 0 ? Math.round((elapsedMs / this.done) * remaining) : null;
    try {
      this.emit({
        runId: this.runId,
        phase: this.phase,
        done: this.done,
        total: this.total,
        functionName: this.functionName,
        memoryMB: this.memoryMB,
        elapsedMs,
        etaMs,
        message,
      });
    } catch {
      // A listener's failure must not stop the measurement (or the restore).
    }
  }
}
