import { useBayanI18n } from './BayanProvider';
import { isoDate } from './format';
import { MultilingualText, pickLanguage } from './MultilingualText';
import type { TextValue } from './MultilingualText';

/** A downloadable file or link of a dataset (a DCAT distribution, as the page shows it). */
export interface ResourceItem {
  /** Stable id, used as React key. */
  id: string;
  title: TextValue;
  /** Download or access URL. */
  url: string;
  /** Format label (`CSV`, `XLSX`, `JSON`). */
  format?: string;
  /** Size in bytes. */
  byteSize?: number;
  /** Last modification date. */
  modified?: Date | string;
  description?: TextValue;
}

/** Props of {@link ResourceList}. */
export interface ResourceListProps {
  resources: readonly ResourceItem[];
  /** Heading level of each resource title; default 3. */
  headingLevel?: 3 | 4 | 5;
  className?: string;
}

/**
 * The resources of a dataset, each with format, size (decimal units, in the locale), date and a
 * download link whose accessible name says what and how big ("Télécharger Budget 2026 (CSV,
 * 1,3 Mo)"). An empty list says so.
 * @example
 * <ResourceList resources={[{ id: 'r1', title: { fr: 'Budget 2026' }, url: '/files/budget.csv', format: 'CSV', byteSize: 1_250_000, modified: '2026-03-01' }]} />
 */
export function ResourceList({ resources, headingLevel = 3, className }: ResourceListProps) {
  const { t, locale, formatBytes, formatDate } = useBayanI18n();
  const Heading = `h${headingLevel}` as const;
  if (resources.length === 0) {
    return <p className={['bayan-resources', className].filter(Boolean).join(' ')}>{t('resources.empty')}</p>;
  }
  return (
    <ul className={['bayan-resources', className].filter(Boolean).join(' ')}>
      {resources.map((resource) => {
        const size = resource.byteSize === undefined ? '' : formatBytes(resource.byteSize);
        const date = resource.modified === undefined ? undefined : isoDate(resource.modified);
        const titleText = pickLanguage(resource.title, locale)?.text ?? resource.url;
        const format = resource.format ?? '';
        return (
          <li key={resource.id} className="bayan-resource" data-format={format.toLowerCase() || undefined}>
            <Heading className="bayan-resource__title">
              <MultilingualText value={resource.title} />
            </Heading>
            {resource.description !== undefined ? (
              <MultilingualText as="p" value={resource.description} className="bayan-resource__description" />
            ) : null}
            <dl className="bayan-resource__facts">
              {format !== '' ? (
                <div>
                  <dt>{t('resources.format')}</dt>
                  <dd className="bayan-tag">{format}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t('resources.size')}</dt>
                <dd>{size === '' ? t('resources.sizeUnknown') : size}</dd>
              </div>
              {date !== undefined && resource.modified !== undefined ? (
                <div>
                  <dt>{t('resources.modified')}</dt>
                  <dd>
                    <time dateTime={date}>{formatDate(resource.modified)}</time>
                  </dd>
                </div>
              ) : null}
            </dl>
            <a
              href={resource.url}
              download
              className="bayan-resource__download bayan-button"
              data-variant="primary"
              aria-label={t('resources.downloadLabel', {
                title: titleText,
                format: format === '' ? '—' : format,
                size: size === '' ? t('resources.sizeUnknown') : size,
              })}
            >
              {t('resources.download')}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
