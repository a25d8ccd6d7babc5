// `pnpm --filter @bayan/ui gallery`: server-renders every component in fr, ar and en (light and
// dark) into static pages under gallery/dist, with the package stylesheet inlined, so a browser
// can screenshot them with JavaScript disabled.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { BayanProvider, LanguageSwitcher, directionOf, locales } from '../src/index';
import type { Locale } from '../src/index';
import { galleryExamples } from './examples';

const outDir = new URL('./dist/', import.meta.url);
const css = readFileSync(new URL('../src/styles.css', import.meta.url), 'utf8');

const titles: Record<Locale, string> = {
  fr: 'Galerie des composants Bayan',
  ar: 'معرض مكونات بيان',
  en: 'Bayan component gallery',
};

const pageCss = `
body { margin: 0; background: var(--bayan-background); color: var(--bayan-foreground); font-family: var(--bayan-font-body); line-height: var(--bayan-line-height); }
.gallery-header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; padding-block: 1rem; padding-inline: 2rem; border-block-end: 1px solid var(--bayan-border); }
.gallery-header h1 { margin: 0; font-size: 1.5rem; }
main { display: grid; gap: 2rem; max-inline-size: 60rem; margin-inline: auto; padding: 2rem; }
.gallery-section > h2 { margin-block: 0 0.75rem; font-size: 1rem; font-family: ui-monospace, monospace; color: var(--bayan-muted-foreground); }
a { color: var(--bayan-link); }
`;

function page(locale: Locale, theme: 'light' | 'dark'): string {
  const suffix = theme === 'dark' ? '-dark' : '';
  const body = renderToStaticMarkup(
    <BayanProvider locale={locale}>
      <header className="gallery-header">
        <h1>{titles[locale]}</h1>
        <LanguageSwitcher hrefFor={(other) => `${other}${suffix}.html`} />
      </header>
      <main>
        {galleryExamples.map((example, index) => (
          <section key={example.name} className="gallery-section" aria-labelledby={`example-${index}`}>
            <h2 id={`example-${index}`}>{example.name}</h2>
            {example.render(locale)}
          </section>
        ))}
      </main>
    </BayanProvider>,
  );
  return `<!doctype html>
<html lang="${locale}" dir="${directionOf(locale)}" data-theme="${theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${titles[locale]}</title>
<style>${css}${pageCss}</style>
</head>
<body>${body}</body>
</html>
`;
}

mkdirSync(outDir, { recursive: true });
const written: string[] = [];
for (const locale of locales) {
  for (const theme of ['light', 'dark'] as const) {
    const file = `${locale}${theme === 'dark' ? '-dark' : ''}.html`;
    writeFileSync(new URL(file, outDir), page(locale, theme));
    written.push(file);
  }
}
const index = `<!doctype html>
<html lang="en" dir="ltr">
<head><meta charset="utf-8"><title>@bayan/ui gallery</title><style>${css}${pageCss}</style></head>
<body><main><h1>@bayan/ui gallery</h1><ul>${written
  .map((file) => `<li><a href="${file}">${file}</a></li>`)
  .join('')}</ul></main></body>
</html>
`;
writeFileSync(new URL('index.html', outDir), index);
console.log(`gallery: wrote ${written.length + 1} pages to packages/ui/gallery/dist (${written.join(', ')}, index.html)`);
