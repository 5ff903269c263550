import type { Command } from '../io';
import { statsCommand } from './stats';
import { measureCommand } from './measure';
import { recoverCommand } from './recover';
import { runsCommand } from './runs';

/** Every CLI command, in the order `coldstart --help` lists them. */
export const commands: Command[] = [statsCommand, measureCommand, recoverCommand, runsCommand];
