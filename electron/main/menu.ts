import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, ThemePreference } from '../../shared/ipc/contract';

export interface MenuActions {
  /** Forwards a command to the renderer (menuCommand event). */
  send: (command: MenuCommand) => void;
  setTheme: (preference: ThemePreference) => void;
  toggleTheme: () => void;
  openProjectPage: () => void;
  openLogFolder: () => void;
}

export interface MenuInput {
  platform: NodeJS.Platform;
  /** Reload and developer tools exist in development only. */
  isDev: boolean;
  appName: string;
  themePreference: ThemePreference;
  actions: MenuActions;
}

/**
 * The application menu with each platform's conventions: on macOS the app menu holds About and Quit and
 * File ends with Close; elsewhere File ends with Quit and Help holds About.
 */
export function buildMenuTemplate(input: MenuInput): MenuItemConstructorOptions[] {
  const { actions, platform } = input;
  const mac = platform === 'darwin';
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.send(cmd),
  });
  const themeItem = (label: string, preference: ThemePreference): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: input.themePreference === preference,
    click: () => actions.setTheme(preference),
  });
  const about = command(`About ${input.appName}`, 'about');

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: input.appName,
          submenu: [
            about,
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('Import files…', 'import-csv', 'CmdOrCtrl+O'),
      command('Import folder…', 'import-folder', 'CmdOrCtrl+Shift+O'),
      command('Export CSV…', 'export-csv', 'CmdOrCtrl+S'),
      command('Export chart…', 'export-chart', 'CmdOrCtrl+Shift+S'),
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit', accelerator: 'Ctrl+Q' },
    ],
  };

  const edit: MenuItemConstructorOptions = { label: '&Edit', role: 'editMenu' };

  const measure: MenuItemConstructorOptions = {
    label: '&Measure',
    submenu: [
      command('New measurement…', 'new-measurement', 'CmdOrCtrl+N'),
      command('Fetch from CloudWatch…', 'fetch-cloudwatch', 'CmdOrCtrl+Shift+F'),
      { type: 'separator' },
      command('Run history', 'show-history', 'CmdOrCtrl+Shift+H'),
      command('Recover interrupted runs…', 'recover-runs'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(input.isDev
        ? ([
            { role: 'reload' },
            { role: 'forceReload' },
            { role: 'toggleDevTools' },
            { type: 'separator' },
          ] satisfies MenuItemConstructorOptions[])
        : []),
      { label: 'Toggle dark mode', accelerator: 'CmdOrCtrl+Shift+D', click: () => actions.toggleTheme() },
      {
        label: 'Appearance',
        submenu: [
          themeItem('Follow system', 'system'),
          themeItem('Light', 'light'),
          themeItem('Dark', 'dark'),
        ],
      },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions[] = mac ? [{ role: 'windowMenu' }] : [];

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      ...(mac ? [] : [about, { type: 'separator' } satisfies MenuItemConstructorOptions]),
      { label: 'Project page', click: () => actions.openProjectPage() },
      { label: 'Open log folder', click: () => actions.openLogFolder() },
    ],
  };

  return [...appMenu, file, edit, measure, view, ...windowMenu, help];
}
