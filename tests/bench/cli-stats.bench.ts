// Speed figures for `npm run bench` (issue 14): `coldstart stats` on a 1,000,000-row seed-format file (620
// groups), side by side with R doing the same job when Rscript is installed. Prints, never asserts on time.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuiltCli } from '../cli/built-cli';
import { goalLine } from './goal';
import { statsFileCsv } from './stats-file';

const ROWS = 1_000_000;
const RUNS = 5;
const here = fileURLToPath(new URL('.', import.meta.url));
const TIME = '/usr/bin/time';

function haveRscript(): boolean {
  try {
    execFileSync('Rscript', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function haveDataTable(): boolean {
  return (
    spawnSync('Rscript', ['-e', 'quit(status = !requireNamespace("data.table", quietly = TRUE))']).status ===
    0
  );
}

interface Run {
  wallS: number;
  cpuS: number;
  /** Peak resident memory, MB; NaN when /usr/bin/time is missing. */
  peakMB: number;
}

/**
 * One run of a command, timed from outside (start-up included) by GNU time when it is there: wall seconds,
 * user + system seconds and the peak resident set of the process. Without it, wall time only.
 */
function timeCommand(command: string, args: string[]): { run: Run; stdout: string } {
  if (existsSync(TIME)) {
    const r = spawnSync(TIME, ['-f', '@@ %e %U %S %M', command, ...args], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    const figures = /@@ (\S+) (\S+) (\S+) (\d+)\s*$/.exec(r.stderr);
    if (r.status !== 0 || figures === null) throw new Error(`${command} failed: ${r.stderr.slice(-500)}`);
    const [, wall, user, system, kb] = figures.map(Number) as number[];
    return {
      run: {
        wallS: wall as number,
        cpuS: (user as number) + (system as number),
        peakMB: ((kb as number) * 1024) / 1e6,
      },
      stdout: r.stdout,
    };
  }
  const start = performance.now();
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const wallS = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr.slice(-500)}`);
  return { run: { wallS, cpuS: NaN, peakMB: NaN }, stdout: r.stdout };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

interface Contender {
  label: string;
  command: string;
  args: string[];
  runs: Run[];
}

describe('coldstart stats on 1,000,000 rows, side by side with R', () => {
  let file = '';
  beforeAll(() => {
    ensureBuiltCli();
    file = join(mkdtempSync(join(tmpdir(), 'coldstart-bench-')), 'stats-1m.csv');
    writeFileSync(file, statsFileCsv(ROWS));
  });

  it('times the CLI and, when installed, R (read.csv and data.table)', () => {
    const contenders: Contender[] = [
      {
        label: 'coldstart stats',
        command: process.execPath,
        args: [CLI, 'stats', file, '--by', 'name,memory'],
        runs: [],
      },
    ];
    if (!haveRscript()) {
      console.log('R is not installed (no Rscript on PATH): only the CLI is timed, without the R figures.');
    } else {
      contenders.push({
        label: 'R read.csv + boxplot.stats',
        command: 'Rscript',
        args: [join(here, 'stats-read-csv.R'), file],
        runs: [],
      });
      if (haveDataTable()) {
        contenders.push({
          label: 'R data.table fread + boxplot.stats (1 thread)',
          command: 'Rscript',
          args: [join(here, 'stats-data-table.R'), file],
          runs: [],
        });
      } else
        console.log('R has no data.table package (Debian: r-cran-data.table): its figures are left out.');
    }

    // The same job: one group per function and memory size, with the same n and median as R's.
    const json = JSON.parse(
      execFileSync(process.execPath, [CLI, 'stats', file, '--by', 'name,memory', '--json'], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ) as { group: { name: string; memory: number }; n: number; median: number }[];
    expect(json).toHaveLength(620);
    const dataTable = contenders.find((c) => c.label.startsWith('R data.table'));
    if (dataTable !== undefined) {
      const lines = timeCommand(dataTable.command, dataTable.args).stdout.trim().split('\n');
      expect(lines.map((line) => line.split(' ').slice(0, 3).join(' ')).sort()).toEqual(
        json.map((g) => `${g.group.name} ${g.group.memory} ${g.n}`).sort(),
      );
      const medians = new Map(
        lines.map((line) => [line.split(' ').slice(0, 2).join(' '), Number(line.split(' ')[5])]),
      );
      // fwrite prints 15 significant digits.
      for (const g of json) expect(medians.get(`${g.group.name} ${g.group.memory}`)).toBeCloseTo(g.median, 6);
    }

    // Turn by turn, so that a slower or faster spell of a shared machine falls on all of them alike.
    timeCommand(process.execPath, contenders[0]?.args ?? []);
    for (let i = 0; i < RUNS; i++)
      for (const c of contenders) c.runs.push(timeCommand(c.command, c.args).run);

    const cli = contenders[0] as Contender;
    const cliWall = median(cli.runs.map((r) => r.wallS));
    const cliCpu = median(cli.runs.map((r) => r.cpuS));
    const rows = contenders.map((c) => {
      const wall = median(c.runs.map((r) => r.wallS));
      const cpu = median(c.runs.map((r) => r.cpuS));
      const peak = median(c.runs.map((r) => r.peakMB));
      return (
        `${c.label.padEnd(46)} ${wall.toFixed(2).padStart(6)} s wall ${cpu.toFixed(2).padStart(6)} s CPU ` +
        `${peak.toFixed(0).padStart(5)} MB peak   ×${(wall / cliWall).toFixed(1)} wall, ×${(cpu / cliCpu).toFixed(1)} CPU of the CLI` +
        `   (runs ${c.runs.map((r) => r.wallS.toFixed(2)).join(', ')} s)`
      );
    });
    const lines = [
      `coldstart stats --by name,memory on ${ROWS.toLocaleString('en')} seed-format rows, 620 groups (median of ${RUNS} runs, whole process):`,
      ...rows,
    ];
    const peak = median(cli.runs.map((r) => r.peakMB));
    if (!Number.isNaN(peak))
      lines.push(
        `GOAL peak memory of coldstart stats: ${peak.toFixed(0)} MB (${peak < 300 ? 'met' : 'NOT met'}); target < 300 MB`,
      );
    for (const c of contenders.slice(1)) {
      const times = c.label.startsWith('R read.csv') ? 5 : 1;
      const wall = median(c.runs.map((r) => r.wallS)) / cliWall;
      const cpu = median(c.runs.map((r) => r.cpuS)) / cliCpu;
      lines.push(goalLine(`coldstart stats faster than ${c.label}`, '×', wall, cpu, times, true));
    }
    console.log(lines.join('\n'));
    expect(cli.runs).toHaveLength(RUNS);
  });
});
