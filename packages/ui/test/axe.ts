import axe from 'axe-core';

// jsdom has no canvas; axe only uses it for icon-font heuristics. Returning null skips them quietly.
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;

/**
 * axe-core violations inside an element. Colour contrast is left out because jsdom computes no
 * styles or layout (axe would report it "incomplete" anyway); contrast is checked on the tokens
 * by styles.test.ts and in the browser by the portal's Playwright run.
 */
export async function axeViolations(element: Element): Promise<string[]> {
  const results = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.html).join(' | ')})`,
  );
}
