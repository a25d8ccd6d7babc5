import { useBayanI18n } from './BayanProvider';
import { isoDate } from './format';
import { MultilingualText, pickLanguage } from './MultilingualText';
import type { TextValue } from './MultilingualText';
import { OpennessStars } from './OpennessStars';
import { QualityBadge } from './QualityBadge';
import { richMessage } from './richMessage';

/** Props of {@link DatasetCard}. */
export interface DatasetCardProps {
  title: TextValue;
  /** Link to the dataset page. */
  href: string;
  description?: TextValue;
  publisher?: TextValue;
  /** File formats of the resources (`CSV`, `XLSX`, …), shown as tags. */
  formats?: readonly string[];
  /** Last modification date. */
  modified?: Date | string;
  /** MQA total score out of 405; shows a {@link QualityBadge}. */
  qualityScore?: number;
  /** Openness level, 0 to 5; shows {@link OpennessStars}. */
  openness?: number;
  /** Heading level of the title; default 3 (cards usually sit under a page's h2). */
  headingLevel?: 2 | 3 | 4;
  /** Longest description shown, in characters; default 240. */
  descriptionLength?: number;
  className?: string;
}

function excerpt(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * A search result or list entry: the title as a link inside a heading, the producer, a short
 * description, formats, modification date, quality badge and openness stars, in an `<article>`.
 * Metadata missing in the page's language falls back with its own `lang` (see {@link MultilingualText}).
 * @example
 * <DatasetCard href="/fr/datasets/budget-2026" title={{ fr: 'Budget 2026', ar: 'ميزانية 2026' }}
 *   publisher={{ fr: 'Ministère des Finances' }} formats={['CSV']} modified="2026-03-01" qualityScore={287} />
 */
export function DatasetCard({
  title,
  href,
  description,
  publisher,
  formats = [],
  modified,
  qualityScore,
  openness,
  headingLevel = 3,
  descriptionLength = 240,
  className,
}: DatasetCardProps) {
  const { t, locale, formatDate } = useBayanI18n();
  const Heading = `h${headingLevel}` as const;
  const picked = pickLanguage(description, locale);
  const shortDescription = picked ? { [picked.language]: excerpt(picked.text, descriptionLength) } : undefined;
  const date = modified === undefined ? undefined : isoDate(modified);
  return (
    <article className={['bayan-card', className].filter(Boolean).join(' ')}>
      <Heading className="bayan-card__title">
        <a href={href} className="bayan-card__link">
          <MultilingualText value={title} />
        </a>
      </Heading>
      {publisher !== undefined ? (
        <p className="bayan-card__publisher">
          {richMessage(t, 'dataset.publishedBy', {}, { publisher: <MultilingualText value={publisher} hideFallbackNote /> })}
        </p>
      ) : null}
      {shortDescription ? (
        <MultilingualText as="p" value={shortDescription} locale={locale} className="bayan-card__description" />
      ) : null}
      <div className="bayan-card__meta">
        {formats.length > 0 ? (
          <ul className="bayan-card__formats" aria-label={t('dataset.formats')}>
            {[...new Set(formats)].map((format) => (
              <li key={format} className="bayan-tag" data-format={format.toLowerCase()}>
                {format}
              </li>
            ))}
          </ul>
        ) : null}
        {date !== undefined && modified !== undefined ? (
          <p className="bayan-card__modified">
            {richMessage(t, 'dataset.modified', {}, { date: <time dateTime={date}>{formatDate(modified)}</time> })}
          </p>
        ) : null}
        {qualityScore !== undefined ? <QualityBadge total={qualityScore} /> : null}
        {openness !== undefined ? <OpennessStars stars={openness} /> : null}
      </div>
    </article>
  );
}
