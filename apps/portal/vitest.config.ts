import { bayanVitestProject } from '@bayan-internal/vitest-config';

export default bayanVitestProject(import.meta.url, { testTimeout: 120_000 });
