import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gate, parseAllowlist, parseFindings, scan } from '../../build/security-check.mjs';

const CSV = `issue, severity, confidence, filename, location, sample, description, url
CSP_GLOBAL_CHECK,"LOW","CERTAIN","built/dist/index.html","0:0","default-src 'self';
 script-src 'self', more","One or more CSP directives detected seems to be vulnerable",https://x
OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","source/electron/main/open-external.ts","38:8","shell.openExternal(u)","Review the use of openExternal",https://y
NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","source/electron/main/other.ts","3:1","new BrowserWindow({})","Disable nodeIntegration",https://z
`;

const README = `# App
### Desktop app
#### Electronegativity findings explained
| check | file | why |
| --- | --- | --- |
| OPEN_EXTERNAL_JS_CHECK | source/electron/main/open-external.ts | The https-only helper. |
| SANDBOX_JS_CHECK | source/electron/main/app-window.ts | Set by windowOptions(). |
| NODE_INTEGRATION_JS_CHECK | source/electron/main/other.ts | |
### Next section
| CONTEXT_ISOLATION_JS_CHECK | anything | not part of the allowlist |
`;

describe('security check', () => {
  it("reads electronegativity's CSV, multi-line samples included", () => {
    const findings = parseFindings(CSV);
    expect(findings.map((f) => [f.check, f.severity, f.file])).toEqual([
      ['CSP_GLOBAL_CHECK', 'LOW', 'built/dist/index.html'],
      ['OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'source/electron/main/open-external.ts'],
      ['NODE_INTEGRATION_JS_CHECK', 'HIGH', 'source/electron/main/other.ts'],
    ]);
  });

  it('takes only rows with a reason from the README section', () => {
    expect(parseAllowlist(README)).toEqual([
      {
        check: 'OPEN_EXTERNAL_JS_CHECK',
        file: 'source/electron/main/open-external.ts',
        reason: 'The https-only helper.',
      },
      {
        check: 'SANDBOX_JS_CHECK',
        file: 'source/electron/main/app-window.ts',
        reason: 'Set by windowOptions().',
      },
    ]);
  });

  it('fails on HIGH or MEDIUM findings the README does not explain, ignoring lower ones', () => {
    const { failures, accepted, unused } = gate(parseFindings(CSV), parseAllowlist(README));
    expect(failures.map((f) => f.check)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
    expect(accepted.map((f) => f.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK']);
    expect(unused.map((e) => e.check)).toEqual(['SANDBOX_JS_CHECK']);
  });

  it("explains every finding of the repository's own README entries with a reason", () => {
    const entries = parseAllowlist(readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8'));
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry.reason.length).toBeGreaterThan(20);
  });

  it('catches an insecure window when electronegativity really runs (offline)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coldstart-insecure-'));
    writeFileSync(
      join(dir, 'main.js'),
      "const { BrowserWindow } = require('electron');\n" +
        'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n',
    );
    const findings = parseFindings(scan(dir, join(dir, 'out.csv')));
    const { failures } = gate(findings, []);
    expect(failures.map((f) => f.check)).toEqual(
      expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']),
    );
  });
});
