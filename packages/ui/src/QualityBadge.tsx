import { useBayanI18n } from './BayanProvider';
import { MQA_MAX_SCORE, qualityBand } from './quality';
import type { QualityBand } from './quality';

/** Props of {@link QualityBadge} (the `total`, `max` and `band` of a @bayan/quality report fit as they are). */
export interface QualityBadgeProps {
  /** Points earned, 0 to `max`. */
  total: number;
  /** Points possible; default 405 (MQA). */
  max?: number;
  /** Band; default computed from the score with the MQA edges. */
  band?: QualityBand;
  className?: string;
}

/**
 * A compact badge: the band word and the score ("Bonne · 287 / 405"), with `data-band` for
 * colouring. Assistive technology reads one sentence ("Qualité des métadonnées : Bonne, 287 sur
 * 405 points"), never the colour alone.
 * @example
 * <QualityBadge total={287} />
 */
export function QualityBadge({ total, max = MQA_MAX_SCORE, band, className }: QualityBadgeProps) {
  const { t, formatNumber } = useBayanI18n();
  const resolved = band ?? qualityBand(total, max);
  const bandLabel = t(`quality.band.${resolved}`);
  const clamped = Math.min(Math.max(0, total), max);
  return (
    <span className={['bayan-quality-badge', className].filter(Boolean).join(' ')} data-band={resolved}>
      <span aria-hidden="true" className="bayan-quality-badge__band">
        {bandLabel}
      </span>
      <span aria-hidden="true" className="bayan-quality-badge__score">
        {t('quality.total', { score: formatNumber(clamped), max: formatNumber(max) })}
      </span>
      <span className="bayan-sr-only">
        {t('quality.badge', { band: bandLabel, score: formatNumber(clamped), max: formatNumber(max) })}
      </span>
    </span>
  );
}
