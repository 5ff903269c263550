import { parseArgs } from 'node:util';
import type { AwsConnection, RecoveryItem } from '../../../shared/measure';
import { EXIT, type CliIo, type Command } from '../io';
import { connectionFrom, connectionOptions, engineFor, exitForEngineError } from '../engine-options';
import { noPositionals } from '../flags';

const usage = `coldstart recover [--dry-run] [--profile P] [--region R] [--endpoint URL] [--json] [--state-dir DIR]

Finds runs that were interrupted (crash, kill, power loss) and left functions changed, and puts each
function's original memory size and variables back, but only where the function is still exactly as the
run left it (its marker value, the original variables, its memory). A function changed by someone else
since is reported and left alone (at most the run's marker key is taken out of their configuration); one
whose variables cannot be read (KMS) is not touched. The connection of each run comes from its journal;
--profile/--region/--endpoint override it.

  --dry-run    only report, per function, what would be done and why
Exit: 0 nothing left to do, 1 some function could not be restored or read.`;

const LABEL: Record<RecoveryItem['action'], string> = {
  restore: 'restore',
  restored: 'restored',
  skip: 'left alone',
  failed: 'FAILED',
};

const DRY_RUN_LABEL: Record<RecoveryItem['action'], string> = {
  restore: 'would restore',
  restored: 'restored',
  skip: 'would leave alone',
  failed: 'cannot read',
};

export const recoverCommand: Command = {
  name: 'recover',
  summary: 'restore functions left changed by interrupted measurement runs',
  usage,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, ...connectionOptions },
    });
    noPositionals(positionals);
    const c = connectionFrom(values);
    const override: Partial<AwsConnection> = {
      ...(c.profile ? { profile: c.profile } : {}),
      ...(c.region ? { region: c.region } : {}),
      ...(c.endpoint ? { endpoint: c.endpoint } : {}),
    };
    const { engine } = await engineFor(io, values['state-dir']);
    let items: RecoveryItem[];
    try {
      items = values['dry-run']
        ? await engine.findInterruptedRuns()
        : await engine.recoverInterruptedRuns(override);
    } catch (error) {
      return exitForEngineError(io, 'recover', error);
    }
    if (values.json) {
      io.stdout(`${JSON.stringify(items, null, 2)}\n`);
    } else if (items.length === 0) {
      io.stdout('Nothing to recover: no interrupted run left a function changed.\n');
    } else {
      const labels = values['dry-run'] ? DRY_RUN_LABEL : LABEL;
      for (const item of items) {
        io.stdout(`${labels[item.action]}\trun ${item.runId}\t${item.detail}\n`);
      }
    }
    return items.some((i) => i.action === 'failed') ? EXIT.someFailed : EXIT.ok;
  },
};
