// Gzipped JavaScript that @bayan/ui adds to a page, beside the bare baseline every hydrated React
// page pays (react + react-dom/client). Bundles the built package (`@bayan/ui`, dist) with esbuild,
// minified, for the browser. Run `pnpm --filter @bayan/ui build` first.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
// Entries live inside the package (in the git-ignored .bench/) so `@bayan/ui` resolves to itself.
mkdirSync(join(packageDir, '.bench'), { recursive: true });
const work = mkdtempSync(join(packageDir, '.bench', 'bundle-'));
const BUDGET_KB = 150;

async function gzippedSize(name: string, source: string, external: string[] = []): Promise<{ raw: number; gzip: number }> {
  const entry = join(work, `${name}.tsx`);
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    external,
    // Resolve `@bayan/ui`, react and intl-messageformat from this package, as an app would.
    nodePaths: [join(packageDir, 'node_modules')],
    absWorkingDir: packageDir,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const code = result.outputFiles[0]!.contents;
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

try {
  const baseline = await gzippedSize('baseline', `import { hydrateRoot } from 'react-dom/client'; import { createElement } from 'react'; hydrateRoot(document.body, createElement('p'));`);
  const allUi = await gzippedSize('ui-all', `export * from '@bayan/ui';`, ['react', 'react-dom', 'react/jsx-runtime']);
  const ownUi = await gzippedSize('ui-own', `export * from '@bayan/ui';`, ['react', 'react-dom', 'react/jsx-runtime', 'intl-messageformat']);
  const datasetPage = await gzippedSize(
    'dataset-page',
    `import { hydrateRoot } from 'react-dom/client';
     import { BayanProvider, Chart, DataTable, LanguageSwitcher, MultilingualText, OpennessStars, QualityBreakdown, ResourceList, SearchBox } from '@bayan/ui';
     hydrateRoot(document.body, <BayanProvider locale="fr"><LanguageSwitcher hrefFor={(l) => '/' + l} /><SearchBox />
       <MultilingualText value={{ fr: 'x' }} /><OpennessStars stars={3} /><QualityBreakdown total={1} dimensions={[]} />
       <ResourceList resources={[]} /><DataTable caption="t" columns={[]} rows={[]} />
       <Chart kind="bar" title="t" categories={[]} series={[]} /></BayanProvider>);`,
  );
  console.log('@bayan/ui bundle size (esbuild, minified, gzip -9)');
  console.log(`  baseline: react + react-dom/client hydrate  ${kb(baseline.gzip).padStart(9)}  (raw ${kb(baseline.raw)})`);
  console.log(`  @bayan/ui, every export (+ intl-messageformat) ${kb(allUi.gzip).padStart(9)}  (raw ${kb(allUi.raw)})  = ${(allUi.gzip / baseline.gzip).toFixed(2)}× baseline`);
  console.log(`  @bayan/ui own code (intl-messageformat apart)  ${kb(ownUi.gzip).padStart(9)}  (raw ${kb(ownUi.raw)})  = ${(ownUi.gzip / baseline.gzip).toFixed(2)}× baseline`);
  console.log(`  intl-messageformat share                       ${kb(allUi.gzip - ownUi.gzip).padStart(9)}`);
  console.log(
    `  dataset-page components + react-dom, hydrated  ${kb(datasetPage.gzip).padStart(9)}  = ${(datasetPage.gzip / baseline.gzip).toFixed(2)}× baseline, ${((datasetPage.gzip / 1024 / BUDGET_KB) * 100).toFixed(0)}% of the portal's ${BUDGET_KB} KB budget`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
