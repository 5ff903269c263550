/**
 * The standard normal distribution's upper tail, P(Z > z), to about 1e-15 relative: Hart's rational
 * approximation as given by West (2005), "Better approximations to cumulative normal functions". Computing the
 * tail directly (not 1 − Φ) keeps small p-values exact instead of rounding them to 0.
 */
export function normalUpperTail(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const a = Math.abs(z);
  let tail: number;
  if (a > 37) tail = 0;
  else {
    const e = Math.exp((-a * a) / 2);
    if (a < 7.07106781186547) {
      let b = 3.52624965998911e-2 * a + 0.700383064443688;
      b = b * a + 6.37396220353165;
      b = b * a + 33.912866078383;
      b = b * a + 112.079291497871;
      b = b * a + 221.213596169931;
      b = b * a + 220.206867912376;
      const numerator = e * b;
      b = 8.83883476483184e-2 * a + 1.75566716318264;
      b = b * a + 16.064177579207;
      b = b * a + 86.7807322029461;
      b = b * a + 296.564248779674;
      b = b * a + 637.333633378831;
      b = b * a + 793.826512519948;
      b = b * a + 440.413735824752;
      tail = numerator / b;
    } else {
      let b = a + 0.65;
      b = a + 4 / b;
      b = a + 3 / b;
      b = a + 2 / b;
      b = a + 1 / b;
      tail = e / b / 2.506628274631;
    }
  }
  return z >= 0 ? tail : 1 - tail;
}

/** The 97.5% point of the standard normal distribution (R: `qnorm(0.975)`), for 95% two-sided intervals. */
export const Z_975 = 1.959963984540054;
