export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  description: string;
}
export interface AllowlistEntry {
  check: string;
  file: string;
  reason: string;
}
export const MAX_BUILT_FILE_BYTES: number;
export function parseFindings(csvText: string): Finding[];
export function parseAllowlist(readmeText: string): AllowlistEntry[];
export function gate(
  findings: Finding[],
  allowlist: AllowlistEntry[],
): { failures: Finding[]; accepted: Finding[]; unused: AllowlistEntry[] };
export function scan(stagingDir: string, outputCsv: string): string;
