import { reactive } from 'vue';
import type { AwsConnection, ConnectionCheck, FunctionInfo } from '../../../shared/measure';
import { asIpcError, coldstart, unwrap } from './bridge';
import { explainAwsError, type ExplainedError } from './aws-errors';

export interface ProfileChoice {
  name: string;
  region: string | null;
  sso: boolean;
}

const STORAGE_KEY = 'coldstart.connection';

/**
 * The AWS connection the Measure and Fetch views share: the chosen profile, region and endpoint, the
 * result of the last check, and the functions of the region. Only names travel to main, never secrets.
 */
export const connectionState = reactive({
  profiles: [] as ProfileChoice[],
  regions: [] as string[],
  profile: null as string | null,
  region: null as string | null,
  endpoint: '',
  choicesLoaded: false,
  choicesError: null as ExplainedError | null,
  checking: false,
  check: null as ConnectionCheck | null,
  error: null as ExplainedError | null,
  functions: [] as FunctionInfo[],
  loadingFunctions: false,
  functionsError: null as ExplainedError | null,
});

/** Endpoint field: empty, or an http(s) URL. Returns the problem in words, or null. */
export function endpointProblem(endpoint: string): string | null {
  const value = endpoint.trim();
  if (value === '') return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return 'The endpoint must start with http:// or https://';
    return null;
  } catch {
    return 'The endpoint is not a URL (for LocalStack: http://localhost:4566)';
  }
}

function isSso(profile: string | null): boolean {
  return connectionState.profiles.some((p) => p.name === profile && p.sso);
}

export function currentConnection(): AwsConnection {
  const endpoint = connectionState.endpoint.trim();
  return {
    profile: connectionState.profile,
    region: connectionState.region,
    endpoint: endpoint === '' || endpointProblem(endpoint) ? null : endpoint,
  };
}

function remember(): void {
  try {
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        profile: connectionState.profile,
        region: connectionState.region,
        endpoint: connectionState.endpoint,
      }),
    );
  } catch {
    // Storage can be unavailable (private mode, tests); the choice is then simply not remembered.
  }
}

function remembered(): Partial<{ profile: string | null; region: string | null; endpoint: string }> {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw
      ? (JSON.parse(raw) as Partial<{ profile: string | null; region: string | null; endpoint: string }>)
      : {};
  } catch {
    return {};
  }
}

/** Profiles and regions from main; restores the last choice when it still exists. */
export async function loadConnectionChoices(): Promise<void> {
  if (connectionState.choicesLoaded) return;
  try {
    const [profiles, regions] = await Promise.all([
      unwrap(coldstart().listAwsProfiles()),
      unwrap(coldstart().listAwsRegions()),
    ]);
    connectionState.profiles = profiles;
    connectionState.regions = regions;
    const last = remembered();
    const profile =
      profiles.find((p) => p.name === last.profile)?.name ??
      profiles.find((p) => p.name === 'default')?.name ??
      profiles[0]?.name ??
      null;
    connectionState.profile = profile;
    const profileRegion = profiles.find((p) => p.name === profile)?.region ?? null;
    connectionState.region =
      (last.region && regions.includes(last.region) ? last.region : null) ?? profileRegion ?? null;
    connectionState.endpoint = last.endpoint ?? '';
    connectionState.choicesLoaded = true;
  } catch (err) {
    const explained = explainAwsError(asIpcError(err));
    connectionState.choicesError =
      explained.problem === 'other'
        ? { ...explained, title: 'The AWS profiles could not be read' }
        : explained;
  }
}

/** A new profile brings its own region, when it names one. */
export function chooseProfile(name: string | null): void {
  connectionState.profile = name;
  const region = connectionState.profiles.find((p) => p.name === name)?.region;
  if (region) connectionState.region = region;
  forgetCheck();
}

export function forgetCheck(): void {
  connectionState.check = null;
  connectionState.error = null;
  connectionState.functions = [];
  connectionState.functionsError = null;
  remember();
}

/** Checks the connection (account, concurrency), then lists the region's functions. */
export async function connect(): Promise<boolean> {
  const connection = currentConnection();
  connectionState.checking = true;
  connectionState.error = null;
  connectionState.check = null;
  remember();
  try {
    connectionState.check = await unwrap(coldstart().checkAwsConnection(connection));
  } catch (err) {
    connectionState.error = explainAwsError(asIpcError(err), connection.profile, isSso(connection.profile));
    return false;
  } finally {
    connectionState.checking = false;
  }
  await refreshFunctions();
  return true;
}

export async function refreshFunctions(): Promise<void> {
  const connection = currentConnection();
  connectionState.loadingFunctions = true;
  connectionState.functionsError = null;
  try {
    connectionState.functions = await unwrap(coldstart().listFunctions(connection));
  } catch (err) {
    connectionState.functionsError = explainAwsError(
      asIpcError(err),
      connection.profile,
      isSso(connection.profile),
    );
  } finally {
    connectionState.loadingFunctions = false;
  }
}

/** For tests: back to a fresh start. */
export function resetConnectionState(): void {
  Object.assign(connectionState, {
    profiles: [],
    regions: [],
    profile: null,
    region: null,
    endpoint: '',
    choicesLoaded: false,
    choicesError: null,
    checking: false,
    check: null,
    error: null,
    functions: [],
    loadingFunctions: false,
    functionsError: null,
  });
}
