import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, type MenuActions } from '../../electron/main/menu';

function build(platform: NodeJS.Platform, isDev = false) {
  const actions: MenuActions = {
    send: vi.fn(),
    setTheme: vi.fn(),
    toggleTheme: vi.fn(),
    openProjectPage: vi.fn(),
    openLogFolder: vi.fn(),
  };
  const template = buildMenuTemplate({
    platform,
    isDev,
    appName: 'Cold Start Lab',
    themePreference: 'dark',
    actions,
  });
  return { template, actions };
}

const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label ?? i.role);
const submenu = (template: MenuItemConstructorOptions[], label: string) =>
  (template.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
const item = (items: MenuItemConstructorOptions[], label: string) => {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no menu item ${label}`);
  return found;
};
const click = (entry: MenuItemConstructorOptions) => (entry.click as () => void)();

describe('application menu', () => {
  it('has File, Edit, Measure, View and Help on Windows and Linux, Quit in File and About in Help', () => {
    const { template } = build('linux');
    expect(labels(template)).toEqual(['&File', '&Edit', '&Measure', '&View', '&Help']);
    expect(submenu(template, '&File').at(-1)?.role).toBe('quit');
    expect(labels(submenu(template, '&Help'))).toContain('About Cold Start Lab');
  });

  it('follows macOS conventions: app menu with About and Quit, Close in File, a Window menu', () => {
    const { template } = build('darwin');
    expect(labels(template)).toEqual([
      'Cold Start Lab',
      '&File',
      '&Edit',
      '&Measure',
      '&View',
      'windowMenu',
      '&Help',
    ]);
    const appMenu = template[0]?.submenu as MenuItemConstructorOptions[];
    expect(appMenu[0]?.label).toBe('About Cold Start Lab');
    expect(appMenu.at(-1)?.role).toBe('quit');
    expect(submenu(template, '&File').at(-1)?.role).toBe('close');
    expect(labels(submenu(template, '&Help'))).not.toContain('About Cold Start Lab');
  });

  it('sends the File and Measure commands to the renderer with their shortcuts', () => {
    const { template, actions } = build('win32');
    const file = submenu(template, '&File');
    const measure = submenu(template, '&Measure');
    const expected: [MenuItemConstructorOptions[], string, string, string | undefined][] = [
      [file, 'Import files…', 'import-csv', 'CmdOrCtrl+O'],
      [file, 'Import folder…', 'import-folder', 'CmdOrCtrl+Shift+O'],
      [file, 'Export CSV…', 'export-csv', 'CmdOrCtrl+S'],
      [file, 'Export chart…', 'export-chart', 'CmdOrCtrl+Shift+S'],
      [measure, 'New measurement…', 'new-measurement', 'CmdOrCtrl+N'],
      [measure, 'Fetch from CloudWatch…', 'fetch-cloudwatch', 'CmdOrCtrl+Shift+F'],
      [measure, 'Recover interrupted runs…', 'recover-runs', undefined],
      [measure, 'Run history', 'show-history', 'CmdOrCtrl+Shift+H'],
    ];
    for (const [menu, label, command, accelerator] of expected) {
      const entry = item(menu, label);
      expect(entry.accelerator).toBe(accelerator);
      click(entry);
      expect(actions.send).toHaveBeenLastCalledWith(command);
    }
  });

  it('offers reload and developer tools in development only', () => {
    const roles = (isDev: boolean) => submenu(build('linux', isDev).template, '&View').map((i) => i.role);
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
  });

  it('toggles dark mode and shows the chosen appearance', () => {
    const { template, actions } = build('linux');
    const view = submenu(template, '&View');
    click(item(view, 'Toggle dark mode'));
    expect(actions.toggleTheme).toHaveBeenCalled();
    const appearance = item(view, 'Appearance').submenu as MenuItemConstructorOptions[];
    expect(appearance.map((i) => [i.label, i.checked])).toEqual([
      ['Follow system', false],
      ['Light', false],
      ['Dark', true],
    ]);
    click(item(appearance, 'Follow system'));
    expect(actions.setTheme).toHaveBeenCalledWith('system');
  });

  it('opens the project page and the log folder from Help', () => {
    const { template, actions } = build('linux');
    click(item(submenu(template, '&Help'), 'Project page'));
    click(item(submenu(template, '&Help'), 'Open log folder'));
    expect(actions.openProjectPage).toHaveBeenCalled();
    expect(actions.openLogFolder).toHaveBeenCalled();
  });
});
