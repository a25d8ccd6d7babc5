import { bayanVitestProject } from '@bayan-internal/vitest-config';

export default bayanVitestProject(import.meta.url, { environment: 'jsdom' });
