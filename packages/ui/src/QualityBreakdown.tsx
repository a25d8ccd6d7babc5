import { useId } from 'react';
import { useBayanI18n } from './BayanProvider';
import { MultilingualText, pickLanguage } from './MultilingualText';
import type { TextValue } from './MultilingualText';
import { QualityBadge } from './QualityBadge';
import { MQA_MAX_SCORE, isMqaDimension, mqaDimensionMax, qualityBand } from './quality';
import type { QualityBand } from './quality';

/** Score of one dimension (a @bayan/quality `DimensionResult` fits as it is). */
export interface QualityDimensionScore {
  /** `findability`, `accessibility`, … (MQA) or a custom profile's dimension id. */
  id: string;
  points: number;
  /** Maximum; default the MQA maximum of the dimension. */
  max?: number;
  /** Label; default the catalogue's label for MQA dimensions, else the id. */
  label?: TextValue;
}

/** A way to raise the score (a @bayan/quality `Hint` fits as it is). */
export interface QualityHint {
  /** Stable key of the fix, used as React key. */
  key: string;
  /** What to do. */
  message: TextValue;
  /** Points won back by following it. */
  gain?: number;
}

/** Props of {@link QualityBreakdown}; spreading a @bayan/quality `QualityReport` fills them. */
export interface QualityBreakdownProps {
  /** Points earned, 0 to `max`. */
  total: number;
  /** Points possible; default 405 (MQA). */
  max?: number;
  /** Band; default computed from the score. */
  band?: QualityBand;
  dimensions: readonly QualityDimensionScore[];
  hints?: readonly QualityHint[];
  /** Heading level of the section title; default 2. */
  headingLevel?: 2 | 3 | 4;
  className?: string;
}

/**
 * The metadata quality of a dataset: total and band, one labelled `<meter>` per dimension
 * ("Trouvabilité : 80 sur 100 points"), and the hints that would raise it, with their points.
 * A `<section>` named by its heading.
 * @example
 * <QualityBreakdown {...qualityReport} />
 * <QualityBreakdown total={287} dimensions={[{ id: 'findability', points: 80 }]}
 *   hints={[{ key: 'keywords', message: { fr: 'Ajoutez des mots-clés', ar: 'أضف كلمات مفتاحية', en: 'Add keywords' }, gain: 30 }]} />
 */
export function QualityBreakdown({
  total,
  max = MQA_MAX_SCORE,
  band,
  dimensions,
  hints = [],
  headingLevel = 2,
  className,
}: QualityBreakdownProps) {
  const { t, locale, formatNumber } = useBayanI18n();
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  const SubHeading = `h${headingLevel + 1}` as 'h3' | 'h4' | 'h5';
  const resolved = band ?? qualityBand(total, max);
  return (
    <section
      aria-labelledby={`${id}-title`}
      className={['bayan-quality', className].filter(Boolean).join(' ')}
      data-band={resolved}
    >
      <Heading id={`${id}-title`} className="bayan-quality__title">
        {t('quality.breakdown')}
      </Heading>
      <QualityBadge total={total} max={max} band={resolved} />
      <ul className="bayan-quality__dimensions">
        {dimensions.map((dimension, index) => {
          const dimensionMax = dimension.max ?? (isMqaDimension(dimension.id) ? mqaDimensionMax[dimension.id] : 0);
          const value = Math.min(Math.max(0, dimension.points), dimensionMax);
          const name =
            (dimension.label === undefined ? undefined : pickLanguage(dimension.label, locale)?.text) ??
            (isMqaDimension(dimension.id) ? t(`quality.dimension.${dimension.id}`) : dimension.id);
          const labelId = `${id}-d${index}`;
          return (
            <li key={dimension.id} className="bayan-quality__dimension" data-dimension={dimension.id}>
              <span id={labelId} className="bayan-quality__dimension-label">
                <span className="bayan-quality__dimension-name">{name}</span>{' '}
                <span className="bayan-quality__dimension-score" aria-hidden="true">
                  {t('quality.total', { score: formatNumber(value), max: formatNumber(dimensionMax) })}
                </span>
              </span>
              <meter
                className="bayan-quality__meter"
                min={0}
                max={dimensionMax}
                low={dimensionMax * 0.3}
                high={dimensionMax * 0.7}
                optimum={dimensionMax}
                value={value}
                aria-labelledby={labelId}
                aria-valuetext={t('quality.dimension', { name, score: formatNumber(value), max: formatNumber(dimensionMax) })}
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
              <li key={hint.key} className="bayan-quality__hint">
                <MultilingualText value={hint.message} />
                {hint.gain !== undefined ? (
                  <>
                    {' '}
                    <span className="bayan-quality__hint-points">{t('quality.hint.points', { points: hint.gain })}</span>
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
