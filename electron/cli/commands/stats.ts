import { UsageError, type Command } from '../io';

export const statsCommand: Command = {
  name: 'stats',
  summary: 'statistics per group of one or more CSV files',
  usage:
    'coldstart stats FILE.csv [FILE.csv ...] [--by name|runtime|arch|memory[,...]] [--metric init|duration|total|billed|maxmemory] [--drop-duplicates] [--json]',
  run: () => Promise.reject(new UsageError('not implemented yet')),
};
