import { beforeEach, describe, expect, it, vi } from 'vitest';

const shell = vi.hoisted(() => ({ openExternal: vi.fn(async () => undefined) }));
vi.mock('electron', () => ({ shell }));

const { openExternal, isAllowedExternalUrl, ExternalLinkRefused } =
  await import('../../electron/main/open-external');

describe('openExternal', () => {
  beforeEach(() => shell.openExternal.mockClear());

  it('opens https: links in the system browser', async () => {
    await openExternal('https://docs.aws.amazon.com/lambda/latest/dg/welcome.html');
    expect(shell.openExternal).toHaveBeenCalledWith(
      'https://docs.aws.amazon.com/lambda/latest/dg/welcome.html',
    );
  });

  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'smb://server/share',
    'javascript:alert(1)',
    'app://coldstart/index.html',
    'ms-settings:privacy',
    'https://user:secret@example.com/',
    'not a url',
    '',
  ])('refuses %s', async (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
    await expect(openExternal(url)).rejects.toBeInstanceOf(ExternalLinkRefused);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses as an invalid argument the renderer can show', async () => {
    await expect(openExternal('https://user:pw@example.com/')).rejects.toMatchObject({
      code: 'invalid-argument',
    });
  });

  it('names scheme and host only when it refuses', async () => {
    await expect(openExternal('http://example.com/path?token=abc')).rejects.toThrow(
      'Only https:// links open in the browser; refused http://example.com',
    );
    await expect(openExternal('http://example.com/path?token=abc')).rejects.not.toThrow(/token/);
  });
});
