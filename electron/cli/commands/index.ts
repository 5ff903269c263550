import type { Command } from '../io';
import { statsCommand } from './stats';
import { measureCommand } from './measure';
import { recoverCommand } from './recover';
import { runsCommand } from './runs';
import { fetchCommand } from './fetch';
import { compareCommand } from './compare';
import { trendCommand } from './trend';

/** Every CLI command, in the order `coldstart --help` lists them. */
export const commands: Command[] = [
  statsCommand,
  measureCommand,
  fetchCommand,
  recoverCommand,
  runsCommand,
  compareCommand,
  trendCommand,
];
