import { shell } from 'electron';
import { EngineError } from '../engine/engine-api';

/** Why a link was not opened; an EngineError so the renderer gets it as an `invalid-argument` IpcError. */
export class ExternalLinkRefused extends EngineError {
  constructor(readonly url: string) {
    super('invalid-argument', `Only https:// links open in the browser; refused ${describeUrl(url)}`);
    this.name = 'ExternalLinkRefused';
  }
}

/** Scheme and host only: a URL's path or query may carry something the log must not keep. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'a malformed URL';
  }
}

/** True for https:// URLs with a host and no credentials in them: the only links the system browser gets. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.hostname !== '' && !parsed.username && !parsed.password;
}

/**
 * The one door to the system browser (ESLint forbids `shell.openExternal` anywhere else): a file:, smb:,
 * javascript: or custom-scheme URL handed to the OS can start programs, so only https: passes.
 */
export async function openExternal(url: string): Promise<void> {
  if (!isAllowedExternalUrl(url)) throw new ExternalLinkRefused(url);
  await shell.openExternal(new URL(url).toString());
}
