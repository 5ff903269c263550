/** Runs of samples on consecutive lines: run k starts at sample `starts[k]`, on line `lines[k]`. */
export interface LineRuns {
  starts: number[];
  lines: number[];
  /** How many samples the runs cover. */
  samples: number;
}

/**
 * The file line of each sample of an import, for its messages. Kept as runs of samples on consecutive
 * lines, not a number per sample: a file is nearly always one run (every line after the header a sample),
 * and a million rows wrote 4 MB of line numbers that only a warning's example ever read.
 */
export class SampleLines {
  private readonly runs: LineRuns = { starts: [], lines: [], samples: 0 };
  /** The line that continues the last run. */
  private next = -1;

  /** The line of the next sample. */
  add(line: number): void {
    const runs = this.runs;
    if (line !== this.next) {
      runs.starts.push(runs.samples);
      runs.lines.push(line);
    }
    runs.samples += 1;
    this.next = line + 1;
  }

  /** The samples of a later part of the file, its lines counted from its first line (`firstLine` here) as 1. */
  addPart(part: LineRuns, firstLine: number): void {
    const runs = this.runs;
    for (let k = 0; k < part.starts.length; k++) {
      runs.starts.push(runs.samples + (part.starts[k] as number));
      runs.lines.push((part.lines[k] as number) + firstLine - 1);
    }
    runs.samples += part.samples;
    this.next = -1;
  }

  /** The line of sample i (0 <= i < the samples added). */
  lineOf(i: number): number {
    const { starts, lines } = this.runs;
    // The last run starting at or before i.
    let low = 0;
    // Stryker disable next-line ArithmeticOperator: a high past the last run only reads undefined (never <= i) there and steps back: one more step, the same run
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((starts[middle] as number) <= i) low = middle;
      else high = middle - 1;
    }
    return (lines[low] as number) + i - (starts[low] as number);
  }

  /** The runs, for a part handed to another import (see addPart). */
  lineRuns(): LineRuns {
    return this.runs;
  }
}
