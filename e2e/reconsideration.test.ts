import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseLanguage,
  launchBrowser,
  newPage,
  shot,
  signIn,
  startTestServer,
  type TestServer,
} from './server.js';

let server: TestServer;
let browser: Browser;
const SHOTS = '/tmp/shots';

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const snap = async (page: Page, name: string) => {
  await shot(page, `reconsideration-${name}`);
  await page.screenshot({ path: `${SHOTS}/reconsideration-${name}.png`, fullPage: true });
};

/** A write from the signed-in page, as the web app makes it (session cookie + CSRF header). */
const post = (page: Page, url: string, body: unknown) =>
  page.evaluate(
    async ([u, b]) => {
      const csrf = decodeURIComponent(
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('fazhi_csrf='))
          ?.slice(11) ?? '',
      );
      const r = await fetch(u as string, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify(b),
      });
      return { status: r.status, body: await r.json() };
    },
    [url, body] as const,
  );

describe('行政复议', () => {
  it('takes an application at the counter and lets 旦增尼玛 accept it in the drawer, with its deadlines and articles', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, 'fuyi');
    await page.getByTestId('welcome').waitFor();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const meta = await page.evaluate(async () => (await fetch('/api/reconsideration/meta')).json());
    const organ = meta.organs.find((o: { name: string }) => o.name === '索县人民政府');
    const made = await post(page, '/api/reconsideration/cases', {
      organUnitId: organ.id,
      channel: 'counter',
      receivedOn: today,
      applicantName: '白玛央宗',
      applicantIdNumber: '540626199208080428',
      applicantPhone: '13908960808',
      respondentName: '索县市场监督管理局',
      respondentSuperior: '那曲市市场监督管理局',
      actDescription: '罚款五千元的行政处罚决定',
      request: '撤销该行政处罚决定',
      factsAndReasons: '申请人认为其经营的商品有合法来源，不应处罚。',
      learnedOn: today,
      officers: ['旦增尼玛', '次仁央宗'],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);

    await page.goto(`${server.url}/reconsideration/cases`);
    // the counter form offers the date of learning of the right, for an applicant never told of it
    await page.getByTestId('rc-register').click();
    const register = page.getByTestId('rc-register-form');
    await register.getByText('未告知复议权利时：知道权利之日').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/reconsideration-register.png` });
    await page.keyboard.press('Escape');
    await register.waitFor({ state: 'hidden' });
    const table = page.getByTestId('rc-table');
    const row = table.locator('tbody tr.ant-table-row', { hasText: '白玛央宗' });
    await row.waitFor();
    expect(await row.textContent()).toContain('受理审查中');
    expect(await row.getByTestId('rc-next').textContent()).toContain('受理审查期限');
    await snap(page, 'list');

    await row.click();
    const drawer = page.getByTestId('rc-drawer');
    await drawer.getByTestId('rc-deadlines').waitFor();
    expect(await drawer.getByTestId('rc-deadlines').textContent()).toContain('《行政复议法》第三十条');
    // the office sees the applicant's numbers unmasked
    expect(await drawer.textContent()).toContain('540626199208080428');
    await drawer.getByTestId('rc-do-accept').click();
    const form = page.getByTestId('rc-action-form');
    await form.waitFor();
    await page.getByTestId('rc-action-ok').click();
    await expect.poll(() => drawer.getByTestId('rc-stage').textContent()).toBe('审理中');
    const title = await page.locator('.ant-drawer-title').textContent();
    expect(title).toMatch(/索政复〔\d{4}〕\d+号/);
    expect(await drawer.getByTestId('rc-deadlines').textContent()).toContain('第四十八条');
    await drawer.getByTestId('rc-doc-acceptance').waitFor();
    await snap(page, 'accepted');

    // a Tibetan-speaking officer reads the same case in Tibetan (the law's articles stay as cited)
    await page.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await chooseLanguage(page, 'བོད་ཡིག');
    await row.click();
    await expect.poll(() => drawer.textContent()).toContain('ཞུ་མཁན།');
    const deadlines = await drawer.getByTestId('rc-deadlines').textContent();
    expect(deadlines).toContain('ལེན་མིན་ཞིབ་བཤེར་གྱི་དུས་ཡུན།'); // 受理审查期限, named by the catalogue
    expect(deadlines).toContain('第四十八条');
    expect(await drawer.getByTestId('rc-stage').textContent()).toBe('ཞིབ་དཔྱད་བྱེད་བཞིན་པ།');
    expect(await drawer.textContent()).toContain('ཞུ་ཡིག་ལེན་ཟིན།'); // the history's 收到申请
    await snap(page, 'accepted-bo');
    await page.context().close();
  });

  it('shows the 2023 dashboard to the office with drill-down, and figures only to the county leader', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, 'fuyi');
    await page.getByTestId('welcome').waitFor();
    await page.goto(`${server.url}/reconsideration/dashboard?year=2023`);
    const figures = page.getByTestId('rc-dash-figures');
    await figures.getByText('行政复议纠错率').waitFor();
    expect(await figures.textContent()).toContain('42.9');
    await snap(page, 'dashboard');
    await page.getByTestId('rc-dash-stage').getByRole('link').first().click();
    await page.getByTestId('rc-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.context().close();

    const leader = await newPage(browser);
    await signIn(leader, server.url, 'leader');
    await leader.getByTestId('welcome').waitFor();
    await leader.goto(`${server.url}/reconsideration/dashboard?year=2023`);
    await leader.getByTestId('rc-dash-figures').getByText('收到行政复议申请').waitFor();
    expect(await leader.getByTestId('rc-dash-stage').getByRole('link').count()).toBe(0);
    await leader.context().close();
  });
});
