import { EXIT, UsageError, type CliIo } from './io';
import { commands } from './commands';

async function helpText(): Promise<string> {
  const loaded = await Promise.all(commands.map((c) => c.load()));
  const width = Math.max(...loaded.map((c) => c.name.length));
  return [
    'coldstart — measure and compare AWS Lambda cold starts (Cold Start Lab CLI)',
    '',
    'Usage: coldstart <command> [options]',
    '',
    'Commands:',
    ...loaded.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'coldstart <command> --help' for a command's options.",
  ].join('\n');
}

/** Runs the CLI and resolves to its exit code; never throws. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${await helpText()}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${__COLDSTART_VERSION__}\n`);
    return EXIT.ok;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`coldstart: unknown command '${name}'. Commands: ${commands.map((c) => c.name).join(', ')}.\n`);
    return EXIT.usage;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`coldstart ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    // parseArgs reports unknown or malformed options with this code: that is a usage error too.
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`coldstart ${name}: ${error.message}\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`coldstart ${name}: unexpected error: ${message.split('\n')[0]}\n`);
    return EXIT.someFailed;
  }
}
