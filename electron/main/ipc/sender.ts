/** What the sender check needs of Electron's WebFrameMain. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** The origin of a URL, or null for URLs without one (about:blank, data:, malformed). */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

/**
 * Only the app's own main frame may call main: a frame from anywhere else (an iframe, a page the window was
 * somehow navigated to) gets `forbidden-sender`, whatever it sends.
 */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  allowedOrigins: readonly string[],
): boolean {
  if (!frame || frame.parent) return false;
  const origin = originOf(frame.url);
  return origin !== null && allowedOrigins.includes(origin);
}
