import type { Command } from '../io';
import { statsCommand } from './stats';

/** Every CLI command, in the order `coldstart --help` lists them. */
export const commands: Command[] = [statsCommand];
