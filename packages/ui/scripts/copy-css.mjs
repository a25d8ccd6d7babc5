// Ships the stylesheet beside the JavaScript: `@bayan/ui/styles.css` resolves to dist/styles.css.
import { copyFileSync, mkdirSync } from 'node:fs';

mkdirSync(new URL('../dist/', import.meta.url), { recursive: true });
copyFileSync(new URL('../src/styles.css', import.meta.url), new URL('../dist/styles.css', import.meta.url));
