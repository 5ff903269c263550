import type { BrowserWindow, Dialog } from 'electron';
import type { RecoveryItem } from '../../shared/measure';
import type { Engine } from '../engine/engine-api';

export interface RecoveryPrompt {
  message: string;
  detail: string;
}

/** What to ask the user at start-up, or null when no function still carries an interrupted run's changes. */
export function recoveryPrompt(items: readonly RecoveryItem[]): RecoveryPrompt | null {
  const restore = items.filter((item) => item.action === 'restore');
  if (restore.length === 0) return null;
  const runs = new Set(restore.map((item) => item.runId)).size;
  const skipped = items.filter((item) => item.action === 'skip');
  const lines = restore.map(
    (item) => `• ${item.functionName}: back to ${item.originalMemoryMB} MB — ${item.detail}`,
  );
  if (skipped.length > 0) {
    lines.push('', 'Changed by someone else since, left alone:');
    lines.push(...skipped.map((item) => `• ${item.functionName}: ${item.detail}`));
  }
  const unreadable = items.filter((item) => item.action === 'failed');
  if (unreadable.length > 0) {
    lines.push('', 'Cannot be read or checked, left alone:');
    lines.push(...unreadable.map((item) => `• ${item.functionName}: ${item.detail}`));
  }
  return {
    message:
      `${restore.length} function${restore.length === 1 ? '' : 's'} of ${runs} interrupted ` +
      `measurement${runs === 1 ? '' : 's'} still ${restore.length === 1 ? 'has' : 'have'} the settings the run gave ` +
      'them. Restore the original configuration now?',
    detail: lines.join('\n'),
  };
}

/** One line per function, for the message after recovery. */
export const recoveryReport = (items: readonly RecoveryItem[]): string =>
  items.map((item) => `• ${item.functionName}: ${item.action} — ${item.detail}`).join('\n');

type DialogApi = Pick<Dialog, 'showMessageBox'>;

/**
 * At start-up: the journals of runs that never finished (the app or the machine stopped mid-run) are found,
 * and the user is offered to put those functions back. "Later" leaves them for Measure › Recover.
 */
export async function offerRecovery(
  engine: Engine,
  dialog: DialogApi,
  window: BrowserWindow,
  log: { info: (...args: unknown[]) => void; warn: (...args: unknown[]) => void },
): Promise<void> {
  let items: RecoveryItem[];
  try {
    items = await engine.findInterruptedRuns();
  } catch (error) {
    log.warn('start-up: could not look for interrupted runs', error);
    return;
  }
  const prompt = recoveryPrompt(items);
  if (!prompt) return;
  log.info(`start-up: ${items.length} functions of interrupted runs found`);
  const { response } = await dialog.showMessageBox(window, {
    type: 'warning',
    title: 'Interrupted measurement',
    message: prompt.message,
    detail: prompt.detail,
    buttons: ['Restore now', 'Later'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  if (response !== 0) return;
  try {
    const result = await engine.recoverInterruptedRuns();
    const failed = result.filter((item) => item.action === 'failed').length;
    log.info(`start-up: recovery done, ${failed} failed`);
    await dialog.showMessageBox(window, {
      type: failed > 0 ? 'error' : 'info',
      title: 'Recovery',
      message: failed > 0 ? `${failed} function(s) could not be restored.` : 'The functions were restored.',
      detail: recoveryReport(result),
    });
  } catch (error) {
    log.warn('start-up: recovery failed', error);
    const message = error instanceof Error ? error.message : 'Recovery failed.';
    await dialog.showMessageBox(window, { type: 'error', title: 'Recovery', message });
  }
}
