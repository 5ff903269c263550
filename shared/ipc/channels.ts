/**
 * The names of every IPC call and event, and nothing else: the sandboxed preload bundles this file
 * (it stays tiny, no schema library), while main and the renderer get the full types from ./contract.
 */
export const INVOKE_NAMES = [
  'getAppInfo',
  'setThemePreference',
  'openExternalLink',
  'openCsvFiles',
  'openImportFolder',
  'reopenFiles',
  'saveCsvFile',
  'saveChartImage',
  'listAwsProfiles',
  'listAwsRegions',
  'checkAwsConnection',
  'listFunctions',
  'startMeasurement',
  'cancelMeasurement',
  'startFetch',
  'cancelFetch',
  'listRuns',
  'openRun',
  'renameRun',
  'deleteRun',
  'exportRunCsv',
  'findInterruptedRuns',
  'recoverInterruptedRuns',
] as const;
export type InvokeName = (typeof INVOKE_NAMES)[number];

export const EVENT_NAMES = [
  'menuCommand',
  'themeChanged',
  'runProgress',
  'runSamples',
  'runFinished',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** Channel strings on the wire: one namespace so nothing else can collide with them. */
export const invokeChannel = (name: InvokeName): string => `coldstart:invoke:${name}`;
export const eventChannel = (name: EventName): string => `coldstart:event:${name}`;

/** The name under which the preload exposes the API on `window`. */
export const API_KEY = 'coldstart';
