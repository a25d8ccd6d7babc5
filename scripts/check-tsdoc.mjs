#!/usr/bin/env node
// `pnpm check:tsdoc`: every symbol a published package exports (from each entry point its
// package.json names under `exports`) carries a documentation comment, and every exported function
// or class carries an @example. Reads the sources through the TypeScript compiler; prints each
// missing comment as file:line and exits 1 when any is missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const packagesDir = join(root, 'packages');

/** The source entry files of a package: the `@bayan/source` condition of each export. */
function entries(dir, pkg) {
  const found = [];
  const walk = (value) => {
    if (typeof value !== 'object' || value === null) return;
    if (typeof value['@bayan/source'] === 'string') found.push(join(dir, value['@bayan/source']));
    for (const inner of Object.values(value)) walk(inner);
  };
  walk(pkg.exports);
  return [...new Set(found)].filter((f) => /\.tsx?$/.test(f) && existsSync(f));
}

const missing = [];
let checked = 0;
for (const folder of readdirSync(packagesDir).sort()) {
  const dir = join(packagesDir, folder);
  const manifestPath = join(dir, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const pkg = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (pkg.private) continue;
  const files = entries(dir, pkg);
  if (files.length === 0) continue;
  const program = ts.createProgram(files, { allowJs: false, jsx: ts.JsxEmit.ReactJSX, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, noEmit: true, skipLibCheck: true, customConditions: ['@bayan/source'] });
  const checker = program.getTypeChecker();
  for (const file of files) {
    const source = program.getSourceFile(file);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declaration = symbol.declarations?.[0];
      if (!declaration) continue;
      const declFile = declaration.getSourceFile();
      // Only Bayan's own sources: re-exports of dependencies are documented upstream.
      if (!declFile.fileName.startsWith(packagesDir) || declFile.fileName.includes('node_modules')) continue;
      checked++;
      const docs = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
      const tags = symbol.getJsDocTags(checker);
      const where = `${relative(root, declFile.fileName)}:${declFile.getLineAndCharacterOfPosition(declaration.getStart()).line + 1}`;
      const callable = symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class);
      if (docs === '' && tags.length === 0) missing.push(`${where}  ${pkg.name} ${exported.name}: no documentation comment`);
      else if (callable && !tags.some((t) => t.name === 'example')) missing.push(`${where}  ${pkg.name} ${exported.name}: no @example`);
    }
  }
}

for (const line of missing) console.error(`✖ ${line}`);
console.log(`TSDoc: ${checked} exported symbols checked, ${missing.length} without documentation${missing.length > 0 ? '' : ' — all documented'}`);
process.exit(missing.length > 0 ? 1 : 0);
