import type { Session, WebContents } from 'electron';
import { isAllowedExternalUrl } from './open-external';

export interface GuardOptions {
  /** Opens an https: link in the system browser (electron/main/open-external.ts). */
  openExternal: (url: string) => Promise<void>;
  /** Called for anything refused, with scheme and host only. */
  onRefused?: (what: string, url: string) => void;
}

/** Scheme and host, never path or query: what a refusal log line may carry. */
export function urlForLog(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : parsed.protocol;
  } catch {
    return '(malformed URL)';
  }
}

function sendToBrowserIfWeb(url: string, options: GuardOptions, what: string): void {
  if (isAllowedExternalUrl(url)) {
    options.openExternal(url).catch(() => options.onRefused?.(what, url));
  } else {
    options.onRefused?.(what, url);
  }
}

/**
 * The app never leaves its own page: navigation is prevented, new windows are denied, <webview> cannot attach.
 * An https: link the user clicks goes to the system browser instead.
 */
export function guardWebContents(contents: WebContents, options: GuardOptions): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    sendToBrowserIfWeb(url, options, 'navigation');
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    options.onRefused?.('redirect', url);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.onRefused?.('webview', 'about:blank');
  });
  contents.setWindowOpenHandler(({ url }) => {
    sendToBrowserIfWeb(url, options, 'new window');
    return { action: 'deny' };
  });
}

/** Camera, microphone, notifications, geolocation, HID, serial, USB…: the app needs none, so none is granted. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
