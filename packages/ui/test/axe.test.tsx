import { cleanup, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';

describe('axeViolations', () => {
  it('reports a field without a label (so a clean result means something)', async () => {
    cleanup();
    const { container } = render(<input type="text" />);
    expect((await axeViolations(container)).join('\n')).toMatch(/^label:/m);
  });
});
