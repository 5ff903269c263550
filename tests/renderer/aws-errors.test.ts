import { describe, expect, it } from 'vitest';
import { REQUIRED_IAM_ACTIONS, explainAwsError, whyAction } from '../../renderer/src/measure/aws-errors';

describe('explainAwsError', () => {
  it('tells how to renew an expired SSO session for the chosen profile', () => {
    const e = explainAwsError(
      {
        code: 'credentials',
        message: 'Token is expired. To refresh this SSO session run aws sso login.',
        hint: null,
      },
      'work',
    );
    expect(e.problem).toBe('sso-expired');
    expect(e.hint).toBe('Run “aws sso login --profile work” in a terminal, then check the connection again.');
  });
  it('says that main refused the endpoint, in main’s words, not as an AWS failure', () => {
    const e = explainAwsError({
      code: 'forbidden-endpoint',
      message:
        'The endpoint http://evil.example is refused: signed AWS requests go over plain http only to this computer (localhost, 127.0.0.1, [::1]).',
      hint: 'Use https, or start Cold Start Lab with AWS_ENDPOINT_URL set to this endpoint.',
    });
    expect(e).toEqual({
      problem: 'other',
      title: 'Endpoint not allowed',
      message:
        'The endpoint http://evil.example is refused: signed AWS requests go over plain http only to this computer (localhost, 127.0.0.1, [::1]).',
      hint: 'Use https, or start Cold Start Lab with AWS_ENDPOINT_URL set to this endpoint.',
      actions: [],
    });
  });
  it('says which profile has no credentials', () => {
    const e = explainAwsError(
      { code: 'credentials', message: 'Could not load credentials from any providers', hint: null },
      'dev',
    );
    expect(e).toMatchObject({ problem: 'no-credentials', title: 'No AWS credentials for profile “dev”' });
  });
  it('names the missing IAM action first, then everything the app needs', () => {
    const e = explainAwsError({
      code: 'aws',
      message:
        'User: arn:aws:iam::123:user/x is not authorized to perform: lambda:ListFunctions on resource: * because no identity-based policy allows it',
      hint: null,
    });
    expect(e.problem).toBe('access-denied');
    expect(e.title).toBe('Missing permission: lambda:ListFunctions');
    expect(e.actions[0]).toBe('lambda:ListFunctions');
    expect(new Set(e.actions)).toEqual(new Set(REQUIRED_IAM_ACTIONS.map((a) => a.action)));
    expect(e.hint).toMatch(/^The app needs it to list the functions of the region\. Ask your administrator/);
  });
  it('says why the app needs each action, and nothing for one it does not call', () => {
    for (const { action, why } of REQUIRED_IAM_ACTIONS) expect(whyAction(action)).toBe(why);
    expect(whyAction('s3:GetObject')).toBe('');
    const unknown = explainAwsError({
      code: 'aws',
      message: 'User: x is not authorized to perform: s3:GetObject on resource: y',
      hint: null,
    });
    expect(unknown.hint).toMatch(/^Ask your administrator/);
  });
  it('speaks of the app, not of CLI flags, for problems it knows, and keeps main’s hint otherwise', () => {
    const denied = explainAwsError({
      code: 'aws',
      message: 'AccessDeniedException',
      hint: 'Run with --profile admin.',
    });
    expect(denied.hint).not.toContain('--profile');
    const other = explainAwsError({
      code: 'aws',
      message: 'InvalidParameterValueException',
      hint: 'Check the payload.',
    });
    expect(other.hint).toBe('Check the payload.');
  });
  it('recognises an unreachable endpoint', () => {
    expect(
      explainAwsError({ code: 'aws', message: 'connect ECONNREFUSED 127.0.0.1:4566', hint: null }).problem,
    ).toBe('unreachable');
  });
});

describe('expired sessions', () => {
  it('calls an expired token of an SSO profile an SSO session', () => {
    const e = explainAwsError(
      {
        code: 'credentials',
        message: 'ExpiredTokenException: The security token included in the request is expired',
        hint: null,
      },
      'work',
      true,
    );
    expect(e.title).toBe('Your AWS SSO session has expired');
  });
  it('does not blame SSO for other expired session credentials', () => {
    const e = explainAwsError(
      {
        code: 'credentials',
        message: 'ExpiredTokenException: The security token included in the request is expired',
        hint: null,
      },
      'ci',
    );
    expect(e.title).toBe('The session credentials of profile “ci” have expired');
  });
});
