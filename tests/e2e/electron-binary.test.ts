import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary } from './electron-binary';

function fakeRepo(withBinary: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'coldstart-electron-'));
  const pkg = join(root, 'node_modules', 'electron');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  writeFileSync(join(pkg, 'path.txt'), 'electron');
  if (withBinary) writeFileSync(join(pkg, 'dist', 'electron'), '');
  return root;
}

describe('electronBinary', () => {
  it('finds the binary npm installed', () => {
    const root = fakeRepo(true);
    expect(electronBinary(root, {})).toBe(join(root, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('says null when the download never happened', () => {
    expect(electronBinary(fakeRepo(false), {})).toBeNull();
    expect(electronBinary(mkdtempSync(join(tmpdir(), 'coldstart-none-')), {})).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const root = fakeRepo(false);
    const override = mkdtempSync(join(tmpdir(), 'coldstart-override-'));
    writeFileSync(join(override, 'electron'), '');
    expect(electronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(join(override, 'electron'));
  });
});
