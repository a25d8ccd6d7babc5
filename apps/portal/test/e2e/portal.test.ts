import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { messages, type Locale } from '@bayan/ui';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalMessages } from '../../src/messages';
import { axe, launchChromium, resultsDir, startSite, type RunningSite } from './browser';

let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(resultsDir, { recursive: true });
  [site, browser] = await Promise.all([startSite(), launchChromium()]);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true });
  const violations = await axe(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** Numbers as the page shows them in fr-MA / ar-MA / en (group separators vary). */
function parseShown(text: string): number {
  return Number(text.replace(/[^\d,-]/g, '').replace(',', '.'));
}

const queries: Record<'fr' | 'ar', string> = { fr: 'population', ar: 'السكان' };

describe.each(['fr', 'ar'] as const)('the portal in %s, in a real browser', (locale: 'fr' | 'ar') => {
  it('goes search → facet → dataset → preview → chart → download, accessibly', async () => {
    const ui = messages[locale as Locale];
    const portal = portalMessages[locale];
    const context = await browser.newContext({ acceptDownloads: true, locale: locale === 'ar' ? 'ar-MA' : 'fr-MA' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });

    // Home
    await page.goto(`${site.url}/${locale}`);
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    expect(await page.getAttribute('html', 'dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(portal['home.title']);
    await expectAccessible(page, `home-${locale}`);

    // Search
    await page.getByRole('search').getByRole('searchbox').fill(queries[locale]);
    await Promise.all([page.waitForURL(/\/search\?/), page.getByRole('search').getByRole('searchbox').press('Enter')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe(queries[locale]);
    const resultCount = await page.locator('.portal-cards > li').count();
    expect(resultCount).toBeGreaterThan(0);
    await expectAccessible(page, `search-${locale}`);

    // Facet: the first producer
    const facet = page.locator('input[type="checkbox"][name="organization"]').first();
    const organizationId = await facet.getAttribute('value');
    await facet.check();
    await Promise.all([page.waitForURL(/organization=/), page.getByRole('button', { name: ui['facets.apply'] }).click()]);
    const url = new URL(page.url());
    expect(url.searchParams.getAll('organization')).toEqual([organizationId]);
    expect(url.searchParams.get('q')).toBe(queries[locale]);
    expect(await page.locator('.portal-cards > li').count()).toBeGreaterThan(0);

    // Dataset
    await Promise.all([page.waitForURL(/\/datasets\//), page.locator('.portal-cards .bayan-card__link').first().click()]);
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(1);
    await page.locator('[data-island="preview"][data-hydrated="true"]').waitFor();
    await page.locator('[data-island="chart"][data-hydrated="true"]').waitFor();
    await expectAccessible(page, `dataset-${locale}`);

    // Preview: sorting happens in place (no reload) and puts the state in the URL
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const numericHeader = page.locator('.bayan-table th[data-type="number"]').first();
    const column = (await numericHeader.textContent())!.replace(/[↕▲▼]/g, '').trim();
    await numericHeader.getByRole('link').click();
    await page.waitForURL(new RegExp(`sort=${encodeURIComponent(column)}(%3A|:)asc`));
    await expect.poll(() => numericHeader.getAttribute('aria-sort')).toBe('ascending');
    const index = await numericHeader.evaluate((th) => (th as HTMLTableCellElement).cellIndex);
    const values = (await page.locator(`.bayan-table tbody tr td:nth-child(${index + 1})`).allTextContents()).map(parseShown);
    expect(values.length).toBeGreaterThan(1);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);

    // Chart: switch to a line chart; the shareable link follows
    await page.getByLabel(portal['dataset.chart.kind']).selectOption('line');
    await page.locator('figure.bayan-chart[data-kind="line"]').waitFor();
    expect(await page.getByLabel(portal['dataset.chart.share']).inputValue()).toContain('chart=line');
    expect(await page.getByLabel(portal['dataset.chart.embed']).inputValue()).toContain('/embed?chart=line');

    // Download
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.bayan-resource__download').first().click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(await download.failure()).toBeNull();

    // Organization
    await Promise.all([page.waitForURL(/\/organizations\//), page.locator('.portal-facts a[href*="/organizations/"]').click()]);
    expect(await page.locator('.portal-cards > li').count()).toBeGreaterThan(0);
    await expectAccessible(page, `organization-${locale}`);

    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the portal without JavaScript', () => {
  it('shows search results and the dataset page, and sorts the preview through links', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/fr/search?q=population`);
    expect(await page.locator('.portal-cards > li').count()).toBeGreaterThan(0);
    await page.locator('.portal-cards .bayan-card__link').first().click();
    await page.waitForURL(/\/datasets\//);
    expect(await page.locator('h1').textContent()).toMatch(/Population/);
    expect(await page.locator('.bayan-table tbody tr').count()).toBe(20);
    expect(await page.locator('figure.bayan-chart svg').count()).toBe(1);
    const header = page.locator('.bayan-table th[data-type="number"]').first();
    await Promise.all([page.waitForURL(/sort=/), header.getByRole('link').click()]);
    expect(await page.locator('.bayan-table th[data-type="number"]').first().getAttribute('aria-sort')).toBe('ascending');
    await context.close();
  });
});
