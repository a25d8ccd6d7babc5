import { createVocabulary, type Vocabulary, type VocabularyTerm } from './vocabulary';

const BASE = 'http://publications.europa.eu/resource/authority/file-type/';

/** A file type from the EU file-type table, with what the openness and quality scores need to know. */
export interface FileTypeTerm extends VocabularyTerm {
  /** The IANA media type (`text/csv`); the most common one when several are used. */
  mediaType: string;
  /** File name extensions, lower case, without the dot. */
  extensions: string[];
  /** The specification is public and free to implement. */
  open: boolean;
  /** Software can read the data inside without human interpretation (a table, a tree, a graph, a geometry). */
  machineReadable: boolean;
  /** No single vendor controls the format (the openness "3 stars" criterion). */
  nonProprietary: boolean;
}

interface Flags {
  open: boolean;
  machineReadable: boolean;
  nonProprietary: boolean;
}

const OPEN_DATA: Flags = { open: true, machineReadable: true, nonProprietary: true };
const OPEN_DOCUMENT: Flags = { open: true, machineReadable: false, nonProprietary: true };
const VENDOR_DATA: Flags = { open: true, machineReadable: true, nonProprietary: false };
const CLOSED_DATA: Flags = { open: false, machineReadable: true, nonProprietary: false };
const CLOSED_DOCUMENT: Flags = { open: false, machineReadable: false, nonProprietary: false };

function fileType(
  code: string,
  labels: [fr: string, ar: string, en: string],
  mediaType: string,
  extensions: string[],
  flags: Flags,
  aliases: string[] = [],
): FileTypeTerm {
  const [fr, ar, en] = labels;
  // The media type, every extension and the bare code are aliases too: `find('xls')`,
  // `find('.xlsx')` and `find('text/csv')` all work.
  return {
    uri: `${BASE}${code}`,
    code,
    labels: { fr, ar, en },
    aliases: [mediaType, ...extensions, ...extensions.map((e) => `.${e}`), ...aliases],
    mediaType,
    extensions,
    ...flags,
  };
}

const TERMS: FileTypeTerm[] = [
  // Tables
  fileType('CSV', ['CSV', 'CSV (قيم مفصولة بفواصل)', 'CSV'], 'text/csv', ['csv'], OPEN_DATA, ['comma separated values', 'text/comma-separated-values', 'application/csv']),
  fileType('TSV', ['TSV', 'TSV (قيم مفصولة بعلامات جدولة)', 'TSV'], 'text/tab-separated-values', ['tsv', 'tab'], OPEN_DATA, ['tab separated values']),
  fileType('XLSX', ['Classeur Excel (XLSX)', 'مصنف إكسل (XLSX)', 'Excel workbook (XLSX)'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ['xlsx'], VENDOR_DATA, [
    'excel 2007',
    'ms excel 2007',
    'openxml spreadsheet',
  ]),
  fileType('XLS', ['Classeur Excel 97-2003 (XLS)', 'مصنف إكسل 97-2003 (XLS)', 'Excel 97-2003 workbook (XLS)'], 'application/vnd.ms-excel', ['xls'], CLOSED_DATA, [
    'excel',
    'ms excel',
    'microsoft excel',
  ]),
  fileType('ODS', ['Classeur OpenDocument (ODS)', 'جدول OpenDocument (ODS)', 'OpenDocument spreadsheet (ODS)'], 'application/vnd.oasis.opendocument.spreadsheet', ['ods'], OPEN_DATA, [
    'opendocument spreadsheet',
    'libreoffice calc',
  ]),
  fileType('PARQUET', ['Apache Parquet', 'أباتشي باركيه', 'Apache Parquet'], 'application/vnd.apache.parquet', ['parquet'], OPEN_DATA, ['application/x-parquet']),
  fileType('SQL', ['Script SQL', 'نص SQL', 'SQL script'], 'application/sql', ['sql'], OPEN_DATA, ['sql dump']),
  fileType('MDB', ['Base Microsoft Access (MDB)', 'قاعدة بيانات مايكروسوفت أكسس (MDB)', 'Microsoft Access database (MDB)'], 'application/vnd.ms-access', ['mdb'], CLOSED_DATA, ['access', 'ms access']),
  fileType('ACCDB', ['Base Microsoft Access (ACCDB)', 'قاعدة بيانات مايكروسوفت أكسس (ACCDB)', 'Microsoft Access database (ACCDB)'], 'application/msaccess', ['accdb'], CLOSED_DATA),
  fileType('DBF', ['Table dBase (DBF)', 'جدول dBase (DBF)', 'dBase table (DBF)'], 'application/dbase', ['dbf'], VENDOR_DATA, ['dbase', 'application/x-dbf']),
  // Structured data
  fileType('JSON', ['JSON', 'JSON', 'JSON'], 'application/json', ['json'], OPEN_DATA, ['text/json']),
  fileType('XML', ['XML', 'XML', 'XML'], 'application/xml', ['xml'], OPEN_DATA, ['text/xml']),
  fileType('XSD', ['Schéma XML (XSD)', 'مخطط XML (XSD)', 'XML Schema (XSD)'], 'application/xml', ['xsd'], OPEN_DATA, ['xml schema']),
  fileType('ATOM', ['Flux Atom', 'موجز أتوم', 'Atom feed'], 'application/atom+xml', ['atom'], OPEN_DATA, ['atom feed']),
  fileType('RSS', ['Flux RSS', 'موجز RSS', 'RSS feed'], 'application/rss+xml', ['rss'], OPEN_DATA, ['rss feed']),
  fileType('ICAL', ['Calendrier iCalendar', 'تقويم iCalendar', 'iCalendar'], 'text/calendar', ['ics', 'ical'], OPEN_DATA, ['icalendar']),
  // Linked data
  fileType('RDF_XML', ['RDF/XML', 'RDF/XML', 'RDF/XML'], 'application/rdf+xml', ['rdf', 'owl'], OPEN_DATA, ['rdf/xml', 'rdf xml']),
  fileType('RDF', ['RDF', 'RDF', 'RDF'], 'application/rdf+xml', [], OPEN_DATA),
  fileType('RDF_TURTLE', ['RDF Turtle', 'RDF Turtle', 'RDF Turtle'], 'text/turtle', ['ttl'], OPEN_DATA, ['turtle']),
  fileType('RDF_N_TRIPLES', ['RDF N-Triples', 'RDF N-Triples', 'RDF N-Triples'], 'application/n-triples', ['nt'], OPEN_DATA, ['n-triples', 'ntriples', 'n_triples']),
  fileType('RDF_N_QUADS', ['RDF N-Quads', 'RDF N-Quads', 'RDF N-Quads'], 'application/n-quads', ['nq'], OPEN_DATA, ['n-quads', 'nquads']),
  fileType('RDF_TRIG', ['RDF TriG', 'RDF TriG', 'RDF TriG'], 'application/trig', ['trig'], OPEN_DATA, ['trig']),
  fileType('N3', ['Notation 3', 'Notation 3', 'Notation 3'], 'text/n3', ['n3'], OPEN_DATA, ['notation3']),
  fileType('JSON_LD', ['JSON-LD', 'JSON-LD', 'JSON-LD'], 'application/ld+json', ['jsonld'], OPEN_DATA, ['json-ld']),
  fileType('SPARQLQ', ['Requête SPARQL', 'استعلام SPARQL', 'SPARQL query'], 'application/sparql-query', ['rq', 'sparql'], OPEN_DATA, ['sparql query', 'sparql endpoint']),
  fileType('SPARQLQRES', ['Résultats SPARQL', 'نتائج SPARQL', 'SPARQL results'], 'application/sparql-results+json', ['srj', 'srx'], OPEN_DATA, ['sparql results']),
  // Documents
  fileType('PDF', ['PDF', 'PDF', 'PDF'], 'application/pdf', ['pdf'], OPEN_DOCUMENT, ['adobe pdf']),
  fileType('DOCX', ['Document Word (DOCX)', 'مستند وورد (DOCX)', 'Word document (DOCX)'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ['docx'], {
    open: true,
    machineReadable: false,
    nonProprietary: false,
  }),
  fileType('DOC', ['Document Word 97-2003 (DOC)', 'مستند وورد 97-2003 (DOC)', 'Word 97-2003 document (DOC)'], 'application/msword', ['doc'], CLOSED_DOCUMENT, ['word', 'ms word']),
  fileType('ODT', ['Texte OpenDocument (ODT)', 'نص OpenDocument (ODT)', 'OpenDocument text (ODT)'], 'application/vnd.oasis.opendocument.text', ['odt'], OPEN_DOCUMENT),
  fileType('RTF', ['RTF', 'RTF', 'RTF'], 'application/rtf', ['rtf'], { open: true, machineReadable: false, nonProprietary: false }),
  fileType('PPTX', ['Présentation PowerPoint (PPTX)', 'عرض باوربوينت (PPTX)', 'PowerPoint presentation (PPTX)'], 'application/vnd.openxmlformats-officedocument.presentationml.presentation', ['pptx'], {
    open: true,
    machineReadable: false,
    nonProprietary: false,
  }),
  fileType('PPT', ['Présentation PowerPoint 97-2003 (PPT)', 'عرض باوربوينت 97-2003 (PPT)', 'PowerPoint 97-2003 presentation (PPT)'], 'application/vnd.ms-powerpoint', ['ppt'], CLOSED_DOCUMENT, ['powerpoint']),
  fileType('TXT', ['Texte brut', 'نص عادي', 'Plain text'], 'text/plain', ['txt'], OPEN_DOCUMENT, ['text', 'texte']),
  fileType('HTML', ['Page web (HTML)', 'صفحة ويب (HTML)', 'Web page (HTML)'], 'text/html', ['html', 'htm'], OPEN_DOCUMENT, ['web page', 'webpage', 'page web', 'website']),
  fileType('XHTML', ['XHTML', 'XHTML', 'XHTML'], 'application/xhtml+xml', ['xhtml'], OPEN_DOCUMENT),
  fileType('MD', ['Markdown', 'ماركداون', 'Markdown'], 'text/markdown', ['md', 'markdown'], OPEN_DOCUMENT),
  // Images
  fileType('TIFF', ['Image TIFF', 'صورة TIFF', 'TIFF image'], 'image/tiff', ['tif', 'tiff'], OPEN_DOCUMENT),
  fileType('JPEG', ['Image JPEG', 'صورة JPEG', 'JPEG image'], 'image/jpeg', ['jpg', 'jpeg'], OPEN_DOCUMENT, ['jpg']),
  fileType('PNG', ['Image PNG', 'صورة PNG', 'PNG image'], 'image/png', ['png'], OPEN_DOCUMENT),
  fileType('GIF', ['Image GIF', 'صورة GIF', 'GIF image'], 'image/gif', ['gif'], OPEN_DOCUMENT),
  fileType('SVG', ['Image SVG', 'صورة SVG', 'SVG image'], 'image/svg+xml', ['svg'], OPEN_DOCUMENT),
  // Archives
  fileType('ZIP', ['Archive ZIP', 'أرشيف ZIP', 'ZIP archive'], 'application/zip', ['zip'], OPEN_DOCUMENT, ['application/x-zip-compressed']),
  fileType('GZIP', ['Archive GZIP', 'أرشيف GZIP', 'GZIP archive'], 'application/gzip', ['gz', 'gzip'], OPEN_DOCUMENT, ['application/x-gzip']),
  fileType('TAR', ['Archive TAR', 'أرشيف TAR', 'TAR archive'], 'application/x-tar', ['tar'], OPEN_DOCUMENT),
  fileType('7Z', ['Archive 7-Zip', 'أرشيف 7-Zip', '7-Zip archive'], 'application/x-7z-compressed', ['7z'], OPEN_DOCUMENT, ['7zip']),
  fileType('RAR', ['Archive RAR', 'أرشيف RAR', 'RAR archive'], 'application/vnd.rar', ['rar'], CLOSED_DOCUMENT, ['application/x-rar-compressed']),
  // Geographic data (after documents, images and archives: `image/tiff` is TIFF, `application/zip` is ZIP)
  fileType('GEOJSON', ['GeoJSON', 'GeoJSON', 'GeoJSON'], 'application/geo+json', ['geojson'], OPEN_DATA, ['application/vnd.geo+json']),
  fileType('SHP', ['Shapefile Esri', 'ملف أشكال Esri', 'Esri Shapefile'], 'application/vnd.shp', ['shp'], VENDOR_DATA, ['shapefile', 'esri shapefile', 'shape', 'application/x-shapefile']),
  fileType('KML', ['KML', 'KML', 'KML'], 'application/vnd.google-earth.kml+xml', ['kml'], OPEN_DATA, ['keyhole markup language']),
  fileType('KMZ', ['KMZ (KML compressé)', 'KMZ (KML مضغوط)', 'KMZ (zipped KML)'], 'application/vnd.google-earth.kmz', ['kmz'], OPEN_DATA),
  fileType('GPKG', ['GeoPackage', 'GeoPackage', 'GeoPackage'], 'application/geopackage+sqlite3', ['gpkg'], OPEN_DATA, ['geopackage']),
  fileType('GML', ['GML', 'GML', 'GML'], 'application/gml+xml', ['gml'], OPEN_DATA, ['geography markup language']),
  fileType('GPX', ['GPX', 'GPX', 'GPX'], 'application/gpx+xml', ['gpx'], OPEN_DATA),
  fileType('WMS_SRVC', ['Service WMS', 'خدمة WMS', 'WMS service'], 'application/vnd.ogc.wms_xml', [], OPEN_DATA, ['wms', 'ogc wms', 'web map service']),
  fileType('WFS_SRVC', ['Service WFS', 'خدمة WFS', 'WFS service'], 'application/vnd.ogc.wfs_xml', [], OPEN_DATA, ['wfs', 'ogc wfs', 'web feature service']),
  fileType('WCS_SRVC', ['Service WCS', 'خدمة WCS', 'WCS service'], 'application/vnd.ogc.wcs_xml', [], OPEN_DATA, ['wcs', 'web coverage service']),
  fileType('WMTS_SRVC', ['Service WMTS', 'خدمة WMTS', 'WMTS service'], 'application/vnd.ogc.wmts_xml', [], OPEN_DATA, ['wmts', 'web map tile service']),
  fileType('GTFS', ['GTFS (horaires de transport)', 'GTFS (جداول النقل)', 'GTFS (transit feed)'], 'application/zip', [], OPEN_DATA, ['general transit feed specification', 'gtfs feed']),
  fileType('NETCDF', ['NetCDF', 'NetCDF', 'NetCDF'], 'application/netcdf', ['nc', 'netcdf'], OPEN_DATA, ['application/x-netcdf']),
  fileType('HDF', ['HDF', 'HDF', 'HDF'], 'application/x-hdf', ['hdf', 'h5', 'hdf5'], OPEN_DATA, ['hdf5']),
  fileType('GRIB', ['GRIB', 'GRIB', 'GRIB'], 'application/x-grib', ['grib', 'grb', 'grib2'], OPEN_DATA),
  fileType('GEOTIFF', ['GeoTIFF', 'GeoTIFF', 'GeoTIFF'], 'image/tiff', ['geotiff', 'gtiff'], OPEN_DATA, ['geo tiff']),
  fileType('DWG', ['Dessin AutoCAD (DWG)', 'رسم أوتوكاد (DWG)', 'AutoCAD drawing (DWG)'], 'image/vnd.dwg', ['dwg'], CLOSED_DATA, ['autocad']),
  fileType('DXF', ['DXF', 'DXF', 'DXF'], 'image/vnd.dxf', ['dxf'], VENDOR_DATA),
  fileType('LAS', ['Nuage de points LAS', 'سحابة نقاط LAS', 'LAS point cloud'], 'application/vnd.las', ['las'], OPEN_DATA, ['lidar']),
];

function baseOf(text: string): string {
  // `text/csv; charset=utf-8` → `text/csv`; `https://…/data.csv?x=1` → `csv`
  const withoutParameters = text.split(';', 1)[0] ?? text;
  return withoutParameters.trim();
}

function extensionOfUrl(text: string): string | undefined {
  if (!/^https?:\/\//i.test(text)) return undefined;
  const path = text.replace(/[?#].*$/, '');
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(path.slice(path.lastIndexOf('/') + 1));
  return m?.[1];
}

function createFileTypes(): Vocabulary<FileTypeTerm> {
  const vocabulary = createVocabulary('file-type', 'http://publications.europa.eu/resource/authority/file-type', TERMS);
  return {
    ...vocabulary,
    find: (text) => {
      if (typeof text !== 'string') return undefined;
      const direct = vocabulary.find(text);
      if (direct) return direct;
      const base = baseOf(text);
      if (base !== text) {
        const found = vocabulary.find(base);
        if (found) return found;
      }
      const extension = extensionOfUrl(text);
      return extension === undefined ? undefined : vocabulary.find(extension);
    },
  };
}

/**
 * The file types a national portal sees most (CSV, XLSX, JSON, GeoJSON, SHP, PDF, RDF…), with their
 * EU file-type URI, IANA media type, extensions and openness flags. `find` accepts the EU code, a
 * CKAN format name, an extension (with or without the dot), a media type (parameters ignored) or a
 * download URL ending in a known extension.
 *
 * @example
 * ```ts
 * fileTypes.find('xls')?.code;                    // 'XLS'
 * fileTypes.find('text/csv; charset=utf-8')?.uri; // '…/file-type/CSV'
 * fileTypes.find('XLSX')?.nonProprietary;         // false
 * ```
 */
export const fileTypes: Vocabulary<FileTypeTerm> = createFileTypes();
