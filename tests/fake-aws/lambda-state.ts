import { randomBytes, randomUUID } from 'node:crypto';
import { runtimeProfile, seededRandom, simulateTimes } from './runtime-profiles';

/** A function as a test declares it. */
export interface FakeFunctionSpec {
  name: string;
  runtime?: string | null;
  arch?: 'x86_64' | 'arm64';
  memoryMB?: number;
  timeoutS?: number;
  /** null: the function has no Environment at all. */
  variables?: Record<string, string> | null;
  kmsKeyArn?: string | null;
  logFormat?: 'Text' | 'JSON';
  /** Custom log group; null means /aws/lambda/<name>. */
  logGroup?: string | null;
  packageType?: 'Zip' | 'Image';
  reservedConcurrency?: number | null;
  /** Fraction of invocations that end in a function error / a timeout. */
  errorRate?: number;
  timeoutRate?: number;
  /** Every Invoke is answered with this AWS error (e.g. KMSAccessDeniedException) instead of running. */
  invokeError?: { status: number; type: string; message: string } | null;
  /**
   * The caller lacks kms:Decrypt on the function's customer managed key: reads carry
   * `Environment.Error` and no `Variables`, as Lambda answers such a caller.
   */
  decryptDenied?: boolean;
}

/** What one configuration of a function says; each update creates a new one. */
export interface FakeConfig {
  version: number;
  memoryMB: number;
  timeoutS: number;
  variables: Record<string, string> | null;
  kmsKeyArn: string | null;
  revisionId: string;
  lastModified: string;
}

export interface FakeEnvironment {
  id: string;
  configVersion: number;
  busy: boolean;
  /** Log stream of this execution environment. */
  logStream: string;
  /** Kept from before an update by the `warmNextInvocations` fault: it answers once, then is gone. */
  stale?: boolean;
}

export interface FakeFunction {
  spec: Required<
    Omit<FakeFunctionSpec, 'variables' | 'kmsKeyArn' | 'logGroup' | 'reservedConcurrency' | 'runtime'>
  > & {
    runtime: string | null;
    logGroup: string | null;
    reservedConcurrency: number | null;
  };
  arn: string;
  /** The newest configuration (what GetFunctionConfiguration shows). */
  latest: FakeConfig;
  /** The configuration invocations are served by (the previous one while an update is InProgress). */
  serving: FakeConfig;
  lastUpdateStatus: 'Successful' | 'InProgress' | 'Failed';
  lastUpdateStatusReason: string | null;
  lastUpdateStatusReasonCode: string | null;
  environments: FakeEnvironment[];
  /** Invocations in flight right now, and the most ever seen at once. */
  inFlight: number;
  maxInFlight: number;
}

export interface FakeAwsFaults {
  /** Fraction (0..1) of Lambda API calls answered 429 TooManyRequestsException before doing anything. */
  throttleRate: number;
  /** The next N updates are answered 409 ResourceConflictException (as if another update were in progress). */
  conflictNext: number;
  /** After the next N successful updates, idle environments stay in service: invocations come back warm. */
  warmAfterNextUpdates: number;
  /**
   * The next N invocations are answered by an environment kept from before the last update (a stale
   * environment, or a throttled invocation retried onto one its batch just freed): warm answers.
   */
  warmNextInvocations: number;
  /**
   * Configurations are returned without a RevisionId, as by an endpoint that does not implement revisions
   * (an emulator): an update without one is applied unconditionally, as Lambda applies it.
   */
  omitRevisionIds: boolean;
  /** Configurations are returned without KMSKeyArn, even when `Environment.Error` says the key is denied. */
  omitKmsKeyArns: boolean;
}

export interface FakeStats {
  invocations: number;
  coldStarts: number;
  updates: number;
  throttled: number;
  conflicts: number;
  preconditionFailures: number;
}

export interface LambdaStateOptions {
  region: string;
  accountId: string;
  /** How long an update stays InProgress (ms). */
  updateDelayMs: number;
  /** Real milliseconds spent per simulated millisecond of init + duration. */
  timeScale: number;
  accountConcurrency: number;
  seed: number;
  now: () => number;
}

export type UpdateHook = (functionName: string, updateNumber: number) => void;
/** `invocationNumber` counts the function's invocations, this one included. */
export type InvokeHook = (functionName: string, invocationNumber: number) => void;

const lastModifiedNow = (now: number) => new Date(now).toISOString().replace('Z', '+0000');

/** The fake's model of Lambda: functions, their configurations, execution environments and faults. */
export class LambdaState {
  readonly functions = new Map<string, FakeFunction>();
  readonly faults: FakeAwsFaults = {
    throttleRate: 0,
    conflictNext: 0,
    warmAfterNextUpdates: 0,
    warmNextInvocations: 0,
    omitRevisionIds: false,
    omitKmsKeyArns: false,
  };
  readonly stats: FakeStats = {
    invocations: 0,
    coldStarts: 0,
    updates: 0,
    throttled: 0,
    conflicts: 0,
    preconditionFailures: 0,
  };
  readonly random: () => number;
  private readonly failNext = new Map<string, string>();
  private readonly updateHooks: UpdateHook[] = [];
  private readonly settledHooks: UpdateHook[] = [];
  private readonly invokeHooks: InvokeHook[] = [];
  private readonly invocationsOf = new Map<string, number>();
  private nextVersion = 1;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(readonly options: LambdaStateOptions) {
    this.random = seededRandom(options.seed);
  }

  addFunction(spec: FakeFunctionSpec): FakeFunction {
    const config = this.newConfig({
      memoryMB: spec.memoryMB ?? 128,
      timeoutS: spec.timeoutS ?? 3,
      variables: spec.variables === undefined ? null : spec.variables === null ? null : { ...spec.variables },
      kmsKeyArn: spec.kmsKeyArn ?? null,
    });
    const fn: FakeFunction = {
      spec: {
        name: spec.name,
        runtime: spec.runtime === undefined ? 'nodejs20.x' : spec.runtime,
        arch: spec.arch ?? 'x86_64',
        memoryMB: config.memoryMB,
        timeoutS: config.timeoutS,
        logFormat: spec.logFormat ?? 'Text',
        logGroup: spec.logGroup ?? null,
        packageType: spec.packageType ?? (spec.runtime === null ? 'Image' : 'Zip'),
        reservedConcurrency: spec.reservedConcurrency ?? null,
        errorRate: spec.errorRate ?? 0,
        timeoutRate: spec.timeoutRate ?? 0,
        invokeError: spec.invokeError ?? null,
        decryptDenied: spec.decryptDenied ?? false,
      },
      arn: `arn:aws:lambda:${this.options.region}:${this.options.accountId}:function:${spec.name}`,
      latest: config,
      serving: config,
      lastUpdateStatus: 'Successful',
      lastUpdateStatusReason: null,
      lastUpdateStatusReasonCode: null,
      environments: [],
      inFlight: 0,
      maxInFlight: 0,
    };
    this.functions.set(spec.name, fn);
    return fn;
  }

  /** By name, ARN or partial ARN (`123456789012:function:name`), as Lambda accepts. */
  find(nameOrArn: string): FakeFunction | undefined {
    const name = nameOrArn.includes(':function:')
      ? nameOrArn.split(':function:')[1]!.split(':')[0]!
      : nameOrArn;
    return this.functions.get(name);
  }

  newConfig(values: Omit<FakeConfig, 'version' | 'revisionId' | 'lastModified'>): FakeConfig {
    const version = this.nextVersion++;
    return {
      ...values,
      version,
      revisionId: randomUUID(),
      lastModified: lastModifiedNow(this.options.now()),
    };
  }

  /** Starts an update: InProgress now, Successful (or Failed) after the update delay. */
  beginUpdate(fn: FakeFunction, next: FakeConfig): void {
    this.stats.updates += 1;
    fn.latest = next;
    fn.lastUpdateStatus = 'InProgress';
    fn.lastUpdateStatusReason = 'The function is being created.';
    fn.lastUpdateStatusReasonCode = 'Creating';
    const failure = this.failNext.get(fn.spec.name);
    this.failNext.delete(fn.spec.name);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (fn.latest !== next) return;
      if (failure !== undefined) {
        fn.lastUpdateStatus = 'Failed';
        fn.lastUpdateStatusReason = failure;
        fn.lastUpdateStatusReasonCode = 'InternalError';
        return;
      }
      fn.lastUpdateStatus = 'Successful';
      fn.lastUpdateStatusReason = null;
      fn.lastUpdateStatusReasonCode = null;
      fn.serving = next;
      if (this.faults.warmAfterNextUpdates > 0) {
        // What a stale environment or provisioned concurrency looks like to the caller: a warm answer.
        this.faults.warmAfterNextUpdates -= 1;
        for (const e of fn.environments) e.configVersion = next.version;
      } else {
        // Environments of older configurations are never used again: the next invocation starts cold.
        fn.environments = fn.environments.filter((e) => e.busy);
      }
      for (const hook of this.settledHooks) hook(fn.spec.name, this.stats.updates);
    }, this.options.updateDelayMs);
    this.timers.add(timer);
  }

  runUpdateHooks(name: string): void {
    for (const hook of this.updateHooks) hook(name, this.stats.updates + 1);
  }

  /** Counts an invocation of `name` and runs the invoke hooks before it is served. */
  runInvokeHooks(name: string): void {
    const n = (this.invocationsOf.get(name) ?? 0) + 1;
    this.invocationsOf.set(name, n);
    for (const hook of this.invokeHooks) hook(name, n);
  }

  // --- controls for tests -------------------------------------------------------------------------

  /** The next update of `name` ends Failed with this reason. */
  failNextUpdate(name: string, reason: string): void {
    this.failNext.set(name, reason);
  }

  /** Called on every UpdateFunctionConfiguration before it is checked (e.g. to simulate someone else's change). */
  onUpdate(hook: UpdateHook): void {
    this.updateHooks.push(hook);
  }

  /**
   * Called the moment an update becomes Successful, before any poll can see it: a deploy by someone else
   * made here lands right after ours settled, and the waiter sees theirs.
   */
  onUpdateSettled(hook: UpdateHook): void {
    this.settledHooks.push(hook);
  }

  /** Called on every Invoke before it is served (e.g. someone else's change landing mid-batch). */
  onInvoke(hook: InvokeHook): void {
    this.invokeHooks.push(hook);
  }

  /**
   * Someone else changes the function (console, IaC): a new revision, applied at once. `keepRevision`: an
   * endpoint that does not move the RevisionId on a change (an emulator), so only the content shows it.
   */
  externalChange(
    name: string,
    change: {
      variables?: Record<string, string> | null;
      memoryMB?: number;
      kmsKeyArn?: string | null;
      keepRevision?: boolean;
    },
  ): void {
    const fn = this.find(name);
    if (!fn) throw new Error(`no fake function ${name}`);
    const next = this.newConfig({
      memoryMB: change.memoryMB ?? fn.latest.memoryMB,
      timeoutS: fn.latest.timeoutS,
      variables: change.variables === undefined ? fn.latest.variables : change.variables,
      kmsKeyArn: change.kmsKeyArn === undefined ? fn.latest.kmsKeyArn : change.kmsKeyArn,
    });
    if (change.keepRevision === true) next.revisionId = fn.latest.revisionId;
    fn.latest = next;
    fn.serving = next;
    fn.lastUpdateStatus = 'Successful';
    fn.environments = fn.environments.filter((e) => e.busy);
  }

  /** Snapshot of what a function looks like now. */
  describe(name: string): {
    memoryMB: number;
    variables: Record<string, string> | null;
    kmsKeyArn: string | null;
    revisionId: string;
    lastUpdateStatus: string;
  } {
    const fn = this.find(name);
    if (!fn) throw new Error(`no fake function ${name}`);
    return {
      memoryMB: fn.latest.memoryMB,
      variables: fn.latest.variables === null ? null : { ...fn.latest.variables },
      kmsKeyArn: fn.latest.kmsKeyArn,
      revisionId: fn.latest.revisionId,
      lastUpdateStatus: fn.lastUpdateStatus,
    };
  }

  maxConcurrency(name: string): number {
    return this.find(name)?.maxInFlight ?? 0;
  }

  unreservedConcurrency(): number {
    let reserved = 0;
    for (const fn of this.functions.values()) reserved += fn.spec.reservedConcurrency ?? 0;
    return this.options.accountConcurrency - reserved;
  }

  /** Whether another environment may start for `fn` (reserved concurrency, else the unreserved pool). */
  canStartEnvironment(fn: FakeFunction): { ok: true } | { ok: false; reason: string } {
    if (fn.spec.reservedConcurrency !== null) {
      return fn.inFlight < fn.spec.reservedConcurrency
        ? { ok: true }
        : { ok: false, reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' };
    }
    let unreservedInFlight = 0;
    for (const other of this.functions.values()) {
      if (other.spec.reservedConcurrency === null) unreservedInFlight += other.inFlight;
    }
    return unreservedInFlight < this.unreservedConcurrency()
      ? { ok: true }
      : { ok: false, reason: 'ConcurrentInvocationLimitExceeded' };
  }

  newEnvironment(fn: FakeFunction, configVersion: number): FakeEnvironment {
    const day = new Date(this.options.now()).toISOString().slice(0, 10).replaceAll('-', '/');
    const id = randomBytes(16).toString('hex');
    const env: FakeEnvironment = { id, configVersion, busy: false, logStream: `${day}/[$LATEST]${id}` };
    fn.environments.push(env);
    return env;
  }

  simulate(fn: FakeFunction, memoryMB: number, cold: boolean) {
    return simulateTimes(runtimeProfile(fn.spec.runtime), memoryMB, cold, this.random);
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
