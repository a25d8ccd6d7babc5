import { createProgram } from './program.js';

// Exit codes across Bayan's commands: 0 fine, 1 the input has problems, 2 unusable input or usage.
createProgram()
  .exitOverride((error) => {
    process.exit(error.exitCode === 0 ? 0 : 2);
  })
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
