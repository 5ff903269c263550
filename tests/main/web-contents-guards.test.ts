import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';

// The guards import open-external.ts (shell); they must never reach the real browser here.
vi.mock('electron', () => ({ shell: { openExternal: vi.fn() } }));
const { denyAllPermissions, guardWebContents, urlForLog } =
  await import('../../electron/main/web-contents-guards');

type OpenHandler = (details: { url: string }) => { action: string };

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: OpenHandler | null = null;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: OpenHandler) => (openHandler = handler),
  });
  const fire = (name: string, url: string) => {
    const event = { preventDefault: vi.fn() };
    emitter.emit(name, event, url);
    return event;
  };
  return {
    contents: contents as unknown as WebContents,
    fire,
    open: (url: string) => openHandler?.({ url }),
  };
}

function guarded() {
  const openExternal = vi.fn(async (_url: string) => undefined);
  const onRefused = vi.fn();
  const fake = fakeContents();
  guardWebContents(fake.contents, { openExternal, onRefused });
  return { ...fake, openExternal, onRefused };
}

describe('guardWebContents', () => {
  it('prevents every navigation and sends https links to the system browser', () => {
    const g = guarded();
    expect(g.fire('will-navigate', 'https://aws.amazon.com/lambda/').preventDefault).toHaveBeenCalled();
    expect(g.openExternal).toHaveBeenCalledWith('https://aws.amazon.com/lambda/');
  });

  it('prevents navigation to other schemes without opening anything', () => {
    const g = guarded();
    for (const url of ['file:///etc/passwd', 'http://evil.example/', 'app://coldstart/other.html']) {
      expect(g.fire('will-navigate', url).preventDefault).toHaveBeenCalled();
    }
    expect(g.openExternal).not.toHaveBeenCalled();
    expect(g.onRefused).toHaveBeenCalledTimes(3);
  });

  it('denies every new window, opening https ones in the browser instead', () => {
    const g = guarded();
    expect(g.open('https://github.com/')).toEqual({ action: 'deny' });
    expect(g.open('http://example.com/')).toEqual({ action: 'deny' });
    expect(g.open('about:blank')).toEqual({ action: 'deny' });
    expect(g.openExternal).toHaveBeenCalledTimes(1);
    expect(g.openExternal).toHaveBeenCalledWith('https://github.com/');
  });

  it('prevents redirects and webviews', () => {
    const g = guarded();
    expect(g.fire('will-redirect', 'https://example.com/').preventDefault).toHaveBeenCalled();
    expect(g.fire('will-attach-webview', 'x').preventDefault).toHaveBeenCalled();
  });
});

describe('urlForLog', () => {
  it('keeps scheme and host, drops path and query', () => {
    expect(urlForLog('https://example.com/a?secret=1')).toBe('https://example.com');
    expect(urlForLog('javascript:alert(1)')).toBe('javascript:');
    expect(urlForLog('::')).toBe('(malformed URL)');
  });
});

describe('denyAllPermissions', () => {
  it('denies permission requests, checks and devices', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      setDevicePermissionHandler: (h: never) => (handlers.device = h),
    } as unknown as Session;
    denyAllPermissions(session);
    const callback = vi.fn();
    (handlers.request as (...a: unknown[]) => void)({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect((handlers.check as (...a: unknown[]) => boolean)({}, 'notifications', 'app://coldstart')).toBe(
      false,
    );
    expect((handlers.device as (...a: unknown[]) => boolean)({})).toBe(false);
  });
});
