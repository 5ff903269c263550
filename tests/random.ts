/** Deterministic pseudo-random numbers in [0, 1) (xorshift32), so a failing test or a bench can be rerun alike. */
export function seededRandom(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}
