#!/usr/bin/env node
// Security gate (part of `npm run lint`): @doyensec/electronegativity over the app's sources (electron/,
// renderer/) and its built output (dist-electron/, dist/), scanned as one app so that its global checks
// (CSP, navigation limits, permission handler) see main and renderer together. It exits 0 whatever it finds,
// so this script reads its CSV and fails on every HIGH or MEDIUM finding the README does not explain.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Built files larger than this are third-party bundles (Plotly: ~5 MB, 15 s to parse); our code is scanned as source. */
export const MAX_BUILT_FILE_BYTES = 1.5 * 1024 * 1024;
const GATING = new Set(['HIGH', 'MEDIUM']);
const ALLOWLIST_HEADING = /^#+\s+Electronegativity findings/i;

/** @returns {import('./security-check.d.mts').Finding[]} */
export function parseFindings(csvText) {
  const { data } = Papa.parse(csvText.trim(), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim(),
  });
  return data.map((row) => ({
    check: String(row.issue ?? '').trim(),
    severity: String(row.severity ?? '').trim(),
    confidence: String(row.confidence ?? '').trim(),
    file: String(row.filename ?? '').trim(),
    location: String(row.location ?? '').trim(),
    description: String(row.description ?? '').trim(),
  }));
}

/**
 * The README's table under a heading "Electronegativity findings…": `| CHECK_ID | file | reason |`.
 * A row without a reason does not count.
 */
export function parseAllowlist(readmeText) {
  const entries = [];
  let inSection = false;
  let sectionLevel = 0;
  for (const line of readmeText.split(/\r?\n/)) {
    const heading = /^(#+)\s/.exec(line);
    if (heading) {
      if (ALLOWLIST_HEADING.test(line)) {
        inSection = true;
        sectionLevel = heading[1].length;
        continue;
      }
      if (inSection && heading[1].length <= sectionLevel) inSection = false;
    }
    if (!inSection || !line.trim().startsWith('|')) continue;
    const cells = line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell) => cell.trim().replace(/^`|`$/g, ''));
    const [check, file, reason] = cells;
    if (!check || !/^[A-Z0-9_]+_CHECK$/.test(check) || !file || !reason) continue;
    entries.push({ check, file, reason });
  }
  return entries;
}

export function gate(findings, allowlist) {
  const failures = [];
  const accepted = [];
  const used = new Set();
  for (const finding of findings) {
    if (!GATING.has(finding.severity)) continue;
    const entry = allowlist.find((e) => e.check === finding.check && e.file === finding.file);
    if (entry) {
      accepted.push(finding);
      used.add(entry);
    } else {
      failures.push(finding);
    }
  }
  return { failures, accepted, unused: allowlist.filter((entry) => !used.has(entry)) };
}

/** Copies sources and built output into one folder as `source/…` and `built/…`. Returns the skipped files. */
function stage(stagingDir) {
  const skipped = [];
  const copy = (from, to, limitSize) => {
    cpSync(join(root, from), join(stagingDir, to), {
      recursive: true,
      filter: (src) => {
        if (src.includes(`${join(root, from)}/node_modules`) || src.endsWith('.map')) return false;
        if (limitSize && statSync(src).isFile() && statSync(src).size > MAX_BUILT_FILE_BYTES) {
          skipped.push(relative(root, src));
          return false;
        }
        return true;
      },
    });
  };
  copy('electron', 'source/electron', false);
  copy('renderer', 'source/renderer', false);
  copy('dist-electron', 'built/dist-electron', true);
  copy('dist', 'built/dist', true);
  return skipped;
}

function ensureBuilt() {
  if (existsSync(join(root, 'dist-electron', 'main.js')) && existsSync(join(root, 'dist', 'index.html')))
    return;
  console.log('security-check: no built app yet, running `vite build` first');
  const built = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (built.status !== 0) throw new Error('vite build failed');
}

/** Runs electronegativity over one folder and returns its CSV report. */
export function scan(stagingDir, outputCsv) {
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const cli = require.resolve('@doyensec/electronegativity/dist/index.js');
  const result = spawnSync(
    process.execPath,
    [
      '--require',
      join(root, 'build', 'electronegativity-offline.cjs'),
      cli,
      '--input',
      stagingDir,
      '--exclude-checks',
      'AvailableSecurityFixesGlobalCheck',
      '--electron-version',
      electronVersion,
      '--relative',
      '--output',
      outputCsv,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  if (result.status !== 0 || !existsSync(outputCsv)) {
    throw new Error(`electronegativity failed (exit ${result.status}):\n${result.stderr || result.stdout}`);
  }
  return readFileSync(outputCsv, 'utf8');
}

function main() {
  const started = Date.now();
  ensureBuilt();
  const work = mkdtempSync(join(tmpdir(), 'coldstart-electronegativity-'));
  try {
    const stagingDir = join(work, 'app');
    const skipped = stage(stagingDir);
    const findings = parseFindings(scan(stagingDir, join(work, 'findings.csv')));
    const allowlist = parseAllowlist(readFileSync(join(root, 'README.md'), 'utf8'));
    const { failures, accepted, unused } = gate(findings, allowlist);
    for (const file of skipped)
      console.log(`security-check: not scanned (third-party bundle over 1.5 MB): ${file}`);
    for (const entry of unused) {
      console.log(
        `security-check: README explains ${entry.check} in ${entry.file}, which no longer shows up`,
      );
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const lower = findings.length - failures.length - accepted.length;
    if (failures.length > 0) {
      console.error(
        `security-check: ${failures.length} HIGH/MEDIUM electronegativity finding(s) not explained in README.md:`,
      );
      for (const f of failures) {
        console.error(`  ${f.severity} ${f.check} at ${f.file}:${f.location} — ${f.description}`);
      }
      console.error(
        'Fix them, or add a row with the reason to the README table "Electronegativity findings".',
      );
      process.exitCode = 1;
      return;
    }
    console.log(
      `security-check: passed in ${seconds} s — ${accepted.length} explained in README, ${lower} low/informational`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (error) {
    console.error(`security-check: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
