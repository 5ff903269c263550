// What lambda-perf's display names say about the Lambda runtime.

/** `go (prov.al2023)`, `bun layer(prov.al2)`, `go (provided)`: an OS-only runtime. */
const PROVIDED = /\((?:prov\.(al2023|al2)|provided)\)\s*$/;
/** A managed runtime's identifier at the start: `nodejs22.x`, `python3.13`, `java21 snapstart`, `java8.al2`. */
const MANAGED =
  /^(nodejs\d+\.x|python\d\.\d+|java\d+(?:\.al2)?|ruby\d\.\d+|dotnet(?:core)?\d+(?:\.\d+)?|go1\.x)(?:\s|$)/;

/**
 * The Lambda runtime identifier (`nodejs22.x`, `provided.al2023`) a lambda-perf display name stands for, so
 * that `--by runtime` puts the baseline beside functions on the same runtime; null when the name says none.
 */
export function runtimeOfDisplayName(displayName: string): string | null {
  const provided = PROVIDED.exec(displayName);
  if (provided !== null) return provided[1] === undefined ? 'provided' : `provided.${provided[1]}`;
  return MANAGED.exec(displayName)?.[1] ?? null;
}

/**
 * SnapStart functions: lambda-perf lists the REPORT's Restore Duration when there is no Init Duration (a
 * restore from a snapshot), so their numbers are restores, not inits.
 */
export function isSnapStart(runtimeKey: string, displayName: string): boolean {
  return /snapstart/i.test(runtimeKey) || /snapstart/i.test(displayName);
}
