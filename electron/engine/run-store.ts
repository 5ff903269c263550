import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs';
import { chmod, readFile, readdir, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { exportCsv } from '../../shared/csv/export-csv';
import { RunSummarySchema, type RunSummary } from '../../shared/measure';
import { SampleSchema, type Sample } from '../../shared/sample';
import {
  fsyncDir,
  makePrivateDir,
  PRIVATE_DIR_MODE,
  PRIVATE_FILE_MODE,
  writeFileDurable,
  writeJsonDurable,
} from './durable-file';
import { EngineError } from './engine-api';

/**
 * Run directories under `<stateDir>/runs/<id>/`: plan.json, journal.json (measure runs), samples.jsonl
 * (appended and flushed per sample), samples.csv (the shared format, at the end), summary.json, and
 * owner.json while the run's process works on it. `runs/` and every run directory are 0700, every file 0600:
 * the journal holds the functions' original variables and the plan the payload.
 */
export const FILES = {
  plan: 'plan.json',
  journal: 'journal.json',
  samples: 'samples.jsonl',
  csv: 'samples.csv',
  summary: 'summary.json',
  owner: 'owner.json',
} as const;

const RUN_ID = /^\d{8}-\d{6}-[0-9a-f]{4}$/;

/** Sortable, readable and short enough to sit in an environment variable: `20261128-230501-3f2a`. */
export function newRunId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/**
 * Writes JSON so that a crash leaves the old file or the new one, never half of one, and durably: the journal
 * is saved with it before the engine's first change to AWS, so it must be on disk (file and directory) then.
 */
export const writeJsonAtomic = writeJsonDurable;

export function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Appends samples to samples.jsonl, each batch written and flushed to disk before it returns. */
export class SampleWriter {
  private fd: number | null;
  constructor(readonly path: string) {
    this.fd = openSync(path, 'a', PRIVATE_FILE_MODE);
  }
  append(samples: readonly Sample[]): void {
    if (this.fd === null || samples.length === 0) return;
    writeSync(this.fd, samples.map((s) => `${JSON.stringify(s)}\n`).join(''));
    fdatasyncSync(this.fd);
  }
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

export class RunStore {
  readonly runsDir: string;
  constructor(readonly stateDir: string) {
    this.runsDir = join(stateDir, 'runs');
  }

  dir(runId: string): string {
    if (!RUN_ID.test(runId)) throw new EngineError('invalid-argument', `Not a run id: '${runId}'.`);
    return join(this.runsDir, runId);
  }

  path(runId: string, file: keyof typeof FILES): string {
    return join(this.dir(runId), FILES[file]);
  }

  /** Creates the run directory with its plan and a `running` summary owned by this process. */
  async create(summary: RunSummary, plan: unknown): Promise<SampleWriter> {
    try {
      await this.makeRunsDir();
      await makePrivateDir(this.dir(summary.id));
      await writeJsonAtomic(this.path(summary.id, 'plan'), plan);
      await writeJsonAtomic(this.path(summary.id, 'owner'), { pid: process.pid, hostname: hostname() });
      await this.writeSummary(summary);
      const writer = new SampleWriter(this.path(summary.id, 'samples'));
      await fsyncDir(this.dir(summary.id));
      return writer;
    } catch (error) {
      throw new EngineError(
        'io',
        `Cannot create the run directory ${this.dir(summary.id)}: ${(error as Error).message}`,
        'Check --state-dir / COLDSTART_STATE_DIR.',
      );
    }
  }

  /**
   * `runs/` is the app's own, whoever made it: one made by an older version (0755) is closed too, which also
   * closes the run directories it made. The state directory itself may be the user's (`--state-dir .`).
   */
  private async makeRunsDir(): Promise<void> {
    await makePrivateDir(this.runsDir);
    if (process.platform !== 'win32') await chmod(this.runsDir, PRIVATE_DIR_MODE);
  }

  writeSummary(summary: RunSummary): Promise<void> {
    return writeJsonAtomic(this.path(summary.id, 'summary'), summary);
  }

  /** Ends a run: final summary, the samples as CSV in the shared format, no owner any more. */
  async finish(summary: RunSummary, samples: readonly Sample[]): Promise<string> {
    await this.writeSummary(summary);
    await rm(this.path(summary.id, 'owner'), { force: true });
    const csv = this.path(summary.id, 'csv');
    await writeFileDurable(csv, exportCsv(samples));
    return csv;
  }

  /** Whether a process (this one or another, alive) still works on the run. */
  async isOwnedByLiveProcess(runId: string): Promise<boolean> {
    try {
      const owner = JSON.parse(await readFile(this.path(runId, 'owner'), 'utf8')) as {
        pid: number;
        hostname: string;
      };
      return owner.hostname !== hostname() || isProcessAlive(owner.pid);
    } catch {
      return false;
    }
  }

  async readSummary(runId: string): Promise<RunSummary> {
    const path = this.path(runId, 'summary');
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      throw new EngineError('not-found', `No run '${runId}' in ${this.runsDir}.`);
    }
    const parsed = RunSummarySchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new EngineError('io', `Run '${runId}': summary.json is damaged.`);
    const summary = parsed.data;
    if (summary.state !== 'running') return summary;
    // Until a run ends its summary says 0 samples; what it has measured so far is in samples.jsonl.
    const samples = (await this.readSamples(runId)).length;
    if (!(await this.isOwnedByLiveProcess(runId))) return { ...summary, state: 'interrupted', samples };
    return { ...summary, samples };
  }

  async list(): Promise<RunSummary[]> {
    let ids: string[];
    try {
      ids = (await readdir(this.runsDir)).filter((d) => RUN_ID.test(d));
    } catch {
      return [];
    }
    const summaries: RunSummary[] = [];
    for (const id of ids) {
      try {
        summaries.push(await this.readSummary(id));
      } catch {
        // A directory without a readable summary is not a run (yet); listing goes on.
      }
    }
    return summaries.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  /** Samples of a run; a last line torn by a crash is skipped. */
  async readSamples(runId: string): Promise<Sample[]> {
    let text = '';
    try {
      text = await readFile(this.path(runId, 'samples'), 'utf8');
    } catch {
      return [];
    }
    const samples: Sample[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const parsed = SampleSchema.safeParse(JSON.parse(line));
        if (parsed.success) samples.push(parsed.data);
      } catch {
        // torn line
      }
    }
    return samples;
  }

  async rename(runId: string, name: string): Promise<RunSummary> {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 200)
      throw new EngineError('invalid-argument', 'A run name has 1 to 200 characters.');
    const summary = await this.readSummary(runId);
    const renamed = { ...summary, name: trimmed };
    await this.writeSummary(renamed);
    return renamed;
  }

  async delete(runId: string): Promise<void> {
    const summary = await this.readSummary(runId);
    if (summary.state === 'running')
      throw new EngineError('invalid-argument', `Run '${runId}' is still running.`);
    await rm(this.dir(runId), { recursive: true, force: true });
  }
}
