import { describe, expect, it } from 'vitest';
import { ArchSchema, SampleSchema, emptySample } from '../../shared/sample';

describe('Sample', () => {
  it('accepts a sample with unknown optional fields', () => {
    expect(SampleSchema.parse(emptySample('hello-node')).name).toBe('hello-node');
  });
  it('rejects a sample without a name', () => {
    expect(SampleSchema.safeParse(emptySample('')).success).toBe(false);
  });
  it.each(['x86_64', 'arm64'] as const)('accepts the Lambda architecture %s', (arch) => {
    expect(SampleSchema.parse({ ...emptySample('f'), arch }).arch).toBe(arch);
  });
  it.each(['aarch64', 'amd64', 'ARM64', ''])(
    'refuses %j, which Lambda does not name an architecture',
    (arch) => {
      expect(ArchSchema.safeParse(arch).success).toBe(false);
    },
  );
});
