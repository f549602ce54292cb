import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseLanguage,
  launchBrowser,
  newPage,
  chooseIn,
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

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `portal-${name}.png`), fullPage: true });

/** A minimal PDF: the files service judges the type from these bytes. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'utf8',
);

const field = (page: Page, name: string) => page.locator(`#${name}`);

describe('公众门户：申请与查询', () => {
  it('lets a citizen apply for reconsideration in Tibetan with an attachment, then look it up by code and phone', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/portal`);
    await chooseLanguage(page, 'བོད་ཡིག');
    await page.getByText('སྲིད་འཛིན་བསྐྱར་ཞིབ་ཞུ་བ།').first().click();
    await page.waitForURL('**/portal/intake/reconsideration');
    const form = page.getByTestId('intake-form-reconsideration.application');
    await form.waitFor();

    // sent empty: every required element is named in Tibetan, nothing leaves the page
    await page.getByTestId('intake-submit').click();
    await page.getByText('ཞུ་མཁན་གྱི་མིང་ངམ་མིང་བྱང་། འབྲི་རོགས།').waitFor();
    await page.getByTestId('intake-problem').waitFor();
    await shot(page, 'bo-errors');

    await chooseIn(page, field(page, 'organUnitId'), '索县人民政府');
    await field(page, 'applicantName').fill('བསྟན་འཛིན་ནོར་བུ');
    await field(page, 'applicantIdNumber').fill('540626198805120017');
    await field(page, 'applicantPhone').fill('1390896');
    await field(page, 'applicantAddress').fill('索县亚拉镇1村');
    await field(page, 'respondentName').fill('索县市场监督管理局');
    await field(page, 'actNumber').fill('索市监罚〔2024〕12号');
    await field(page, 'actDescription').fill('对本人经营的商店作出罚款二千元的行政处罚决定');
    await field(page, 'learnedOn').fill('2024-05-06');
    await field(page, 'learnedOn').press('Enter');
    await field(page, 'request').fill('请求撤销该行政处罚决定');
    await field(page, 'factsAndReasons').fill('处罚所依据的事实不清，未听取本人陈述申辩，程序违法。');
    await page.locator('input[type=file]').setInputFiles({
      name: '行政处罚决定书.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    // a short phone number is caught before sending
    await page.getByTestId('intake-submit').click();
    await page.getByText('ཨང་གྲངས་ ༡༡ ཅན་གྱི་ལག་ཐོགས་ཁ་པར་འབྲི་རོགས། གནས་སྟངས་འཚོལ་སྐབས་ཡང་བསྐྱར་དགོས།').waitFor();
    await field(page, 'applicantPhone').fill('13908960077');
    await page.getByTestId('intake-submit').click();

    const receipt = page.getByTestId('intake-receipt');
    await receipt.waitFor({ timeout: 60_000 });
    const code = (await page.getByTestId('intake-code').textContent())!.trim();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(await receipt.textContent()).toContain('行政处罚决定书.pdf');
    expect(await page.getByTestId('intake-next').textContent()).toContain('ལས་ཉིན་ ༥');
    await shot(page, 'bo-receipt');

    // the status page: a wrong phone gets nothing, the right one the stage
    await page.goto(`${server.url}/portal/intake/status`);
    await field(page, 'code').fill(code.toLowerCase());
    await field(page, 'factor').fill('13908960078');
    await page.getByTestId('intake-lookup').click();
    await page.getByTestId('intake-lookup-error').waitFor();
    await field(page, 'factor').fill('139 0896 0077');
    await page.getByTestId('intake-lookup').click();
    const result = page.getByTestId('intake-lookup-result');
    await result.waitFor();
    expect(await result.textContent()).toContain(code);
    expect((await page.getByTestId('intake-stage').textContent())?.length).toBeGreaterThan(0);
    await shot(page, 'bo-status');

    // the reconsideration officer finds it among the cases and accepts it in the browser
    const officer = await newPage(browser);
    await signIn(officer, server.url, 'fuyi');
    await officer.getByTestId('welcome').waitFor();
    await officer.goto(`${server.url}/reconsideration/cases`);
    await officer.getByTestId('rc-table').getByText('བསྟན་འཛིན་ནོར་བུ').first().click();
    const drawer = officer.getByTestId('rc-drawer');
    await drawer.getByTestId('rc-do-accept').click();
    await officer.getByTestId('rc-action-ok').click();
    await expect.poll(() => drawer.getByTestId('rc-stage').textContent()).toBe('审理中');
    await officer.context().close();

    // and the citizen sees it accepted, in Tibetan
    await page.getByTestId('intake-lookup').click();
    await expect.poll(() => page.getByTestId('intake-stage').textContent()).toBe('ཞིབ་དཔྱད་བྱེད་བཞིན་པ།');
    await shot(page, 'bo-accepted');
    await page.context().close();
  });

  it('shows the four services on the portal home in Chinese', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/portal`);
    for (const name of ['申请行政复议', '申请调解', '法律咨询', '查询办理进度'])
      await page.getByText(name, { exact: true }).waitFor();
    await shot(page, 'zh-home');
    await page.getByText('申请调解', { exact: true }).click();
    await page.getByTestId('intake-form-mediation.request').waitFor();
    await shot(page, 'zh-mediation');
    await page.context().close();
  });
});
