import { describe, expect, it } from 'vitest';
import {
  addMemorySizes,
  checkMemorySize,
  maxParallel,
  parseMemoryList,
  payloadProblem,
  validatePlan,
  type PlanForm,
} from '../../renderer/src/measure/plan-form';

const form = (over: Partial<PlanForm> = {}): PlanForm => ({
  functions: ['hello-node'],
  memorySizes: [128, 1024],
  times: 3,
  parallel: 1,
  warm: 0,
  payload: '{}',
  ...over,
});

describe('memory sizes', () => {
  it('accepts whole MB within 128..10240, with or without the unit', () => {
    expect(checkMemorySize('128')).toEqual({ value: 128 });
    expect(checkMemorySize(' 10240 MB ')).toEqual({ value: 10240 });
  });
  it('says why a size is refused', () => {
    expect(checkMemorySize('127')).toEqual({ error: '127 MB is below Lambda’s minimum of 128 MB' });
    expect(checkMemorySize('10241')).toEqual({ error: '10241 MB is above Lambda’s maximum of 10240 MB' });
    expect(checkMemorySize('1.5')).toEqual({ error: '“1.5” is not a whole number of MB' });
    expect(checkMemorySize('abc')).toEqual({ error: '“abc” is not a whole number of MB' });
  });
  it('reads a typed list and keeps chips sorted without duplicates', () => {
    expect(parseMemoryList('1024, 128;64 x')).toEqual({
      values: [1024, 128],
      errors: ['64 MB is below Lambda’s minimum of 128 MB', '“x” is not a whole number of MB'],
    });
    expect(addMemorySizes([1024, 128], [512, 128])).toEqual([128, 512, 1024]);
  });
});

describe('payload', () => {
  it('accepts JSON and refuses an empty payload', () => {
    expect(payloadProblem('{"a": [1, 2]}')).toBeNull();
    expect(payloadProblem('  ')).toMatch(/empty/);
  });
  it('points at the line and column where the JSON breaks', () => {
    expect(payloadProblem('{\n  "a": 1,\n  "b": }')).toMatch(/^Not valid JSON at line 3, column 8/);
  });
});

describe('validatePlan', () => {
  it('gives a plan when every field is right', () => {
    const v = validatePlan(form(), { concurrency: 50 });
    expect(v.errors).toEqual({});
    expect(v.plan).toEqual({
      functions: ['hello-node'],
      memorySizes: [128, 1024],
      times: 3,
      parallel: 1,
      warm: 0,
      payload: '{}',
    });
  });
  it('reads numbers typed as text', () => {
    expect(
      validatePlan(form({ times: '5', parallel: '2', warm: '1' }), { concurrency: null }).plan?.times,
    ).toBe(5);
  });
  it('bounds parallel cold starts by the account’s concurrency and says so', () => {
    expect(maxParallel({ concurrency: 10 })).toBe(10);
    expect(maxParallel({ concurrency: 1000 })).toBe(100);
    expect(maxParallel({ concurrency: null })).toBe(100);
    const v = validatePlan(form({ times: 20, parallel: 11 }), { concurrency: 10 });
    expect(v.plan).toBeNull();
    expect(v.errors.parallel).toBe(
      'Parallel cold starts must be at most 10: the account’s unreserved concurrency is 10',
    );
  });
  it('names each wrong field', () => {
    const v = validatePlan(
      form({ functions: [], memorySizes: [64], times: 0, parallel: 'x', warm: 101, payload: '{' }),
      { concurrency: 50 },
    );
    expect(v.plan).toBeNull();
    expect(Object.keys(v.errors).sort()).toEqual([
      'functions',
      'memorySizes',
      'parallel',
      'payload',
      'times',
      'warm',
    ]);
    expect(v.errors.memorySizes).toBe('64 MB is outside Lambda’s range (128–10240 MB)');
    expect(v.errors.times).toBe('Cold samples must be at least 1');
    expect(v.errors.warm).toBe('Warm follow-ups must be at most 100');
  });
  it('warns when more parallel cold starts than samples are asked for', () => {
    const v = validatePlan(form({ times: 2, parallel: 5 }), { concurrency: 50 });
    expect(v.plan).not.toBeNull();
    expect(v.warnings[0]).toMatch(/5 in parallel is more than needed/);
  });
});

describe('locating JSON errors', () => {
  it.each([
    ['{"a": 1,}', 'line 1, column 9: unexpected “}”: a property name in double quotes was expected'],
    ["{'a': 1}", "line 1, column 2: unexpected “'”: a property name in double quotes was expected"],
    ['[1, 2', 'line 1, column 6: the text ends too early: “,” or “]” was expected'],
    ['{"a": "x\ny"}', 'line 1, column 9: a line break or control character inside a string'],
    ['{} {}', 'line 1, column 4: unexpected “{” after the end of the JSON value'],
    ['{"a": tru}', 'line 1, column 7: unexpected “t”'],
  ])('%s', (payload, where) => {
    expect(payloadProblem(payload)).toBe(`Not valid JSON at ${where}`);
  });
});
