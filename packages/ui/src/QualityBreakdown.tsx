import type { LocalizedMessage } from '@bayan/schema';
import { useId } from 'react';
import { useBayanI18n } from './BayanProvider';
import { MultilingualText } from './MultilingualText';
import { QualityBadge } from './QualityBadge';
import { mqaDimensionMax, qualityBand } from './quality';
import type { QualityBand, QualityDimensionId } from './quality';

/** Score of one MQA dimension. */
export interface QualityDimensionScore {
  id: QualityDimensionId;
  score: number;
  /** Maximum; default the MQA maximum of the dimension. */
  max?: number;
}

/** A way to raise the score, as the scorer reports it. */
export interface QualityHint {
  /** Stable key (the metric id), used as React key. */
  id: string;
  message: LocalizedMessage | Partial<LocalizedMessage> | string;
  dimension?: QualityDimensionId;
  /** Points gained by following the hint. */
  points?: number;
}

/** Props of {@link QualityBreakdown}. */
export interface QualityBreakdownProps {
  /** MQA total, 0 to 405. */
  score: number;
  /** Band; default computed from the score. */
  band?: QualityBand;
  dimensions: readonly QualityDimensionScore[];
  hints?: readonly QualityHint[];
  /** Heading level of the section title; default 2. */
  headingLevel?: 2 | 3 | 4;
  className?: string;
}

/**
 * The metadata quality of a dataset: total and band, one labelled `<meter>` per MQA dimension
 * ("Trouvabilité : 80 sur 100 points"), and the hints that would raise it, with their points.
 * A `<section>` named by its heading.
 * @example
 * <QualityBreakdown score={287} dimensions={[{ id: 'findability', score: 80 }]}
 *   hints={[{ id: 'keywords', message: { fr: 'Ajoutez des mots-clés', ar: 'أضف كلمات مفتاحية', en: 'Add keywords' }, points: 30 }]} />
 */
export function QualityBreakdown({
  score,
  band,
  dimensions,
  hints = [],
  headingLevel = 2,
  className,
}: QualityBreakdownProps) {
  const { t, formatNumber } = useBayanI18n();
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  const SubHeading = `h${Math.min(headingLevel + 1, 6)}` as 'h3';
  const resolved = band ?? qualityBand(score);
  return (
    <section
      aria-labelledby={`${id}-title`}
      className={['bayan-quality', className].filter(Boolean).join(' ')}
      data-band={resolved}
    >
      <Heading id={`${id}-title`} className="bayan-quality__title">
        {t('quality.breakdown')}
      </Heading>
      <QualityBadge score={score} band={resolved} />
      <ul className="bayan-quality__dimensions">
        {dimensions.map((dimension) => {
          const max = dimension.max ?? mqaDimensionMax[dimension.id];
          const value = Math.min(Math.max(0, dimension.score), max);
          const name = t(`quality.dimension.${dimension.id}`);
          const labelId = `${id}-${dimension.id}`;
          return (
            <li key={dimension.id} className="bayan-quality__dimension" data-dimension={dimension.id}>
              <span id={labelId} className="bayan-quality__dimension-label">
                <span className="bayan-quality__dimension-name">{name}</span>{' '}
                <span className="bayan-quality__dimension-score" aria-hidden="true">
                  {t('quality.total', { score: formatNumber(value), max: formatNumber(max) })}
                </span>
              </span>
              <meter
                className="bayan-quality__meter"
                min={0}
                max={max}
                low={max * 0.3}
                high={max * 0.7}
                optimum={max}
                value={value}
                aria-labelledby={labelId}
                aria-valuetext={t('quality.dimension', { name, score: formatNumber(value), max: formatNumber(max) })}
              />
            </li>
          );
        })}
      </ul>
      {hints.length > 0 ? (
        <>
          <SubHeading className="bayan-quality__hints-title">{t('quality.hints')}</SubHeading>
          <ul className="bayan-quality__hints">
            {hints.map((hint) => (
              <li key={hint.id} className="bayan-quality__hint" data-dimension={hint.dimension}>
                <MultilingualText value={hint.message} />
                {hint.points !== undefined ? (
                  <>
                    {' '}
                    <span className="bayan-quality__hint-points">{t('quality.hint.points', { points: hint.points })}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
