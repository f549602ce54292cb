import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseBySearch,
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
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-activities-'));

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Today as the list shows it (2023年7月1日), in the browser's calendar like the form's default date. */
const todayZh = () => {
  const d = new Date();
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
};

async function openLedger(page: Page, username: string) {
  await signIn(page, server.url, username);
  await page.getByTestId('welcome').waitFor();
  await page.getByTestId('side-menu').getByText('工作台账').click();
  await page.waitForURL('**/activities');
  await page.getByTestId('activity-table').locator('tbody tr.ant-table-row').first().waitFor();
}

/** The select of the form item labelled `label`. */
const selectOf = (form: Locator, label: string) =>
  form
    .locator('.ant-form-item', { has: form.page().getByLabel(label, { exact: true }) })
    .locator('.ant-select')
    .first();

const firstRow = (page: Page) => page.getByTestId('activity-table').locator('tbody tr.ant-table-row').first();

/** A 1×1 PNG: the files service judges the type from these bytes. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

describe('工作台账', () => {
  it('lets the office record a 集中宣讲 with materials and a photo, and shows it at the top', async () => {
    const page = await newPage(browser);
    await openLedger(page, 'office');
    await shot(page, 'activities-list');

    await page.getByTestId('activity-create').click();
    const drawer = page.getByTestId('activity-drawer');
    const form = drawer.getByTestId('activity-form');
    await chooseBySearch(page, selectOf(form, '类别'), '集中宣讲');
    // the kind decides the fields: a talk records participants and materials, not attendance or sessions
    await form.getByLabel('参加（受教）人次').waitFor();
    expect(await form.getByTestId('attendance-rows').count()).toBe(0);
    expect(await form.getByLabel('培训期数').count()).toBe(0);

    await form.getByLabel('活动名称').fill('《民法典》进村入户集中宣讲');
    await form.getByLabel('地点').fill('亚拉镇集镇广场');
    await form.getByText('藏汉双语', { exact: true }).click();
    await form.getByTestId('material-add').click();
    const material = form.getByTestId('material-rows').locator('.ant-space').first();
    await chooseBySearch(page, material.locator('.ant-select'), '精准普法手册');
    await material.locator('input.ant-input-number-input').fill('200');

    // the server, not the page, says a talk needs its audience: its message lands on the field
    await drawer.getByTestId('activity-save').click();
    const participants = form.locator('.ant-form-item', { has: page.getByLabel('参加（受教）人次') });
    await expect
      .poll(() => participants.locator('.ant-form-item-explain-error').textContent())
      .toBe('“集中宣讲”须填写参加（受教）人次');
    await page.waitForTimeout(400); // the message's motion
    await shot(page, 'activity-form-error', { fullPage: false });

    await form.getByLabel('参加（受教）人次').fill('150');
    await expect.poll(() => participants.locator('.ant-form-item-explain-error').count()).toBe(0);
    await drawer.getByTestId('activity-save').click();
    // once recorded, the drawer holds the record and takes its evidence photo
    const photos = drawer.getByTestId('activity-photos');
    await photos.getByTestId('photo-upload').waitFor();
    const png = path.join(tmp, '宣讲现场.png');
    fs.writeFileSync(png, PNG);
    await photos.locator('input[type=file]').setInputFiles(png);
    await photos.locator('img[alt="宣讲现场.png"]').waitFor();
    await drawer.getByTestId('activity-save').click();
    await page.getByText('已保存').waitFor();
    await shot(page, 'activity-form', { fullPage: false });
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });

    const row = firstRow(page);
    await expect.poll(() => row.textContent()).toContain('《民法典》进村入户集中宣讲');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(todayZh());
    expect(text).toContain('集中宣讲');
    expect(text).toContain('藏汉双语');
    expect(text).toContain('150 人次');
    expect(text).toContain('照片 1');

    // opened again, the record brings back its rows and its photo
    await row.click();
    const again = page.getByTestId('activity-form');
    await expect
      .poll(() => again.getByTestId('material-rows').locator('.ant-select').first().textContent())
      .toBe('精准普法手册');
    expect(
      await again.getByTestId('material-rows').locator('input.ant-input-number-input').inputValue(),
    ).toBe('200');
    await page.getByTestId('activity-photos').locator('img[alt="宣讲现场.png"]').waitFor();
    await page.context().close();
  });

  it('records a training with attendance by unit, and voids it with a reason', async () => {
    const page = await newPage(browser);
    await openLedger(page, 'office');
    await page.getByTestId('activity-create').click();
    const drawer = page.getByTestId('activity-drawer');
    const form = drawer.getByTestId('activity-form');
    await chooseBySearch(page, selectOf(form, '类别'), '人民调解员培训');
    await form.getByLabel('活动名称').fill('全县人民调解员业务培训班');
    await form.getByLabel('地点').fill('索县司法局会议室');
    await form.getByLabel('培训期数').fill('1');
    const rows = form.getByTestId('attendance-rows');
    for (const [unit, n] of [
      ['亚拉镇人民调解委员会', '12'],
      ['荣布镇人民调解委员会', '8'],
    ] as const) {
      await rows.getByTestId('attendance-add').click();
      const row = rows.locator(':scope > .ant-space').last();
      await chooseBySearch(page, row.locator('.ant-select'), unit);
      await row.locator('input.ant-input-number-input').fill(n);
    }
    await form.getByTestId('material-add').click();
    const material = form.getByTestId('material-rows').locator('.ant-space').first();
    await chooseBySearch(page, material.locator('.ant-select'), '学法笔记');
    await material.locator('input.ant-input-number-input').fill('20');
    await shot(page, 'activity-form-training', { fullPage: false });
    await drawer.getByTestId('activity-save').click();
    await drawer.getByTestId('activity-void').waitFor();

    await drawer.getByTestId('activity-void').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '作废原因' });
    await dialog.getByLabel('作废原因').fill('重复登记');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await drawer.getByTestId('activity-voided').waitFor();
    expect(await drawer.getByTestId('activity-voided').textContent()).toContain('重复登记');
    await drawer.locator('.ant-drawer-close').click();

    // a voided record leaves the ledger, and comes back, struck through, when asked for
    await expect.poll(() => firstRow(page).textContent()).not.toContain('全县人民调解员业务培训班');
    await page.getByText('含已作废记录').click();
    await expect.poll(() => firstRow(page).textContent()).toContain('全县人民调解员业务培训班');
    expect(await firstRow(page).textContent()).toContain('2 个单位 20 人次');
    expect(await firstRow(page).textContent()).toContain('已作废');
    await page.context().close();
  });

  it('shows a township clerk only 亚拉镇 records, imports one, and reads in Tibetan', async () => {
    const page = await newPage(browser);
    await openLedger(page, 'yala');
    const units = await page
      .getByTestId('activity-table')
      .locator('tbody tr.ant-table-row td:nth-child(4)')
      .allTextContents();
    expect(units.length).toBeGreaterThan(0);
    for (const u of units) expect(u).toMatch(/^亚拉镇/);
    expect(await page.getByText(/共 \d+ 条记录/).textContent()).toMatch(/共 \d+ 条记录/);

    // an Excel file checked, then imported, into the clerk's own township
    await page.getByTestId('activities-import').click();
    const dialog = page.getByRole('dialog');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工作台账');
    const d = new Date();
    const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    ws.addRow(['归属单位', '类别', '活动名称', '日期', '地点', '语言', '参加（受教）人次']);
    ws.addRow(['亚拉镇人民政府', '集中宣讲', '亚拉镇宪法进牧区宣讲', iso, '亚拉镇夏季牧场', '藏语', '86']);
    const file = path.join(tmp, 'activities.xlsx');
    await wb.xlsx.writeFile(file);
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByTestId('import-check').click();
    await expect.poll(() => dialog.getByTestId('import-summary').textContent()).toContain('校验通过');
    await dialog.getByTestId('import-commit').click();
    await expect.poll(() => dialog.getByTestId('import-summary').textContent()).toContain('已写入 1 条');
    await dialog
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /关\s*闭/ })
      .click();
    await expect.poll(() => firstRow(page).textContent()).toContain('亚拉镇宪法进牧区宣讲');

    await chooseLanguage(page, 'བོད་ཡིག');
    await page.getByTestId('bo-banner').waitFor();
    await expect.poll(() => firstRow(page).textContent()).toContain('མཉམ་འདུས་གསུང་བཤད།');
    await shot(page, 'activities-list-bo');
    await firstRow(page).click();
    await page.getByTestId('activity-form').waitFor();
    await page.waitForTimeout(500); // the drawer's slide
    await shot(page, 'activity-form-bo', { fullPage: false });
    await page.context().close();
  });
});
