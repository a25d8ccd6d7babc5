import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../test/axe';
import { renderIn } from '../test/renderIn';
import { MQA_MAX_SCORE, mqaDimensionMax, qualityBand } from './quality';
import { QualityBadge } from './QualityBadge';
import { QualityBreakdown } from './QualityBreakdown';
import type { QualityBreakdownProps } from './QualityBreakdown';

const breakdown: QualityBreakdownProps = {
  total: 287,
  dimensions: [
    { id: 'findability', points: 80 },
    { id: 'accessibility', points: 100 },
    { id: 'interoperability', points: 50 },
    { id: 'reusability', points: 47 },
    { id: 'contextuality', points: 10 },
  ],
  hints: [
    { key: 'licence', gain: 20, message: { fr: 'Indiquez une licence.', ar: 'حدد ترخيصًا.', en: 'Give a licence.' } },
    { key: 'keywords', gain: 1, message: { fr: 'Ajoutez des mots-clés.' } },
  ],
};

describe('MQA scale', () => {
  it('sums the five dimension maxima to 405', () => {
    expect(Object.values(mqaDimensionMax).reduce((a, b) => a + b, 0)).toBe(MQA_MAX_SCORE);
  });

  it('scales the band edges for another maximum', () => {
    expect(qualityBand(70, 100)).toBe('good');
    expect(qualityBand(87, 100)).toBe('excellent');
    expect(qualityBand(5, 0)).toBe('bad');
  });

  it('puts scores in the MQA bands at their thresholds', () => {
    expect([0, 120, 121, 220, 221, 350, 351, 405].map((total) => qualityBand(total))).toEqual([
      'bad', 'bad', 'sufficient', 'sufficient', 'good', 'good', 'excellent', 'excellent',
    ]);
  });
});

describe('QualityBadge', () => {
  it('says the band and score in words, not only in colour', () => {
    const { container } = renderIn('fr', <QualityBadge total={287} />);
    const badge = container.querySelector('[data-band]');
    expect(badge?.getAttribute('data-band')).toBe('good');
    expect(screen.getByText('Qualité des métadonnées : Bonne, 287 sur 405 points')).toBeDefined();
  });

  it('speaks Arabic', () => {
    renderIn('ar', <QualityBadge total={372} />);
    expect(screen.getByText('جودة البيانات الوصفية: ممتازة، 372 من 405 نقطة')).toBeDefined();
  });

  it.each(['fr', 'ar'] as const)('has no axe violations in %s', async (locale) => {
    const { container } = renderIn(locale, <p><QualityBadge total={40} /></p>);
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

  it('uses the labels of a custom profile\'s dimensions', () => {
    renderIn('ar', <QualityBreakdown total={40} max={100} dimensions={[{ id: 'documentation', points: 12, max: 30, label: { fr: 'Documentation', ar: 'التوثيق', en: 'Documentation' } }]} />);
    expect(screen.getByRole('meter', { name: /التوثيق/ }).getAttribute('aria-valuetext')).toBe('التوثيق: 12 من 30 نقطة');
    expect(screen.getByText('جودة البيانات الوصفية: مقبولة، 40 من 100 نقطة')).toBeDefined();
  });

  it('clamps out-of-range dimension scores', () => {
    renderIn('en', <QualityBreakdown total={500} dimensions={[{ id: 'contextuality', points: 35 }]} />);
    expect(screen.getByRole('meter').getAttribute('aria-valuetext')).toBe('Contextuality: 20 out of 20 points');
  });

  it.each(['fr', 'ar'] as const)('has no axe violations in %s', async (locale) => {
    const { container } = renderIn(locale, <QualityBreakdown {...breakdown} />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
