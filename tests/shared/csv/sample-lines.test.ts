import { describe, expect, it } from 'vitest';
import { SampleLines } from '../../../shared/csv/sample-lines';
import { seededRandom } from '../../random';

/** Lines that a file's samples may be on: mostly one after another, with gaps (blank or skipped rows). */
function linesWithGaps(count: number, seed: number, first = 2): number[] {
  const random = seededRandom(seed);
  const lines: number[] = [];
  let line = first;
  for (let i = 0; i < count; i++) {
    lines.push(line);
    line += random() < 0.9 ? 1 : 2 + Math.floor(random() * 5);
  }
  return lines;
}

describe('SampleLines', () => {
  it('gives each sample its line, one run or many', () => {
    for (const lines of [[2, 3, 4, 5, 6], [7], linesWithGaps(500, 1), linesWithGaps(500, 2, 40)]) {
      const sampleLines = new SampleLines();
      for (const line of lines) sampleLines.add(line);
      expect(lines.map((_, i) => sampleLines.lineOf(i))).toEqual(lines);
    }
  });

  it('keeps consecutive lines as one run', () => {
    const sampleLines = new SampleLines();
    for (let line = 2; line < 1002; line++) sampleLines.add(line);
    sampleLines.add(1010);
    sampleLines.add(1011);
    expect(sampleLines.lineRuns()).toEqual({ starts: [0, 1000], lines: [2, 1010], samples: 1002 });
  });

  it("takes a later part's runs, its lines counted from the part's first line", () => {
    const first = linesWithGaps(300, 3);
    const later = linesWithGaps(200, 4, 1);
    const whole = new SampleLines();
    for (const line of first) whole.add(line);
    const part = new SampleLines();
    for (const line of later) part.add(line);
    // The part starts on the line after the first part's last.
    const firstLine = (first.at(-1) as number) + 1;
    whole.addPart(part.lineRuns(), firstLine);
    const expected = [...first, ...later.map((line) => line + firstLine - 1)];
    expect(expected.map((_, i) => whole.lineOf(i))).toEqual(expected);
    // A sample added after a part starts a run of its own.
    whole.add(5000);
    expect(whole.lineOf(expected.length)).toBe(5000);
  });

  it('starts a run at any first line, also line 1 or 0 (a file without a header)', () => {
    for (const first of [0, 1]) {
      const sampleLines = new SampleLines();
      for (const line of [first, first + 1, first + 2]) sampleLines.add(line);
      expect([0, 1, 2].map((i) => sampleLines.lineOf(i))).toEqual([first, first + 1, first + 2]);
      expect(sampleLines.lineRuns()).toEqual({ starts: [0], lines: [first], samples: 3 });
    }
  });

  it('starts a new run for the sample after a part, whatever its line', () => {
    const sampleLines = new SampleLines();
    // A part with no samples, then line 1: no run of the part can go on into it.
    sampleLines.addPart({ starts: [], lines: [], samples: 0 }, 1);
    sampleLines.add(1);
    sampleLines.add(2);
    expect(sampleLines.lineRuns()).toEqual({ starts: [0], lines: [1], samples: 2 });
    expect([sampleLines.lineOf(0), sampleLines.lineOf(1)]).toEqual([1, 2]);
  });
});
