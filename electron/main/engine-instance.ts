import type { Engine } from '../engine/engine-api';
import { createEngine } from '../engine/index';

let engine: Engine | null = null;

/** The one engine of the app, created on first use over the state dir the CLI shares. */
export function getEngine(stateDir: string): Engine {
  engine ??= createEngine({ stateDir });
  return engine;
}
