// Public entry of @bayan/cli: explicit, sorted named exports only.
export { createProgram, version } from './program.js';
