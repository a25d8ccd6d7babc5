import { bayanTsupConfig } from '@bayan-internal/tsup-config';

export default bayanTsupConfig();
