import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { offerRecovery, recoveryPrompt } from '../../electron/main/startup-recovery';
import type { RecoveryItem } from '../../shared/measure';
import { fakeEngine } from './fake-engine';

const item = (functionName: string, action: RecoveryItem['action'], runId = 'run-1'): RecoveryItem => ({
  runId,
  functionName,
  action,
  originalMemoryMB: 128,
  detail: action === 'skip' ? 'changed since the run' : 'still carries the run marker',
});

const log = { info: vi.fn(), warn: vi.fn() };
const window = {} as BrowserWindow;

describe('recoveryPrompt', () => {
  it('says nothing when no function needs restoring', () => {
    expect(recoveryPrompt([])).toBeNull();
    expect(recoveryPrompt([item('a', 'skip')])).toBeNull();
  });

  it('lists the functions to restore and the ones left alone', () => {
    const prompt = recoveryPrompt([item('a', 'restore'), item('b', 'restore', 'run-2'), item('c', 'skip')]);
    expect(prompt?.message).toBe(
      '2 functions of 2 interrupted measurements still have the settings the run gave them. Restore the original configuration now?',
    );
    expect(prompt?.detail).toContain('• a: back to 128 MB');
    expect(prompt?.detail).toContain('left alone');
    expect(prompt?.detail).toContain('• c: changed since the run');
  });

  it('names the functions it cannot read, which it leaves alone', () => {
    const prompt = recoveryPrompt([item('a', 'restore'), item('k', 'failed')]);
    expect(prompt?.detail).toMatch(
      /Cannot be read or checked, left alone:\n• k: still carries the run marker/,
    );
  });
});

describe('offerRecovery', () => {
  it('restores when the user agrees', async () => {
    const { engine } = fakeEngine();
    engine.findInterruptedRuns.mockResolvedValueOnce([item('a', 'restore')]);
    engine.recoverInterruptedRuns.mockResolvedValueOnce([item('a', 'restored')]);
    const dialog = {
      showMessageBox: vi.fn(async (_window: unknown, _options: object) => ({
        response: 0,
        checkboxChecked: false,
      })),
    };
    await offerRecovery(engine, dialog as never, window, log);
    expect(engine.recoverInterruptedRuns).toHaveBeenCalled();
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2);
    expect(dialog.showMessageBox.mock.calls[1]?.[1]).toMatchObject({
      message: 'The functions were restored.',
    });
  });

  it('leaves everything for later when the user says so', async () => {
    const { engine } = fakeEngine();
    engine.findInterruptedRuns.mockResolvedValueOnce([item('a', 'restore')]);
    const dialog = { showMessageBox: vi.fn(async () => ({ response: 1, checkboxChecked: false })) };
    await offerRecovery(engine, dialog as never, window, log);
    expect(engine.recoverInterruptedRuns).not.toHaveBeenCalled();
  });

  it('asks nothing when there is nothing to restore', async () => {
    const { engine } = fakeEngine();
    const dialog = { showMessageBox: vi.fn() };
    await offerRecovery(engine, dialog as never, window, log);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });
});
