import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import {
  APP_ENTRY_URL,
  registerAppScheme,
  resolveAppFile,
  serveAppRequest,
} from '../../electron/main/app-protocol';

const root = mkdtempSync(join(tmpdir(), 'coldstart-protocol-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(join(root, 'assets', 'main.js'), 'console.log(1)');
writeFileSync(join(root, '..', 'outside-secret.txt'), 'secret');

describe('registerAppScheme', () => {
  it('registers app: as standard and secure, without bypassing the CSP', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    const [[schemes]] = registerSchemesAsPrivileged.mock.calls as [
      [{ scheme: string; privileges: object }[]],
    ];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]?.scheme).toBe('app');
    expect(schemes[0]?.privileges).toMatchObject({ standard: true, secure: true });
    expect(schemes[0]?.privileges).not.toHaveProperty('bypassCSP');
  });
});

describe('resolveAppFile', () => {
  it('maps app URLs to files under the root', () => {
    expect(resolveAppFile(root, APP_ENTRY_URL)).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://coldstart/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://coldstart/assets/main.js?v=1#x')).toBe(
      join(root, 'assets', 'main.js'),
    );
  });

  it.each([
    'app://coldstart/../outside-secret.txt',
    'app://coldstart/%2e%2e/outside-secret.txt',
    'app://coldstart/assets/%2E%2E/%2E%2E/outside-secret.txt',
    'app://coldstart/..%2foutside-secret.txt',
    'app://coldstart/..%5coutside-secret.txt',
    'app://coldstart/%2fetc%2fpasswd',
    'app://coldstart/C:%5cWindows%5cwin.ini',
    'app://coldstart/index.html%00.png',
    'app://coldstart/%E0%A4%A',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'https://coldstart/index.html',
    'not a url',
  ])('never leaves the root for %s', (url) => {
    // The URL parser already folds `..` and `%2e%2e` segments into the root; whatever is left must stay inside.
    const file = resolveAppFile(root, url);
    if (file !== null) expect(file.startsWith(`${root}${sep}`)).toBe(true);
  });

  it('refuses the traversal and foreign URLs outright', () => {
    expect(resolveAppFile(root, 'app://coldstart/..%2foutside-secret.txt')).toBeNull();
    expect(resolveAppFile(root, 'app://coldstart/assets%2f..%2f..%2foutside-secret.txt')).toBeNull();
    expect(resolveAppFile(root, 'app://coldstart/..%5coutside-secret.txt')).toBeNull();
    expect(resolveAppFile(root, 'app://other-host/index.html')).toBeNull();
    expect(resolveAppFile(root, 'app://coldstart/index.html%00.png')).toBeNull();
  });
});

describe('serveAppRequest', () => {
  it('serves built files with the CSP header and their MIME type', async () => {
    const response = await serveAppRequest(root, new Request('app://coldstart/assets/main.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers 404 for missing files and files outside the root', async () => {
    expect((await serveAppRequest(root, new Request('app://coldstart/nope.js'))).status).toBe(404);
    const outside = await serveAppRequest(root, new Request('app://coldstart/%2e%2e/outside-secret.txt'));
    expect(outside.status).toBe(404);
    expect(await outside.text()).not.toContain('secret');
  });

  it('answers 405 to anything but GET and HEAD', async () => {
    const response = await serveAppRequest(root, new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});
