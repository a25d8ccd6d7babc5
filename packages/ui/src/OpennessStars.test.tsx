import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../test/axe';
import { renderIn } from '../test/renderIn';
import { OpennessStars } from './OpennessStars';

describe('OpennessStars', () => {
  it('gives the level in words and hides the glyphs from assistive technology', () => {
    const { container } = renderIn('fr', <OpennessStars stars={3} />);
    expect(screen.getByText('3 étoiles d’ouverture sur 5')).toBeDefined();
    const glyphs = container.querySelector('.bayan-openness__glyphs');
    expect(glyphs?.getAttribute('aria-hidden')).toBe('true');
    expect(glyphs?.textContent).toBe('★★★☆☆');
    expect(container.querySelectorAll('[data-state="on"]')).toHaveLength(3);
  });

  it('uses Arabic dual and plural forms', () => {
    renderIn('ar', <OpennessStars stars={2} />);
    expect(screen.getByText('نجمتا انفتاح من 5')).toBeDefined();
  });

  it('describes the level on request', () => {
    renderIn('en', <OpennessStars stars={3} showDescription />);
    expect(screen.getByText('Open, non-proprietary format')).toBeDefined();
  });

  it('clamps and rounds impossible levels', () => {
    const { container } = renderIn('en', <OpennessStars stars={7.6} />);
    expect(container.querySelector('[data-stars]')?.getAttribute('data-stars')).toBe('5');
    expect(screen.getByText('5 openness stars out of 5')).toBeDefined();
  });

  it.each(['fr', 'ar'] as const)('has no axe violations in %s', async (locale) => {
    const { container } = renderIn(locale, <p><OpennessStars stars={4} showDescription /></p>);
    expect(await axeViolations(container)).toEqual([]);
  });
});
