import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../test/axe';
import { renderIn } from '../test/renderIn';
import { MQA_MAX_SCORE, mqaDimensionMax, qualityBand } from './quality';
import { QualityBadge } from './QualityBadge';
import { QualityBreakdown } from './QualityBreakdown';
import type { QualityBreakdownProps } from './QualityBreakdown';

const breakdown: QualityBreakdownProps = {
  score: 287,
  dimensions: [
    { id: 'findability', score: 80 },
    { id: 'accessibility', score: 100 },
    { id: 'interoperability', score: 50 },
    { id: 'reusability', score: 47 },
    { id: 'contextuality', score: 10 },
  ],
  hints: [
    { id: 'licence', dimension: 'reusability', points: 20, message: { fr: 'Indiquez une licence.', ar: 'حدد ترخيصًا.', en: 'Give a licence.' } },
    { id: 'keywords', dimension: 'findability', points: 1, message: { fr: 'Ajoutez des mots-clés.' } },
  ],
};

describe('MQA scale', () => {
  it('sums the five dimension maxima to 405', () => {
    expect(Object.values(mqaDimensionMax).reduce((a, b) => a + b, 0)).toBe(MQA_MAX_SCORE);
  });

  it('puts scores in the MQA bands at their thresholds', () => {
    expect([0, 120, 121, 220, 221, 350, 351, 405].map(qualityBand)).toEqual([
      'bad', 'bad', 'sufficient', 'sufficient', 'good', 'good', 'excellent', 'excellent',
    ]);
  });
});

describe('QualityBadge', () => {
  it('says the band and score in words, not only in colour', () => {
    const { container } = renderIn('fr', <QualityBadge score={287} />);
    const badge = container.querySelector('[data-band]');
    expect(badge?.getAttribute('data-band')).toBe('good');
    expect(screen.getByText('Qualité des métadonnées : Bonne, 287 sur 405 points')).toBeDefined();
  });

  it('speaks Arabic', () => {
    renderIn('ar', <QualityBadge score={372} />);
    expect(screen.getByText('جودة البيانات الوصفية: ممتازة، 372 من 405 نقطة')).toBeDefined();
  });

  it.each(['fr', 'ar'] as const)('has no axe violations in %s', async (locale) => {
    const { container } = renderIn(locale, <p><QualityBadge score={40} /></p>);
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('QualityBreakdown', () => {
  it('is a section named by its heading with one meter per dimension', () => {
    renderIn('fr', <QualityBreakdown {...breakdown} />);
    expect(screen.getByRole('region', { name: 'Détail de la qualité des métadonnées' })).toBeDefined();
    const meters = screen.getAllByRole('meter');
    expect(meters).toHaveLength(5);
    const interoperability = screen.getByRole('meter', { name: /Interopérabilité/ });
    expect(interoperability.getAttribute('max')).toBe('110');
    expect(interoperability.getAttribute('aria-valuetext')).toBe('Interopérabilité : 50 sur 110 points');
  });

  it('lists hints with the points they bring, falling back to French with a lang attribute', () => {
    renderIn('ar', <QualityBreakdown {...breakdown} />);
    expect(screen.getByRole('heading', { name: 'كيف يمكن تحسين هذه النتيجة' })).toBeDefined();
    const items = screen.getAllByRole('listitem').filter((item) => item.classList.contains('bayan-quality__hint'));
    expect(items.map((item) => item.querySelector('.bayan-quality__hint-points')?.textContent)).toEqual(['+20 نقطة', '+نقطة واحدة']);
    expect(screen.getByText('Ajoutez des mots-clés.').getAttribute('lang')).toBe('fr');
  });

  it('clamps out-of-range dimension scores', () => {
    renderIn('en', <QualityBreakdown score={500} dimensions={[{ id: 'contextuality', score: 35 }]} />);
    expect(screen.getByRole('meter').getAttribute('aria-valuetext')).toBe('Contextuality: 20 out of 20 points');
  });

  it.each(['fr', 'ar'] as const)('has no axe violations in %s', async (locale) => {
    const { container } = renderIn(locale, <QualityBreakdown {...breakdown} />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
