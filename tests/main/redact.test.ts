import { describe, expect, it } from 'vitest';
import { redactLogValue, redactSecrets } from '../../electron/main/redact';

describe('log redaction', () => {
  it('removes access keys, secret keys, session tokens and signatures', () => {
    const text = [
      'key AKIAIOSFODNN7EXAMPLE used',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      '{"SessionToken":"IQoJb3JpZ2luX2VjEXAMPLE"}',
      'Authorization: AWS4-HMAC-SHA256 Credential=AKIA/2026',
      'https://x.amazonaws.com/?X-Amz-Signature=abcdef&X-Amz-Security-Token=tok',
    ].join('\n');
    const out = redactSecrets(text);
    for (const secret of [
      'IOSFODNN7EXAMPLE',
      'wJalrXUtnFEMI',
      'IQoJb3JpZ2luX2VjEXAMPLE',
      'AWS4-HMAC',
      'abcdef',
      '=tok',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[redacted]');
  });

  it('keeps ordinary messages and redacts inside errors', () => {
    expect(redactSecrets('run r1 ended: completed, 20 samples')).toBe('run r1 ended: completed, 20 samples');
    const error = redactLogValue(new Error('denied for ASIAXXXXXXXXXXXXXXXX')) as Error;
    expect(error.message).not.toContain('XXXXXXXXXXXXXXXX');
    expect(redactLogValue(42)).toBe(42);
  });
});
