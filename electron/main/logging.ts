import { ipcMain } from 'electron';
import log from 'electron-log/main';
import { redactLogValue } from './redact';

const ELECTRON_LOG_CHANNEL = '__ELECTRON_LOG__';

/**
 * Logs go to main.log in the app's log directory (Linux ~/.config/Cold Start Lab/logs, macOS
 * ~/Library/Logs/Cold Start Lab, Windows %APPDATA%\Cold Start Lab\logs). The app logs call names, run ids and
 * error codes only — never arguments, payloads or credentials — and this hook redacts what slips through.
 */
export function setUpLogging(isDev: boolean): typeof log {
  log.transports.file.level = 'info';
  log.transports.file.maxSize = 5 * 1024 * 1024;
  log.transports.console.level = isDev ? 'debug' : false;
  log.hooks.push((message) => ({ ...message, data: message.data.map(redactLogValue) }));
  // electron-log opens an IPC channel for renderer-side logging as soon as it is imported. The renderer does
  // not log through it, and the only channels main answers are the contract's: close it.
  ipcMain.removeHandler(ELECTRON_LOG_CHANNEL);
  ipcMain.removeAllListeners(ELECTRON_LOG_CHANNEL);
  return log;
}

export const logFilePath = (): string => log.transports.file.getFile().path;

export { log };
