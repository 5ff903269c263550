import { parseArgs } from 'node:util';
import { EXIT, type CliIo, type Command } from '../io';
import { engineFor, exitForEngineError } from '../engine-options';
import { noPositionals } from '../flags';
import { textTable } from '../text-table';

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
    noPositionals(positionals);
    const { engine, stateDir } = await engineFor(io, values['state-dir']);
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
    io.stdout(`${textTable(rows)}\n`);
    return EXIT.ok;
  },
};
