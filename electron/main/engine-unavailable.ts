import { EngineError, type Engine, type EngineOptions } from '../engine/engine-api';

const unavailable = (): never => {
  throw new EngineError(
    'io',
    'The measuring engine is not part of this build.',
    'Rebuild the app with the engine.',
  );
};

/** Stands in for electron/engine/index.ts until that lands: the app starts, every AWS call says why it can't. */
export function createEngine(_options: EngineOptions): Engine {
  return {
    listProfiles: async () => unavailable(),
    listRegions: () => [],
    checkConnection: async () => unavailable(),
    listFunctions: async () => unavailable(),
    startMeasurement: async () => unavailable(),
    startFetch: async () => unavailable(),
    listRuns: async () => [],
    openRun: async () => unavailable(),
    renameRun: async () => unavailable(),
    deleteRun: async () => unavailable(),
    findInterruptedRuns: async () => [],
    recoverInterruptedRuns: async () => [],
  };
}
