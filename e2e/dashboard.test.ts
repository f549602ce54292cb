import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signIn, startTestServer, type TestServer } from './server.js';

let server: TestServer;
let browser: Browser;
const shots = '/tmp/shots';

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const snap = (page: Page, name: string) =>
  page.screenshot({ path: path.join(shots, `dashboard-${name}.png`), fullPage: true });

describe('驾驶舱', () => {
  it('shows a leader the year’s figures by module, by township, by month; drills down; exports', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, 'leader');
    await page.getByTestId('home-dashboard').click();
    await page.waitForURL('**/dashboard');
    await page.goto(`${server.url}/dashboard?year=2023`);

    // 关键指标: every module's figures, as officials write them
    await page.getByRole('tab', { name: '关键指标' }).click();
    const tasks = page.getByTestId('figure-planning.tasks.total');
    await expect.poll(() => tasks.locator('.ant-statistic-content').textContent()).toBe('40项');
    await expect
      .poll(() =>
        page
          .getByTestId('figure-planning.tasks.completionRate')
          .locator('.ant-statistic-content')
          .textContent(),
      )
      .toMatch(/^\d+(\.\d)?%$/);
    await page.waitForTimeout(500);
    await snap(page, 'figures');

    // 分乡镇、部门: 10 townships, then 其他单位 and 索县合计
    await page.getByRole('tab', { name: '分乡镇、部门' }).click();
    await page.waitForURL(/tab=units/);
    const table = page.getByTestId('units-table');
    await table.getByText('亚拉镇人民政府').waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(12);
    await snap(page, 'units');

    // the heat map's first township with 集中宣讲 opens the ledger filtered to it and to 2023
    const cell = table
      .locator('[data-testid^="cell-publicity.lectures-"]')
      .filter({ hasNotText: /^0场次$/ })
      .first();
    const shown = Number((await cell.textContent())!.replace(/\D/g, ''));
    expect(shown).toBeGreaterThan(0);
    await cell.click();
    await page.waitForURL(/\/activities\?kind=publicityLecture&unit=\d+&from=2023-01-01&to=2023-12-31/);
    await page.getByTestId('activity-table').locator('tbody tr.ant-table-row').first().waitFor();
    await expect
      .poll(() => page.locator('.ant-pagination-total-text').textContent())
      .toContain(String(shown));
    await snap(page, 'drill');
    await page.goBack();
    await table.waitFor();

    // departments instead of townships
    await page.getByTestId('unit-kind').getByText('县直部门').click();
    await table.getByText('索县司法局').waitFor();

    // the Excel of this view: by module, by unit and by month, the same numbers
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-excel').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^驾驶舱-索县-2023年-.+\.xlsx$/);
    const file = path.join(shots, 'dashboard-export.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按模块', '按单位', '按月']);
    const units = wb.getWorksheet('按单位')!;
    const names = units.getColumn(1).values.map(String);
    expect(names).toContain('亚拉镇人民政府');
    expect(names).toContain('索县合计');

    // 月度趋势: a line of twelve months; the PNG of the whole view
    await page.getByRole('tab', { name: '月度趋势' }).click();
    await page.getByTestId('chart-trend').locator('canvas').waitFor();
    await page.getByTestId('monthly-table').getByRole('columnheader', { name: '全年' }).waitFor();
    await page.waitForTimeout(800);
    await snap(page, 'trends');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const pngFile = path.join(shots, 'dashboard-export.png');
    await png.saveAs(pngFile);
    expect(fs.readFileSync(pngFile).subarray(1, 4).toString()).toBe('PNG');
    await page.context().close();
  });
});
