import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { z } from 'zod';
import { writeJsonAtomic } from './run-store';

/** The environment variable that forces a new execution environment; its value names the run. */
export const MARKER_KEY = 'COLDSTART_LAB_RUN';

export const markerValue = (runId: string, n: number) => `${runId}-${n}`;

/** Whether a function's variables carry a marker of this run. */
export function carriesMarkerOf(
  variables: Record<string, string> | null | undefined,
  runId: string,
): boolean {
  const value = variables?.[MARKER_KEY];
  return typeof value === 'string' && value.startsWith(`${runId}-`);
}

const OriginalSchema = z.object({
  memoryMB: z.number().int(),
  /** null: the function had no Environment at all. */
  variables: z.record(z.string(), z.string()).nullable(),
  revisionId: z.string().nullable(),
  kmsKeyArn: z.string().nullable(),
});
export type OriginalConfig = z.infer<typeof OriginalSchema>;

/**
 * A configuration the run wrote: the original variables plus this exact marker value, at this memory.
 * Variables are not repeated here: they are always `original.variables` plus the marker.
 */
const WrittenSchema = z.object({ marker: z.string(), memoryMB: z.number().int() });
export type WrittenConfig = z.infer<typeof WrittenSchema>;

const EntrySchema = z.object({
  functionName: z.string(),
  functionArn: z.string().nullable(),
  original: OriginalSchema,
  /** Set before the first update is sent: from then on the function may carry our marker. */
  changed: z.boolean(),
  /**
   * What the function may carry that is ours: the last configuration we wrote and saw settle, and the one
   * being written (recorded before the update is sent, so a kill between the two still knows it). Absent in
   * journals of older versions, which did not record it: their functions cannot be proven ours.
   */
  written: z.array(WrittenSchema).max(2).optional(),
  /** `pending` until restored (or found changed by someone else and left alone); a failed restore stays pending. */
  restore: z.enum(['pending', 'restored', 'skipped', 'failed']),
  detail: z.string().nullable(),
});
export type JournalEntry = z.infer<typeof EntrySchema>;

export const JournalSchema = z.object({
  version: z.literal(1),
  runId: z.string(),
  createdAt: z.string(),
  pid: z.number().int(),
  hostname: z.string(),
  markerKey: z.literal(MARKER_KEY),
  /** Where the run talked to AWS, so recovery reaches the same account and region. */
  connection: z.object({
    profile: z.string().nullable(),
    region: z.string(),
    endpoint: z.string().nullable(),
  }),
  functions: z.array(EntrySchema),
});
export type Journal = z.infer<typeof JournalSchema>;

/** The journal of one run on disk; every change is written (atomically) before the engine acts on it. */
export class JournalFile {
  private writes: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    readonly journal: Journal,
  ) {}

  static create(path: string, runId: string, connection: Journal['connection']): JournalFile {
    return new JournalFile(path, {
      version: 1,
      runId,
      createdAt: new Date().toISOString(),
      pid: process.pid,
      hostname: hostname(),
      markerKey: MARKER_KEY,
      connection,
      functions: [],
    });
  }

  static async load(path: string): Promise<JournalFile> {
    const journal = JournalSchema.parse(JSON.parse(await readFile(path, 'utf8')));
    return new JournalFile(path, journal);
  }

  entry(functionName: string): JournalEntry | undefined {
    return this.journal.functions.find((f) => f.functionName === functionName);
  }

  /** Whether every function the run changed has been dealt with. */
  get settled(): boolean {
    return this.journal.functions.every((f) => !f.changed || f.restore !== 'pending');
  }

  async add(entry: JournalEntry): Promise<void> {
    this.journal.functions.push(entry);
    await this.save();
  }

  async update(functionName: string, change: Partial<JournalEntry>): Promise<void> {
    const entry = this.entry(functionName);
    if (!entry) throw new Error(`journal has no entry for ${functionName}`);
    Object.assign(entry, change);
    await this.save();
  }

  save(): Promise<void> {
    const snapshot = structuredClone(this.journal);
    this.writes = this.writes.then(() => writeJsonAtomic(this.path, snapshot));
    return this.writes;
  }
}
