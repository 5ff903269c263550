// One summary line per speed goal, so a bench run says plainly whether each goal is met.

/** Wall-clock and process CPU milliseconds of one call. */
export function timed<T>(run: () => T): { result: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { result, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/**
 * `GOAL <what>: <wall figure> wall (met|NOT met), <cpu figure> by CPU time (met|NOT met), target <target>`.
 * CPU time is the fair figure on a machine shared with other work, where wall time includes waiting for a core
 * (but also counts the garbage collector's helper threads).
 */
export function goalLine(
  what: string,
  unit: string,
  wall: number,
  cpu: number,
  target: number,
  higherIsBetter: boolean,
): string {
  const met = (value: number): string =>
    (higherIsBetter ? value >= target : value < target) ? 'met' : 'NOT met';
  const show = (value: number): string => `${value.toFixed(1)} ${unit}`;
  return (
    `GOAL ${what}: ${show(wall)} wall (${met(wall)}), ${show(cpu)} by CPU time (${met(cpu)}); ` +
    `target ${higherIsBetter ? '≥' : '<'} ${target} ${unit}`
  );
}
