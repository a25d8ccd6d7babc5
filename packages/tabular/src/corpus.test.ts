import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inferSchema, profileTable, validateTable } from './index';
import type { FieldDescriptor } from './index';
import { fromPath } from './node';

// Real Moroccan public data, ../shared/corpus/csv (see its SOURCES.md).
const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/csv/', import.meta.url));

const field = (fields: FieldDescriptor[] | undefined, name: string): FieldDescriptor | undefined => fields?.find((f) => f.name === name);

describe('real files of ../shared/corpus/csv', () => {
  it('keeps leading-zero region codes as strings and Arabic names intact', async () => {
    const { schema } = await inferSchema(fromPath(`${CORPUS}hcp2024_regions_zkousama.csv`));
    expect(field(schema?.fields, 'code')?.type).toBe('string');
    expect(field(schema?.fields, 'code_digits')?.type).toBe('string');
    expect(field(schema?.fields, 'population_2024')?.type).toBe('integer');
    const profile = await profileTable(fromPath(`${CORPUS}hcp2024_regions_zkousama.csv`));
    expect(profile.rows).toBe(12);
    expect(profile.columns[0]!.min).toBe('01');
    expect(profile.columns[3]!.topValues.map((v) => v.value)).toContain('طنجة-تطوان-الحسيمة');
  });

  it('keeps dotted hierarchical province codes and zero-padded digits as strings', async () => {
    const { schema } = await inferSchema(fromPath(`${CORPUS}hcp2024_provinces_zkousama.csv`));
    expect(field(schema?.fields, 'code')?.type).toBe('string');
    expect(field(schema?.fields, 'code_digits')?.type).toBe('string');
    expect(field(schema?.fields, 'region_code')?.type).toBe('string');
    const report = await validateTable(fromPath(`${CORPUS}hcp2024_provinces_zkousama.csv`), { schema });
    expect(report.valid).toBe(true);
    expect(report.tasks[0]!.stats.rows).toBe(83);
  });

  it('understands space thousands separators when the schema says so (CRLF file)', async () => {
    const file = `${CORPUS}hcp_rgph2004_active_employed_by_commune_scraped.csv`;
    const { schema } = await inferSchema(fromPath(file));
    expect(field(schema?.fields, 'active_population')).toMatchObject({ type: 'integer', groupChar: ' ' });
    const withGroups = await validateTable(fromPath(file), {
      schema: { fields: [{ name: 'region' }, { name: 'province' }, { name: 'municipality' }, { name: 'active_population', type: 'integer', groupChar: ' ' }, { name: 'employed_population', type: 'integer', groupChar: ' ' }] },
    });
    expect(withGroups.valid).toBe(true);
    expect(withGroups.tasks[0]!.stats.rows).toBe(1750);
    expect(withGroups.tasks[0]!.labels[4]).toBe('employed_population');
    const plain = await validateTable(fromPath(file), {
      schema: { fields: [{ name: 'region' }, { name: 'province' }, { name: 'municipality' }, { name: 'active_population', type: 'integer' }, { name: 'employed_population', type: 'integer' }] },
      limitErrors: 5,
    });
    expect(plain.tasks[0]!.errors[0]).toMatchObject({ type: 'type-error', rowNumber: 2, fieldNumber: 4, cell: '3 314' });
  });

  it('reads the Arabic heritage register with commas inside cells', async () => {
    const report = await validateTable(fromPath(`${CORPUS}mjcc_casablanca_heritage_register_2021_ar.csv`));
    expect(report.valid).toBe(true);
    expect(report.tasks[0]!.stats.rows).toBe(109);
    expect(report.tasks[0]!.labels[0]).toBe('official_gazette_reference_ar');
    const profile = await profileTable(fromPath(`${CORPUS}mjcc_casablanca_heritage_register_2021_ar.csv`));
    expect(profile.columns[0]!.topValues.some((v) => v.value.includes('،'))).toBe(true);
  });

  it('skips the merged banner of the Bank Al-Maghrib workbook and finds the header on row 6', async () => {
    const file = `${CORPUS}bam_detail-implantation-bancaire-2022_original.xlsx`;
    const inferred = await inferSchema(fromPath(file));
    expect(inferred.headerRow).toBe(6);
    expect(inferred.sheet).toBe('IMPLANTATION_BANCAIRE_2022');
    expect(inferred.warnings[0]).toContain('rows 1 to 5');
    expect(field(inferred.schema?.fields, 'CODE GUICHET')?.type).toBe('string');
    const profile = await profileTable(fromPath(file), { schema: inferred.schema });
    const codes = profile.columns.find((c) => c.name === 'CODE GUICHET')!;
    expect(codes.min).toMatch(/^0\d{6}$/);
    expect(profile.rows).toBe(5914);
    expect(profile.warnings.some((w) => w.includes('banner'))).toBe(true);
  });

  it('reads the postal codes sheet with an accented name and ignores stray empty columns', async () => {
    const report = await validateTable(fromPath(`${CORPUS}barid_codes-postaux-localites-2018.xlsx`), { sheet: 'Autres Localités' });
    expect(report.tasks[0]!.labels).toEqual(['REGION_POSTALE', 'PROVINCE', 'LOCALITE', 'NOUVEAU CODE POSTAL']);
    expect(report.tasks[0]!.errors.filter((e) => e.type.endsWith('label'))).toEqual([]);
  });

  it('keeps percentages stored as text in the CNOPS medicines list', async () => {
    const { schema, sheet } = await inferSchema(fromPath(`${CORPUS}cnops_ref-des-medicaments-cnops-2014.xlsx`));
    expect(sheet).toBe('Réf. des médicaments');
    expect(field(schema?.fields, 'PRIX_BR')?.type).toBe('number');
    expect(field(schema?.fields, 'TAUX_REMBOURSEMENT')?.type).toBe('string');
  });
});
