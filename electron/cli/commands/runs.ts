import { parseArgs } from 'node:util';
import { UsageError, EXIT, type CliIo, type Command } from '../io';
import { engineFor, exitForEngineError } from '../engine-options';

const usage = `coldstart runs [--json] [--state-dir DIR]

Lists past measurement and fetch runs, newest first: id, date, state, samples, functions.
States: running, completed, partial (some failures), failed, cancelled, interrupted (see \`coldstart recover\`).`;

export const runsCommand: Command = {
  name: 'runs',
  summary: 'list past measurement and fetch runs',
  usage,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, 'state-dir': { type: 'string' } },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const { engine, stateDir } = engineFor(io, values['state-dir']);
    let runs;
    try {
      runs = await engine.listRuns();
    } catch (error) {
      return exitForEngineError(io, 'runs', error);
    }
    if (values.json) {
      io.stdout(`${JSON.stringify(runs, null, 2)}\n`);
      return EXIT.ok;
    }
    if (runs.length === 0) {
      io.stdout(`No runs yet in ${stateDir}.\n`);
      return EXIT.ok;
    }
    const rows = [
      ['ID', 'DATE', 'KIND', 'STATE', 'SAMPLES', 'FUNCTIONS'],
      ...runs.map((r) => [
        r.id,
        r.startedAt.replace('T', ' ').slice(0, 19),
        r.kind,
        r.state,
        String(r.samples),
        r.functions.join(','),
      ]),
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
    for (const row of rows)
      io.stdout(
        `${row
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd()}\n`,
      );
    return EXIT.ok;
  },
};
