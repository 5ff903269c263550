import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUIRED_IAM_ACTIONS } from '../../shared/iam-actions';

interface Policy {
  Statement: { Action: string | string[] }[];
}

describe('the least-privilege IAM policy in the README', () => {
  it('allows exactly the actions the app lists when permissions are missing', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const json = /\*\*Least-privilege IAM policy\*\*[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(json, 'README has no IAM policy block').toBeDefined();
    const policy = JSON.parse(json as string) as Policy;
    const inReadme = policy.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(new Set(inReadme)).toEqual(new Set(REQUIRED_IAM_ACTIONS.map((a) => a.action)));
  });
});

describe('REQUIRED_IAM_ACTIONS', () => {
  it('says why each action is needed, a different reason for each', () => {
    const reasons = REQUIRED_IAM_ACTIONS.map((a) => a.why.trim());
    for (const [i, reason] of reasons.entries())
      expect(reason, `no reason for ${REQUIRED_IAM_ACTIONS[i]?.action}`).not.toBe('');
    expect(new Set(reasons).size).toBe(reasons.length);
  });
});
