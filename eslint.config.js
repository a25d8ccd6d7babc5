import { bayanEslintConfig } from '@bayan-internal/eslint-config';

export default bayanEslintConfig;
