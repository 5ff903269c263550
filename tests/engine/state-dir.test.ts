import { describe, expect, it } from 'vitest';
import { defaultStateDir, resolveStateDir } from '../../electron/engine/state-dir';

describe('state directory', () => {
  it("is the platform's app-data directory, as Electron's userData for productName Cold Start Lab", () => {
    expect(defaultStateDir({}, 'linux', '/home/u')).toBe('/home/u/.config/Cold Start Lab');
    expect(defaultStateDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/u')).toBe('/x/Cold Start Lab');
    expect(defaultStateDir({}, 'darwin', '/Users/u')).toBe(
      '/Users/u/Library/Application Support/Cold Start Lab',
    );
    expect(defaultStateDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toMatch(
      /AppData.Roaming.Cold Start Lab$/,
    );
  });

  it('is overridden by --state-dir, then COLDSTART_STATE_DIR', () => {
    expect(resolveStateDir('/flag', { COLDSTART_STATE_DIR: '/env' })).toBe('/flag');
    expect(resolveStateDir(undefined, { COLDSTART_STATE_DIR: '/env' })).toBe('/env');
  });
});
