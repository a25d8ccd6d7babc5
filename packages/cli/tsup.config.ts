import { bayanTsupConfig } from '@bayan-internal/tsup-config';

export default bayanTsupConfig({ platform: 'node', bin: ['src/bin.ts'] });
