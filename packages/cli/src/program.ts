import { Command } from 'commander';
import manifest from '../package.json' with { type: 'json' };
import { registerCatalog } from './commands/catalog';
import { registerDcat } from './commands/dcat';
import { registerHarvest } from './commands/harvest';
import { registerSchema } from './commands/schema';
import { registerScore } from './commands/score';
import { registerServe } from './commands/serve';
import { registerValidate } from './commands/validate';

/**
 * Builds the `bayan` command with every subcommand registered.
 *
 * Each capability adds its subcommand through a `register…` function called here, so the whole
 * command surface is visible in one place.
 *
 * @example
 * ```ts
 * import { createProgram } from '@bayan/cli';
 * await createProgram().parseAsync(['node', 'bayan', '--version']);
 * ```
 */
export function createProgram(): Command {
  const program = new Command('bayan')
    .description('Bayan — open data for public administrations (fr, ar, en).')
    .version(manifest.version, '-v, --version', 'print the version of bayan')
    .helpOption('-h, --help', 'show help for a command')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });
  registerCatalog(program);
  registerDcat(program);
  registerHarvest(program);
  registerSchema(program);
  registerScore(program);
  registerServe(program);
  registerValidate(program);
  return program;
}

/** The version of the `bayan` command, as published. */
export const version: string = manifest.version;
