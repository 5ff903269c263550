import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import { startFakeAws, type FakeAws } from '../fake-aws/server';

let fake: FakeAws;
let dir: string;
afterEach(async () => {
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('connect', () => {
  it('uses a named profile from a shared credentials file and the endpoint from AWS_ENDPOINT_URL_LAMBDA', async () => {
    fake = await startFakeAws({
      functions: [{ name: 'b', runtime: 'python3.12', arch: 'arm64', logFormat: 'JSON' }, { name: 'a' }],
    });
    dir = await mkdtemp(join(tmpdir(), 'coldstart-conn-'));
    await writeFile(
      join(dir, 'credentials'),
      '[lab]\naws_access_key_id = AKIALAB\naws_secret_access_key = s\n',
    );
    await writeFile(
      join(dir, 'config'),
      '[profile lab]\nregion = eu-central-1\n[profile sso]\nsso_session = x\n',
    );
    const env = {
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_ENDPOINT_URL_LAMBDA: fake.url,
      AWS_ENDPOINT_URL_STS: fake.url,
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    const engine = createEngine({ stateDir: dir, env });
    expect(await engine.listProfiles()).toEqual([
      { name: 'lab', region: 'eu-central-1', sso: false },
      { name: 'sso', region: null, sso: true },
    ]);
    const connection = { profile: 'lab', region: null, endpoint: null };
    expect(await engine.checkConnection(connection)).toEqual({
      account: '123456789012',
      arn: 'arn:aws:iam::123456789012:user/coldstart-tester',
      region: 'eu-central-1',
      unreservedConcurrency: 1000,
    });
    expect(await engine.listFunctions(connection)).toEqual([
      expect.objectContaining({
        name: 'a',
        runtime: 'nodejs20.x',
        arch: 'x86_64',
        logFormat: 'Text',
        logGroup: '/aws/lambda/a',
      }),
      expect.objectContaining({
        name: 'b',
        runtime: 'python3.12',
        arch: 'arm64',
        logFormat: 'JSON',
        memoryMB: 128,
        packageType: 'Zip',
      }),
    ]);
    expect(engine.listRegions()).toContain('eu-west-1');
  });

  it('says clearly when there is no region or the profile is unknown', async () => {
    fake = await startFakeAws();
    dir = await mkdtemp(join(tmpdir(), 'coldstart-conn-'));
    const env = {
      AWS_CONFIG_FILE: join(dir, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
      AWS_ENDPOINT_URL: fake.url,
    };
    const engine = createEngine({ stateDir: dir, env });
    await expect(
      engine.checkConnection({ profile: null, region: null, endpoint: null }),
    ).rejects.toMatchObject({
      code: 'credentials',
      message: expect.stringMatching(/No AWS region/),
    });
    await expect(
      engine.checkConnection({ profile: 'ghost', region: 'eu-west-1', endpoint: null }),
    ).rejects.toMatchObject({
      code: 'credentials',
    });
  });
});
