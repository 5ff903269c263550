import type { Engine } from '../engine/engine-api';
// The only place main learns where the engine comes from (becomes '../engine/index' once the engine is merged).
import { createEngine } from './engine-unavailable';

let engine: Engine | null = null;

/** The one engine of the app, created on first use over the state dir the CLI shares. */
export function getEngine(stateDir: string): Engine {
  engine ??= createEngine({ stateDir });
  return engine;
}
