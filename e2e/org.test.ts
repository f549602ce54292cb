import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, shot, signIn, startTestServer, type TestServer } from './server.js';

let server: TestServer;
let browser: Browser;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-files-'));

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A workbook laid out like the template: headers in row 1, one record a row from row 2. */
async function workbook(name: string, sheet: string, rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r) => ws.addRow(r));
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('organisation admin: Excel import and attachments', () => {
  it('checks a units file row by row and offers 导入 only once it is clean', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, 'admin');
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('side-menu').getByText('组织机构').click();
    await page.waitForURL('**/admin/units');
    await page.getByTestId('units-import').click();
    const dialog = page.getByRole('dialog');

    // the template comes from the server
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByTestId('import-template').click(),
    ]);
    expect(download.suggestedFilename()).toBe('单位导入模板.xlsx');

    const header = ['单位名称', '单位类型', '上级单位', '行政区划代码'];
    const bad = await workbook('units-bad.xlsx', '单位', [
      header,
      ['索县数据资源局', '县直部门', '索县人民政府', '540626'],
      ['索县不存在局', '不知道', '索县人民政府', ''],
    ]);
    await dialog.locator('input[type=file]').setInputFiles(bad);
    await dialog.getByTestId('import-check').click();
    const errors = dialog.getByTestId('import-errors');
    const row = errors.locator('tbody tr', { hasText: '单位类型' });
    await row.waitFor();
    expect(await row.locator('td').first().textContent()).toBe('3');
    expect(await row.textContent()).toContain('单位类型“不知道”不正确');
    expect(await dialog.getByTestId('import-commit').isDisabled()).toBe(true);
    await shot(page, 'import-errors', { fullPage: false });

    const good = await workbook('units-good.xlsx', '单位', [
      header,
      ['索县数据资源局', '县直部门', '索县人民政府', '540626'],
    ]);
    await dialog.locator('input[type=file]').setInputFiles(good);
    await dialog.getByTestId('import-check').click();
    await expect.poll(() => dialog.getByTestId('import-summary').textContent()).toContain('校验通过');
    await dialog.getByTestId('import-commit').click();
    await expect.poll(() => dialog.getByTestId('import-summary').textContent()).toContain('已写入 1 条');
    await dialog
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /关\s*闭/ })
      .click();
    await page.getByTestId('unit-tree').getByText('索县数据资源局', { exact: true }).waitFor();
    await page.context().close();
  });

  it('imports users and shows their initial passwords once', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, 'admin');
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('side-menu').getByText('用户管理').click();
    await page.waitForURL('**/admin/users');
    await page.getByTestId('users-import').click();
    const dialog = page.getByRole('dialog');
    const file = await workbook('users.xlsx', '用户', [
      ['用户名', '姓名', '所属单位', '手机号码'],
      ['zhaxi', '扎西', '索县司法局', '13908960001'],
      ['dawa', '达娃', '索县司法局', ''],
    ]);
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByTestId('import-check').click();
    await expect.poll(() => dialog.getByTestId('import-summary').textContent()).toContain('校验通过');
    await dialog.getByTestId('import-commit').click();
    const passwords = dialog.getByTestId('imported-passwords');
    await passwords.getByText('zhaxi', { exact: true }).waitFor();
    expect(await passwords.locator('tbody tr').count()).toBe(2);
    expect(await passwords.locator('tbody code').first().textContent()).toMatch(/\S{8,}/);
    await shot(page, 'import-users-passwords', { fullPage: false });
    await page.context().close();
  });

  it('attaches a PDF to a unit, lists it, and shows why an executable is refused', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, 'admin');
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('side-menu').getByText('组织机构').click();
    const unitRow = page.getByTestId('unit-tree').locator('tr', { hasText: '索县司法局' }).first();
    await unitRow.getByRole('button', { name: '附件' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('暂无附件').waitFor();

    const pdf = path.join(tmp, '索县司法局三定方案.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    await drawer.locator('input[type=file]').setInputFiles(pdf);
    const link = drawer.getByTestId('file-table').getByRole('link', { name: /索县司法局三定方案\.pdf/ });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('索县司法局三定方案.pdf');

    const exe = path.join(tmp, 'setup.pdf');
    fs.writeFileSync(exe, Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0xff, 0xff]));
    await drawer.locator('input[type=file]').setInputFiles(exe);
    await expect.poll(() => drawer.getByTestId('file-error').textContent()).toMatch(/[\u4e00-\u9fff]/);
    await shot(page, 'unit-files', { fullPage: false });
    await page.context().close();
  });
});
