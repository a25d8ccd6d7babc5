import { describe, expect, it } from 'vitest';
import { fileTypes } from './fileTypes';

describe('fileTypes', () => {
  it('has at least the 40 formats a portal sees most, each with an EU URI and a media type', () => {
    expect(fileTypes.terms.length).toBeGreaterThanOrEqual(40);
    for (const code of ['CSV', 'XLSX', 'XLS', 'JSON', 'GEOJSON', 'XML', 'PDF', 'DOCX', 'DOC', 'ODS', 'ODT', 'ZIP', 'SHP', 'KML', 'KMZ', 'GPKG', 'PARQUET', 'RDF_XML', 'RDF_TURTLE', 'JSON_LD', 'RDF_N_TRIPLES', 'TSV', 'TXT', 'HTML', 'GML', 'WMS_SRVC', 'WFS_SRVC', 'GTFS', 'NETCDF', 'TIFF', 'GEOTIFF', 'JPEG', 'PNG', 'SQL', 'MDB', 'DBF', 'SPARQLQ']) {
      const term = fileTypes.byUri(`http://publications.europa.eu/resource/authority/file-type/${code}`);
      expect(term?.code).toBe(code);
      expect(term?.mediaType).toMatch(/^[a-z]+\/[a-z0-9.+_-]+$/);
    }
  });

  it('finds a format by CKAN name, extension, media type or URL', () => {
    expect(fileTypes.find('xls')?.code).toBe('XLS');
    expect(fileTypes.find('XLSX')?.code).toBe('XLSX');
    expect(fileTypes.find('.xlsx')?.code).toBe('XLSX');
    expect(fileTypes.find('text/csv')?.code).toBe('CSV');
    expect(fileTypes.find('text/csv; charset=utf-8')?.code).toBe('CSV');
    expect(fileTypes.find('GeoJSON')?.code).toBe('GEOJSON');
    expect(fileTypes.find('application/zip')?.code).toBe('ZIP');
    expect(fileTypes.find('image/tiff')?.code).toBe('TIFF');
    expect(fileTypes.find('application/rdf+xml')?.code).toBe('RDF_XML');
    expect(fileTypes.find('WMS')?.code).toBe('WMS_SRVC');
    expect(fileTypes.find('rdf-xml')?.code).toBe('RDF_XML');
    expect(fileTypes.find('https://example.org/files/budget-2024.csv?download=1')?.code).toBe('CSV');
  });

  it('answers nothing for unknown formats and non-strings', () => {
    expect(fileTypes.find('banana')).toBeUndefined();
    expect(fileTypes.find('')).toBeUndefined();
    expect(fileTypes.find(42 as unknown as string)).toBeUndefined();
  });

  it('says which formats are open, machine-readable and non-proprietary', () => {
    expect(fileTypes.find('csv')).toMatchObject({ open: true, machineReadable: true, nonProprietary: true });
    expect(fileTypes.find('xls')).toMatchObject({ open: false, machineReadable: true, nonProprietary: false });
    expect(fileTypes.find('pdf')).toMatchObject({ machineReadable: false });
  });

  it('gives every term distinct URIs and labels in fr, ar and en', () => {
    expect(new Set(fileTypes.terms.map((t) => t.uri)).size).toBe(fileTypes.terms.length);
    for (const term of fileTypes.terms) {
      expect([term.labels.fr, term.labels.ar, term.labels.en].every((l) => l.length > 0)).toBe(true);
    }
  });
});
