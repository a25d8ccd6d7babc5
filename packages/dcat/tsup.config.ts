import { bayanTsupConfig } from '@bayan-internal/tsup-config';

export default bayanTsupConfig({ entry: { index: 'src/index.ts', node: 'src/node.ts' } });
