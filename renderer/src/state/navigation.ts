import { reactive } from 'vue';
import type { MenuCommand } from '../../../shared/ipc/contract';

export type ViewId = 'analyse' | 'measure' | 'fetch' | 'history';

export const VIEWS: readonly { id: ViewId; label: string }[] = [
  { id: 'analyse', label: 'Analyse' },
  { id: 'measure', label: 'Measure' },
  { id: 'fetch', label: 'Fetch' },
  { id: 'history', label: 'History' },
];

export const navigation = reactive<{ view: ViewId }>({ view: 'analyse' });

export function showView(view: ViewId): void {
  navigation.view = view;
}

/** Which view a menu command belongs to; App switches there, then hands the command to that view. */
export const COMMAND_VIEW: Record<MenuCommand, ViewId | null> = {
  'import-csv': 'analyse',
  'import-folder': 'analyse',
  'export-csv': 'analyse',
  'export-chart': 'analyse',
  'new-measurement': 'measure',
  'fetch-cloudwatch': 'fetch',
  'recover-runs': 'measure',
  'show-history': 'history',
  'toggle-theme': null,
  about: null,
};

type Handler = () => void;
const handlers = new Map<MenuCommand, Set<Handler>>();

/** A view subscribes to the menu commands it handles (and unsubscribes with the returned function). */
export function onCommand(command: MenuCommand, handler: Handler): () => void {
  let set = handlers.get(command);
  if (!set) handlers.set(command, (set = new Set()));
  set.add(handler);
  return () => set.delete(handler);
}

export function dispatchCommand(command: MenuCommand): void {
  const view = COMMAND_VIEW[command];
  if (view) showView(view);
  for (const handler of handlers.get(command) ?? []) handler();
}
