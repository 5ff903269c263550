import { describe, expect, it } from 'vitest';
import { SampleSchema, emptySample } from '../../shared/sample';

describe('Sample', () => {
  it('accepts a sample with unknown optional fields', () => {
    expect(SampleSchema.parse(emptySample('hello-node')).name).toBe('hello-node');
  });
  it('rejects a sample without a name', () => {
    expect(SampleSchema.safeParse(emptySample('')).success).toBe(false);
  });
});
