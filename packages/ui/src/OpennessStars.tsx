import { useBayanI18n } from './BayanProvider';

/** Props of {@link OpennessStars}. */
export interface OpennessStarsProps {
  /** Tim Berners-Lee's 5-star open data level, 0 to 5 (rounded and clamped). */
  stars: number;
  /** Also show what the level means ("Format ouvert, non propriétaire"); default false. */
  showDescription?: boolean;
  className?: string;
}

/**
 * The 5-star openness level. The star glyphs are decoration (`aria-hidden`); the level is given
 * in words ("3 étoiles d’ouverture sur 5") for everyone who does not see them, plus a description
 * of the level on request. `data-stars` carries the number for styling.
 * @example
 * <OpennessStars stars={3} showDescription />
 */
export function OpennessStars({ stars, showDescription = false, className }: OpennessStarsProps) {
  const { t } = useBayanI18n();
  const level = Math.min(5, Math.max(0, Math.round(Number.isFinite(stars) ? stars : 0))) as 0 | 1 | 2 | 3 | 4 | 5;
  return (
    <span className={['bayan-openness', className].filter(Boolean).join(' ')} data-stars={level}>
      <span className="bayan-openness__glyphs" aria-hidden="true">
        {[1, 2, 3, 4, 5].map((n) => (
          <span key={n} className="bayan-openness__star" data-state={n <= level ? 'on' : 'off'}>
            {n <= level ? '★' : '☆'}
          </span>
        ))}
      </span>
      <span className="bayan-sr-only">{t('openness.label', { stars: level })}</span>
      {showDescription ? <span className="bayan-openness__description">{t(`openness.level.${level}`)}</span> : null}
    </span>
  );
}
