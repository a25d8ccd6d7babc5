import { bayanVitestProject } from '@bayan-internal/vitest-config';
import { mergeConfig } from 'vitest/config';

// jsdom costs far more to start than the tests take to run; these tests do not leak globals
// between files (each cleans the DOM), so files share their environment.
export default mergeConfig(bayanVitestProject(import.meta.url, { environment: 'jsdom' }), { test: { isolate: false } });
