import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from '../test/fixture';
import { negotiateLocale } from './portal';

let site: Site;
beforeAll(async () => {
  site = await openSite();
}, 60_000);
afterAll(async () => {
  await site.close();
});

async function page(path: string, headers?: Record<string, string>): Promise<{ status: number; html: string; response: Response }> {
  const response = await site.get(path, headers);
  return { status: response.status, html: await response.text(), response };
}

async function firstDatasetPath(locale: string): Promise<string> {
  const { html } = await page(`/${locale}/search?q=population`);
  return /class="bayan-card__link" href="([^"]+)"|href="([^"]+)" class="bayan-card__link"/.exec(html)!.slice(1).find(Boolean)!;
}

describe('negotiateLocale', () => {
  it('takes the best supported language by quality', () => {
    expect(negotiateLocale('en-GB;q=0.5, ar-MA, fr;q=0.8')).toBe('ar');
    expect(negotiateLocale('de, en;q=0.3')).toBe('en');
    expect(negotiateLocale('de, es')).toBe('fr');
    expect(negotiateLocale(undefined)).toBe('fr');
  });
});

describe('the portal handler', () => {
  it('redirects / by Accept-Language', async () => {
    const { status, response } = await page('/', { 'accept-language': 'ar;q=0.9,fr;q=0.5' });
    expect(status).toBe(302);
    expect(response.headers.get('location')).toBe('/ar');
  });

  it('renders Arabic pages right-to-left with hreflang and canonical links', async () => {
    const { status, html } = await page('/ar');
    expect(status).toBe(200);
    expect(html).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(html).toContain('<link rel="canonical" href="http://portal.test/ar"/>');
    expect(html).toContain('hrefLang="x-default" href="http://portal.test/fr"');
    expect(html).toContain('<meta property="og:locale" content="ar_MA"/>');
    expect(html).toContain('href="#main"');
  });

  it('searches in Arabic and shows the count with Arabic plural rules', async () => {
    const { html } = await page('/ar/search?q=%D8%A7%D9%84%D8%B3%D9%83%D8%A7%D9%86');
    const count = (html.match(/class="bayan-card"/g) ?? []).length;
    // The demo seed is deterministic: 12 population datasets, and 11–99 take the "many" form.
    expect(count).toBe(12);
    expect(html).toContain('aria-live="polite">12 مجموعة بيانات</h2>');
  });

  it('filters by facet through plain GET parameters and keeps them in pagination and sort', async () => {
    const all = await page('/fr/search');
    const hcp = await page('/fr/search?organization=demo-hcp');
    const total = (h: string) => Number(/<h2 id="results-title"[^>]*>(\d+)/.exec(h)?.[1]);
    expect(total(hcp.html)).toBeGreaterThan(0);
    expect(total(hcp.html)).toBeLessThan(total(all.html));
    expect(hcp.html).toContain('<input type="hidden" name="organization" value="demo-hcp"/>');
    expect(hcp.html).toMatch(/<input[^>]*name="organization"[^>]*value="demo-hcp"[^>]*checked=""|<input[^>]*checked=""[^>]*value="demo-hcp"/);
  });

  it('pages results with links that walk the API cursors', async () => {
    const first = await page('/fr/search?sort=title');
    const second = await page('/fr/search?sort=title&page=2');
    const titles = (h: string) => [...h.matchAll(/class="bayan-card__link"[^>]*><span[^>]*>([^<]+)/g)].map((m) => m[1]);
    expect(first.html).toContain('page=2');
    expect(titles(second.html).length).toBeGreaterThan(0);
    expect(titles(second.html).some((t) => titles(first.html).includes(t))).toBe(false);
  });

  it('renders a dataset page with JSON-LD, licence in words, preview rows, a chart with a table and API snippets', async () => {
    const path = await firstDatasetPath('fr');
    const { status, html } = await page(path);
    expect(status).toBe(200);
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]!) as Record<string, unknown>;
    expect(jsonLd['@type']).toBe('Dataset');
    expect(html).toContain('Creative Commons Attribution 4.0');
    expect((html.match(/<tr><td data-type/g) ?? []).length).toBe(20);
    expect(html).toMatch(/<figure class="bayan-chart" data-kind="bar"/);
    expect(html).toContain('<caption>Données du graphique</caption>');
    expect(html).toContain('/api/3/action/package_show?id=');
    expect(html).toMatch(/href="\/dataset\/[^"]+\.ttl"/);
    expect(html).toMatch(/<link rel="canonical" href="http:\/\/portal.test\/fr\/datasets\/[^"?]+"\/>/);
  });

  it('sorts, filters and pages the preview server-side from query parameters', async () => {
    const path = await firstDatasetPath('fr');
    const asc = await page(`${path}?sort=population:asc`);
    const desc = await page(`${path}?sort=population:desc`);
    const column = (h: string) => {
      const table = /<tbody>([\s\S]*?)<\/tbody>/.exec(h)![1]!;
      return [...table.matchAll(/<tr>(?:<td[^>]*>[^<]*<\/td>){2}<td data-type="number">([^<]+)<\/td>/g)].map((m) => Number(m[1]!.replace(/\D/g, '')));
    };
    expect(column(asc.html)).toEqual([...column(asc.html)].sort((a, b) => a - b));
    expect(column(desc.html)).toEqual([...column(desc.html)].sort((a, b) => b - a));
    const filtered = await page(`${path}?filter=Rabat`);
    expect(filtered.html).toMatch(/\((\d+) lignes?\)/);
    expect(Number(/\((\d+) lignes?\)/.exec(filtered.html)![1])).toBeLessThan(Number(/\((\d+) lignes?\)/.exec(asc.html)![1]));
    const page2 = await page(`${path}?sort=population:asc&page=2`);
    expect(column(page2.html)[0]).toBeGreaterThanOrEqual(column(asc.html).at(-1)!);
  });

  it('draws the chart asked for in the URL and embeds it without the site chrome', async () => {
    const path = await firstDatasetPath('en');
    const pie = await page(`${path}?chart=pie&x=province&y=population`);
    expect(pie.html).toMatch(/<figure class="bayan-chart" data-kind="pie"/);
    const embed = await page(`${path}/embed?chart=line&x=province&y=population`);
    expect(embed.html).toMatch(/data-kind="line"/);
    expect(embed.html).not.toContain('portal-header');
    expect(embed.response.headers.get('content-security-policy')).toBe('frame-ancestors *');
  });

  it('marks metadata shown in another language with its own lang and dir', async () => {
    const path = await firstDatasetPath('en');
    const { html } = await page(path);
    // Distribution titles exist in fr and ar only: shown in French, marked as such.
    expect(html).toMatch(/data-fallback="true"><span lang="fr" dir="ltr">Données \(CSV\)<\/span>/);
  });

  it('shows an organisation with its scorecard and datasets', async () => {
    const { status, html } = await page('/fr/organizations/hcp');
    expect(status).toBe(200);
    expect(html).toContain('Haut-Commissariat au Plan');
    expect(html).toContain('<caption>Niveau de qualité</caption>');
    expect((html.match(/class="bayan-card"/g) ?? []).length).toBeGreaterThan(0);
  });

  it('answers unknown datasets, organisations and pages with a 404 page in the locale', async () => {
    for (const path of ['/ar/datasets/nope', '/ar/organizations/nope', '/ar/nowhere', '/ar/datasets/%E0%A4%A']) {
      const { status, html } = await page(path);
      expect({ path, status }).toEqual({ path, status: 404 });
      expect(html).toContain('lang="ar" dir="rtl"');
    }
  });

  it('serves robots.txt, a sitemap with hreflang alternates and the API page from the OpenAPI document', async () => {
    expect(await (await site.get('/robots.txt')).text()).toContain('Sitemap: http://portal.test/sitemap.xml');
    const sitemap = await (await site.get('/sitemap.xml')).text();
    expect(sitemap).toContain('<loc>http://portal.test/ar/datasets/');
    expect(sitemap).toContain('hreflang="en"');
    const api = await page('/en/api');
    expect(api.html).toContain('<code>/api/v1/datasets</code>');
  });

  it('forwards API and DCAT requests to the server', async () => {
    const response = await site.get('/api/v1/status');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { datasets: number }).datasets).toBeGreaterThan(0);
  });

  it('renders themes, a theme and about in English', async () => {
    expect((await page('/en/themes')).html).toContain('Population and society');
    expect((await page('/en/themes/SOCI')).html).toMatch(/<h1>Population and society<\/h1>/);
    expect((await page('/en/themes/XXXX')).status).toBe(404);
    expect((await page('/en/about')).status).toBe(200);
  });
});
