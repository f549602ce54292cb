import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-accountability-'));

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A minimal PDF: the files service judges the type from these bytes. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'utf8',
);

async function open(page: Page, username: string, path: string) {
  await signIn(page, server.url, username);
  await page.getByTestId('welcome').waitFor();
  await page.goto(`${server.url}${path}`);
}

const statistic = (page: Page, title: string) =>
  page
    .getByTestId('completeness')
    .locator('.ant-statistic', { hasText: title })
    .locator('.ant-statistic-content-value');

const rows = (page: Page) => page.getByTestId('reporter-table').locator('tbody tr.ant-table-row');

describe('述法与考核', () => {
  it('lets 亚拉镇 resubmit a returned report with its signed PDF, and the office review it', async () => {
    // the office returns the 2023 report of 亚拉镇's head, so it is missing again
    const office = await newPage(browser);
    await open(office, 'office', '/accountability');
    await expect.poll(() => statistic(office, '应述').textContent()).toBe('62');
    expect(await statistic(office, '未述').textContent()).toBe('0');
    const yalaHead = rows(office).filter({ hasText: '亚拉镇' }).filter({ hasText: '镇长' });
    await yalaHead.getByRole('button', { name: '查看报告' }).click();
    const drawer = office.getByTestId('report-drawer');
    await drawer.getByTestId('duty-list').waitFor();
    await drawer.getByTestId('report-return').click();
    const dialog = office.getByRole('dialog').filter({ hasText: '退回原因' });
    await dialog.getByLabel('退回原因').fill('未对照职责清单逐项述法');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await drawer.getByText('该报告已退回').waitFor();
    await drawer.locator('.ant-drawer-close').click();
    await expect.poll(() => statistic(office, '未述').textContent()).toBe('1');

    // the township clerk sees its two reporters and submits the missing report
    const clerk = await newPage(browser);
    await open(clerk, 'yala', '/accountability');
    await expect.poll(() => statistic(clerk, '应述').textContent()).toBe('2');
    expect(await rows(clerk).count()).toBe(2);
    for (const t of await rows(clerk).allTextContents()) expect(t).toContain('亚拉镇');
    await clerk.getByTestId('report-submit-open').click();
    const form = clerk.getByTestId('report-submit-drawer');
    await form.getByTestId('duty-list').waitFor();
    expect(await form.getByTestId('duty-list').textContent()).toContain('法治政府建设');
    await form
      .getByLabel('履职情况')
      .fill('全年3次专题研究法治建设工作，组织集中学法10次，落实重大事项合法性审查和法律顾问制度。');
    await form.getByLabel('存在问题').fill('基层法治宣传针对性不强。');
    await form.getByLabel('下一步打算').fill('对照职责清单逐项抓好落实。');
    const pdf = path.join(tmp, '亚拉镇镇长2023年度述法报告.pdf');
    fs.writeFileSync(pdf, PDF);
    await form.locator('input[type=file]').setInputFiles(pdf);
    await form.getByTestId('document-name').waitFor();
    await form.getByTestId('report-submit').click();
    await clerk.getByTestId('report-drawer').getByText('基层法治宣传针对性不强。').waitFor();
    await clerk.context().close();

    // the office sees nobody missing any more, and reviews the new report
    await office.reload();
    await expect.poll(() => statistic(office, '未述').textContent()).toBe('0');
    await office.getByTestId('completeness-filter').getByText('已述').click();
    await shot(office, 'accountability-completeness');
    await yalaHead.getByRole('button', { name: '查看报告' }).click();
    const review = office.getByTestId('review-form');
    await review.getByText('较好', { exact: true }).click();
    await review.getByLabel('评议意见').fill('能够对照职责清单述法，问题查找较深入。');
    await office.getByTestId('review-save').click();
    await expect.poll(() => office.getByTestId('review-current').textContent()).toContain('较好');
    await office.getByTestId('report-drawer').locator('.ant-drawer-close').click();
    await expect.poll(() => yalaHead.textContent()).toContain('较好');
    await office.context().close();
  });

  it('shows the office the assessment ranking with its chart and a unit sheet', async () => {
    const page = await newPage(browser);
    await open(page, 'office', '/assessment');
    const table = page.getByTestId('ranking-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(10);
    expect(await table.locator('tbody tr.ant-table-row').first().textContent()).toMatch(/^1/);
    await page.getByTestId('ranking-chart').locator('canvas').waitFor();
    await page.waitForTimeout(800); // the bars' animation
    await shot(page, 'assessment-ranking');
    await table.locator('tbody tr.ant-table-row').first().click();
    const sheet = page.getByTestId('sheet-table');
    await sheet.locator('tbody tr.ant-table-row').first().waitFor();
    await expect.poll(() => sheet.locator('tbody tr.ant-table-row').count()).toBe(17);
    await page.waitForTimeout(400);
    await shot(page, 'assessment-sheet', { fullPage: false });
    await page.context().close();
  });

  it('renders the leaders’ dashboard, drills into a list, and reads in Tibetan', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, 'leader');
    await page.getByTestId('home-dashboard').click();
    await page.waitForURL('**/dashboard');
    await page.goto(`${server.url}/dashboard?year=2023`);
    for (const chart of [
      'chart-lead-units',
      'chart-states',
      'chart-accountability',
      'chart-ranking',
      'chart-findings',
    ])
      await page.getByTestId(chart).locator('canvas').waitFor();
    await page.waitForTimeout(1000);
    await shot(page, 'dashboard');
    await chooseLanguage(page, 'བོད་ཡིག');
    await page.getByTestId('bo-banner').waitFor();
    await page.waitForTimeout(1000);
    await shot(page, 'dashboard-bo');
    await page.getByTestId('figure-overdue').click();
    await page.waitForURL(/\/planning\/tasks\?.*state=overdue/);
    await page.context().close();
  });
});
