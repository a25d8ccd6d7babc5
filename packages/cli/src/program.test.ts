import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import manifest from '../package.json' with { type: 'json' };
import { createProgram } from './program.js';

const bin = fileURLToPath(new URL('../bin/bayan.js', import.meta.url));

describe('createProgram', () => {
  it('names the command bayan and carries the package version', () => {
    const program = createProgram();
    expect(program.name()).toBe('bayan');
    expect(program.version()).toBe(manifest.version);
  });
});

// These run the built command (npm test builds first), as a user's shell would.
describe('the built bayan command', () => {
  it('prints its version', () => {
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()).toBe(manifest.version);
  });

  it('prints help that names the command', () => {
    expect(execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })).toContain('Usage: bayan');
  });

  it('exits 2 on an unknown command', () => {
    const result = spawnSync(process.execPath, [bin, 'no-such-command'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
  });
});
