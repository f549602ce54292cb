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

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A date as the pickers take it (2023年7月1日), `days` from today. */
const zhDate = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
};

async function open(page: Page, username: string, menu: string, path: string) {
  await signIn(page, server.url, username);
  await page.getByTestId('welcome').waitFor();
  await page.getByTestId('side-menu').getByText(menu, { exact: true }).click();
  await page.waitForURL(`**${path}`);
}

/** The select of the form item labelled `label`. */
const selectOf = (form: Locator, label: string) =>
  form
    .locator('.ant-form-item', { has: form.page().getByLabel(label, { exact: true }) })
    .locator('.ant-select')
    .first();

async function pickDate(form: Locator, label: string, value: string) {
  const input = form.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Tab'); // a typed date counts once the field is left; Enter would submit the form
}

const ok = (scope: Locator | Page) => scope.getByRole('button', { name: /^确\s*定$/ });

const TASK = '开展“八五”普法中期自查（端到端测试）';
const FINDING = '村（居）法律顾问工作台账不完整（端到端测试）';

describe('任务清单', () => {
  it('the office sets a task for 亚拉镇, yala reports 100 %, the office accepts and the task is done', async () => {
    const office = await newPage(browser);
    await open(office, 'office', '任务清单', '/planning/tasks');
    const rows = office.getByTestId('task-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    await shot(office, 'planning-tasks');

    await office.getByTestId('task-create').click();
    const drawer = office.getByTestId('task-drawer');
    const form = drawer.getByTestId('task-form');
    await form.getByLabel('工作任务').fill(TASK);
    await chooseBySearch(office, selectOf(form, '牵头单位'), '亚拉镇人民政府');
    await chooseBySearch(office, selectOf(form, '所属体系'), '法治宣传教育');
    await pickDate(form, '完成时限', zhDate(60));
    await drawer.getByTestId('task-save').click();
    // once created, the drawer shows the task with the state the API computed
    await expect.poll(() => drawer.getByTestId('task-detail-state').textContent()).toBe('未启动');
    await drawer.locator('.ant-drawer-close').click();

    const yala = await newPage(browser);
    await open(yala, 'yala', '任务清单', '/planning/tasks');
    await yala.getByTestId('filter-q').locator('input').fill('八五');
    await yala.getByTestId('filter-q').locator('input').press('Enter');
    const yalaRow = yala.getByTestId('task-table').locator('tbody tr.ant-table-row', { hasText: TASK });
    await yalaRow.click();
    const yDrawer = yala.getByTestId('task-drawer');
    const report = yDrawer.getByTestId('progress-form');
    await expect.poll(() => selectOf(report, '报送单位').textContent()).toContain('亚拉镇人民政府');
    await report.getByLabel('完成进度').fill('100');
    await report.getByLabel('进展情况').fill('已完成全镇14个村（居）普法中期自查，形成自查报告。');
    await report.getByTestId('progress-submit').click();
    const item = yDrawer.getByTestId('progress-item').first();
    await expect.poll(() => item.textContent()).toContain('待审核');
    await yala.waitForTimeout(300);
    await shot(yala, 'planning-task-drawer', { fullPage: false });

    await office.reload();
    const row = office.getByTestId('task-table').locator('tbody tr.ant-table-row', { hasText: TASK });
    await office.getByTestId('filter-q').locator('input').fill('八五');
    await office.getByTestId('filter-q').locator('input').press('Enter');
    await row.click();
    await drawer.getByTestId('progress-accept').click();
    await expect.poll(() => drawer.getByTestId('task-detail-state').textContent()).toBe('已完成');
    await drawer.locator('.ant-drawer-close').click();
    await expect.poll(() => row.getByTestId('task-state').textContent()).toBe('已完成');
    await office.context().close();
    await yala.context().close();
  });
});

describe('问题整改', () => {
  it('the office registers a finding, 亚拉镇 rectifies and submits, the office closes it', async () => {
    const office = await newPage(browser);
    await open(office, 'office', '问题整改', '/findings');
    await office.getByTestId('finding-table').locator('tbody tr.ant-table-row').first().waitFor();
    await office.getByTestId('finding-create').click();
    const form = office.getByTestId('finding-create-form');
    await chooseBySearch(office, selectOf(form, '整改单位'), '亚拉镇人民政府');
    await form.getByLabel('问题', { exact: true }).fill(FINDING);
    await pickDate(form, '整改时限', zhDate(30));
    await ok(office.locator('.ant-modal')).click();
    const drawer = office.getByTestId('finding-drawer');
    await expect.poll(() => drawer.getByTestId('finding-detail-state').textContent()).toBe('待整改');
    await drawer.locator('.ant-drawer-close').click();

    const yala = await newPage(browser);
    await open(yala, 'yala', '问题整改', '/findings');
    await yala.getByTestId('finding-table').locator('tbody tr.ant-table-row', { hasText: FINDING }).click();
    const yDrawer = yala.getByTestId('finding-drawer');
    await yDrawer.getByTestId('finding-measures-edit').click();
    await yDrawer.getByTestId('finding-measures-input').fill('逐村补齐法律顾问服务台账，镇司法所每月抽查。');
    await yDrawer.getByTestId('finding-measures-save').click();
    await expect.poll(() => yDrawer.getByTestId('finding-detail-state').textContent()).toBe('整改中');
    await yDrawer.getByTestId('finding-submit').click();
    await ok(yala.locator('.ant-modal')).click();
    await expect.poll(() => yDrawer.getByTestId('finding-detail-state').textContent()).toBe('已报整改');
    await yDrawer.locator('.ant-drawer-close').click();

    await office.reload();
    await office.getByTestId('finding-table').locator('tbody tr.ant-table-row', { hasText: FINDING }).click();
    await drawer.getByTestId('finding-verify').click();
    await ok(office.locator('.ant-modal')).click();
    await expect.poll(() => drawer.getByTestId('finding-detail-state').textContent()).toBe('已销号');
    expect(await drawer.getByTestId('finding-events').textContent()).toContain('核查销号');
    await office.waitForTimeout(300);
    await shot(office, 'findings-drawer', { fullPage: false });
    await drawer.locator('.ant-drawer-close').click();
    await shot(office, 'findings');

    await chooseLanguage(yala, 'བོད་ཡིག');
    await yala.reload();
    await yala.getByTestId('finding-table').locator('tbody tr.ant-table-row').first().waitFor();
    await yala.waitForTimeout(300);
    await shot(yala, 'findings-bo');
    await office.context().close();
    await yala.context().close();
  });
});
