import { describe, expect, it } from 'vitest';
import { clearlyLowest } from '../../../shared/stats/clear-winner';
import { seededRandom } from '../../random';

const sorted = (values: number[]) => Float64Array.from(values).sort();
/** n log-normal values around `median` with a spread like cold starts (sdlog 0.3). */
function group(seed: number, median: number, n = 10) {
  const rnd = seededRandom(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    out.push(median * Math.exp(0.3 * z));
  }
  return sorted(out);
}

describe('clearlyLowest', () => {
  it('names the lowest group when every other one is clearly higher', () => {
    expect(clearlyLowest([group(1, 400), group(2, 100), group(3, 250)])).toBe(1);
  });
  it('names none when the lowest is within the noise of another', () => {
    expect(clearlyLowest([group(1, 400), group(2, 100), group(3, 104)])).toBeNull();
  });
  it('names none with a single group or too few samples to tell', () => {
    expect(clearlyLowest([group(1, 100)])).toBeNull();
    expect(clearlyLowest([sorted([10, 11]), sorted([100, 110])])).toBeNull();
  });
  it('names the lowest of two groups, wherever it stands', () => {
    expect(clearlyLowest([group(1, 400), group(2, 100)])).toBe(1);
    expect(clearlyLowest([group(2, 100), group(1, 400)])).toBe(0);
  });
  it('names none when there is nothing to compare: no groups, or only empty ones', () => {
    expect(clearlyLowest([])).toBeNull();
    expect(clearlyLowest([sorted([]), sorted([])])).toBeNull();
  });
  it('names none when another group is empty: nothing shows that one is higher', () => {
    expect(clearlyLowest([group(2, 100), sorted([]), group(1, 400)])).toBeNull();
  });
});
