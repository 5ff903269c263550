/**
 * Patterns of secrets that must never reach the log file even if an error message quotes them:
 * access key ids, secret keys and session tokens (as `key=value` or JSON), Authorization headers.
 */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/\b(AKIA|ASIA|AROA|AIDA)[A-Z0-9]{16}\b/g, '$1…[redacted]'],
  [
    /((?:aws_)?(?:secret_access_key|secretAccessKey|session_token|sessionToken|SecretAccessKey|SessionToken)["']?\s*[:=]\s*["']?)[^\s"',}]+/gi,
    '$1[redacted]',
  ],
  [/(authorization["']?\s*[:=]\s*["']?)[^"'\n]+/gi, '$1[redacted]'],
  [/(X-Amz-(?:Security-Token|Signature|Credential)=)[^&\s"']+/gi, '$1[redacted]'],
];

export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

export function redactLogValue(value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (value instanceof Error) {
    const copy = new Error(redactSecrets(value.message));
    copy.name = value.name;
    copy.stack = value.stack ? redactSecrets(value.stack) : undefined;
    return copy;
  }
  return value;
}
