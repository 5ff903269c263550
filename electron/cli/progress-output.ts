import type { RunProgress } from '../../shared/measure';
import type { CliIo } from './io';

function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

function where(p: RunProgress): string {
  if (!p.functionName) return '';
  return p.memoryMB ? ` ${p.functionName} @ ${p.memoryMB} MB` : ` ${p.functionName}`;
}

/**
 * Progress on stderr (stdout stays for results): a redrawn bar on a terminal, one line per step
 * otherwise (CI logs, pipes).
 */
export function progressPrinter(io: CliIo): { onProgress: (p: RunProgress) => void; finish: () => void } {
  let lastLine = '';
  let drawn = false;
  return {
    onProgress(p) {
      const eta = p.etaMs === null ? '' : ` ETA ${clock(p.etaMs)}`;
      if (io.isTty) {
        const width = 24;
        const filled = p.total > 0 ? Math.round((p.done / p.total) * width) : 0;
        const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
        io.stderr(`\r\x1b[2K[${bar}] ${p.done}/${p.total}${where(p)} ${p.phase}${eta}`);
        drawn = true;
        return;
      }
      const line = `[${p.done}/${p.total}]${where(p)} ${p.phase}${p.message ? `: ${p.message}` : ''}${eta}`;
      if (line.replace(/ ETA .*$/, '') !== lastLine.replace(/ ETA .*$/, '')) io.stderr(`${line}\n`);
      lastLine = line;
    },
    finish() {
      if (drawn) io.stderr('\n');
      drawn = false;
    },
  };
}
