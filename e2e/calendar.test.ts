import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseLanguage,
  launchBrowser,
  newPage,
  chooseIn,
  shot,
  signIn,
  startTestServer,
  type TestServer,
} from './server.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function typeDate(page: Page, input: ReturnType<Page['locator']>, iso: string) {
  await input.click();
  await input.fill(iso);
  await input.press('Enter');
}

describe('期间计算 and 节假日日历', () => {
  it('gives an officer the last day of 5 working days from 2024-09-27 in 索县, with its articles', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, 'office');
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('side-menu').getByText('期间计算').click();
    await page.waitForURL('**/calendar/deadline');

    const form = page.getByTestId('deadline-form');
    // the division defaults to the officer's own (索县)
    await form.getByText('索县（540626）').waitFor();
    await typeDate(page, form.getByLabel('起算日'), '2024-09-27');
    await form.getByLabel('期间长度').fill('5');
    await form.getByRole('button', { name: /计\s*算/ }).click();

    const end = page.getByTestId('deadline-end');
    await expect.poll(() => end.textContent()).toBe('2024年10月10日 星期四');
    // 国庆 (10月1日–7日) skipped, 9月29日 and 10月12日… : the server's reasons are shown
    expect(await page.getByTestId('deadline-basis').textContent()).toMatch(/第[一二三四五六七八九十百零]+条/);
    expect(await page.getByTestId('deadline-description').textContent()).toContain('2024年10月10日');
    expect(await page.getByTestId('deadline-skipped').textContent()).toContain('国庆节');
    expect(page.url()).toContain('start=2024-09-27');
    await shot(page, 'deadline');

    await chooseLanguage(page, 'བོད་ཡིག');
    await page.getByTestId('bo-banner').waitFor();
    await expect.poll(() => end.textContent()).toContain('གཟའ་ཕུར་བུ།');
    await shot(page, 'deadline-bo');
    await chooseLanguage(page, '中文');
    await page.context().close();
  });

  it('lets the system admin see a year, add a regional day, be told why a weekday 调休 is refused, and delete it', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, 'admin');
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('side-menu').getByText('节假日日历').click();
    await page.waitForURL('**/admin/calendar');

    // 2023: national days plus 那曲市's assumed 藏历新年 (demo)
    await page.goto(`${server.url}/admin/calendar?year=2023`);
    const table = page.getByTestId('calendar-days');
    await table.getByText('藏历新年', { exact: true }).first().waitFor();
    expect(await table.getByTestId('assumed').count()).toBeGreaterThan(0);
    await page.getByTestId('national-source').waitFor();

    await page.goto(`${server.url}/admin/calendar?year=2025`);
    await table.getByText('国庆节').first().waitFor();
    await page.getByRole('button', { name: '录入地方节假日' }).click();
    const dialog = page.getByRole('dialog');
    await chooseIn(page, dialog.getByLabel('发布通知的行政区划'), '索县（540626）');
    const range = dialog.locator('.ant-picker-range input');
    await typeDate(page, range.nth(0), '2025-08-04');
    await typeDate(page, range.nth(1), '2025-08-04');
    await dialog.getByRole('radio', { name: '调休上班' }).check();
    await dialog.getByLabel('名称').fill('索县赛马节');
    await dialog.getByLabel('依据').fill('索县人民政府关于2025年赛马节放假的通知');
    await dialog.getByText('日期系推定').click();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    // 2025-08-04 is a Monday: the server's Chinese detail says why
    await expect
      .poll(() => dialog.getByTestId('calendar-add-error').textContent())
      .toContain('调休上班日应为周六或周日');
    await shot(page, 'calendar-add-error', { fullPage: false });

    await dialog.getByRole('radio', { name: '放假' }).check();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = table.locator('tr', { hasText: '索县赛马节' });
    await row.waitFor();
    expect(await row.textContent()).toContain('索县');
    expect(await row.getByTestId('assumed').count()).toBe(1);
    await shot(page, 'calendar');

    await row.getByRole('button', { name: '删除' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await row.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('lets the region administrator enter a year from its State Council notice when the release lacks it', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, 'admin');
    await page.getByTestId('welcome').waitFor();
    // The release bundles notices through 2026; 2099 stands for a year whose notice came out since.
    await page.goto(`${server.url}/admin/calendar?year=2099`);
    await page.getByTestId('national-missing').waitFor();
    await page.getByTestId('national-enter').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '录入2099年全国放假安排' });
    await dialog
      .getByTestId('national-source-input')
      .fill('测试用：国务院办公厅关于2099年部分节假日安排的通知');
    const holiday = dialog.getByTestId('national-holiday').first();
    await holiday.getByPlaceholder('节日，如：春节').fill('元旦');
    const range = holiday.locator('.ant-picker-range input');
    await typeDate(page, range.nth(0), '2099-01-01');
    await typeDate(page, range.nth(1), '2099-01-03');
    await dialog.getByRole('button', { name: '添加调休上班日' }).click();
    const workday = dialog.getByTestId('national-workday').first();
    await workday.getByPlaceholder('节日，如：春节').fill('元旦');
    // 2099-01-05 is a Monday: refused, the message under the field
    await typeDate(page, workday.locator('.ant-picker input'), '2099-01-05');
    await dialog.getByTestId('national-save').click();
    await expect
      .poll(() => dialog.getByTestId('national-error').textContent())
      .toContain('调休上班日应为周六或周日');
    await workday.getByText('调休上班日应为周六或周日').first().waitFor();
    await shot(page, 'calendar-national-error', { fullPage: false });

    await typeDate(page, workday.locator('.ant-picker input'), '2099-01-10');
    await dialog.getByTestId('national-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('national-source').textContent()).toContain('按通知录入');
    const table = page.getByTestId('calendar-days');
    await table.locator('tr', { hasText: '元旦调休上班' }).waitFor();
    expect(await table.locator('tr', { hasText: '全国' }).count()).toBe(4);
    await page.getByTestId('national-correct').waitFor();
    await shot(page, 'calendar-national');
    await page.context().close();
  });
});
