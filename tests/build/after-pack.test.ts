import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

type Context = {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName: string };
};
const require = createRequire(import.meta.url);
const afterPack = require('../../build/after-pack.cjs') as ((context: Context) => Promise<void>) & {
  electronBinaryPath: (context: Context) => string;
};
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** The fuse states as bytes in the binary ('0' and '1'); @electron/fuses does not export its enum. */
const FuseState = { DISABLE: 48, ENABLE: 49 } as const;

const context = (appOutDir: string, electronPlatformName: string): Context => ({
  appOutDir,
  electronPlatformName,
  packager: { appInfo: { productFilename: 'Cold Start Lab' }, executableName: 'cold-start-lab' },
});

/** A stand-in Electron binary: some bytes, the fuse sentinel, wire version 1 and Electron's default fuse states. */
function fakeElectron(path: string): void {
  const defaults = [1, 0, 1, 1, 0, 0, 0, 1, 1].map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE));
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.from('ELF…'),
      Buffer.from(SENTINEL),
      Buffer.from([1, defaults.length, ...defaults]),
    ]),
  );
}

describe('afterPack', () => {
  it('finds the Electron binary of each platform', () => {
    expect(afterPack.electronBinaryPath(context('/out', 'linux'))).toBe(join('/out', 'cold-start-lab'));
    expect(afterPack.electronBinaryPath(context('/out', 'win32'))).toBe(join('/out', 'Cold Start Lab.exe'));
    expect(afterPack.electronBinaryPath(context('/out', 'darwin'))).toBe(join('/out', 'Cold Start Lab.app'));
  });

  it('flips the fuses of the packed binary', async () => {
    const out = mkdtempSync(join(tmpdir(), 'coldstart-afterpack-'));
    mkdirSync(out, { recursive: true });
    fakeElectron(join(out, 'cold-start-lab'));
    await afterPack(context(out, 'linux'));
    const wire = await getCurrentFuseWire(join(out, 'cold-start-lab'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });

  it('fails loudly when the binary has no fuse wire', async () => {
    const out = mkdtempSync(join(tmpdir(), 'coldstart-afterpack-'));
    writeFileSync(join(out, 'cold-start-lab'), 'not electron');
    await expect(afterPack(context(out, 'linux'))).rejects.toThrow(/sentinel/);
  });
});

describe('electron-builder configuration', () => {
  const config = require('../../build/electron-builder.config.cjs') as Record<string, unknown> & {
    files: string[];
    directories: Record<string, string>;
    linux: { target: string[] };
    mac: { target: string[] };
    win: { target: string[] };
  };

  it('names the app, its resources and its targets', () => {
    expect(config).toMatchObject({
      appId: 'dev.coldstartlab.app',
      productName: 'Cold Start Lab',
      afterPack: './build/after-pack.cjs',
    });
    expect(config.directories.buildResources).toBe('build');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('packs the built app only, explicitly', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/**/*', 'dist-electron/*.js', 'dist-electron/preload.cjs']),
    );
    expect(config.files).toContain('!node_modules/**/*');
    expect(config.files.some((f) => /^(electron|renderer|shared|tests)\//.test(f))).toBe(false);
  });
});
