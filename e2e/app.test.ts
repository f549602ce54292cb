import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseIn,
  chooseLanguage,
  launchBrowser,
  newPage as newBrowserPage,
  shot,
  signIn as signInAt,
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

const newPage = () => newBrowserPage(browser);
const signIn = (page: Page, username: string, password?: string) =>
  signInAt(page, server.url, username, password);

describe('staff web app', () => {
  it('shows the server’s Chinese detail when a sign-in fails', async () => {
    const page = await newPage();
    await signIn(page, 'admin', 'wrong-password');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toMatch(/[\u4e00-\u9fff]/);
    await shot(page, 'login-error');
    await page.context().close();
  });

  it('lets the system admin manage units and users, switch to Tibetan and sign out', async () => {
    const page = await newPage();
    await signIn(page, 'admin');
    await page.getByTestId('welcome').waitFor();
    await shot(page, 'home-admin');

    const menu = page.getByTestId('side-menu');
    await menu.getByText('组织机构').click();
    await page.waitForURL('**/admin/units');
    const tree = page.getByTestId('unit-tree');
    await tree.getByText('索县人民政府', { exact: true }).first().waitFor();

    // a new unit under the root, then seen in the tree
    const name = '索县法治宣传教育中心';
    await tree.getByRole('button', { name: '新建下级' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('单位名称').fill(name);
    await chooseIn(page, dialog.getByLabel('单位类型'), '其他');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    // The dialog closes once the unit is saved; if it stays open, its error says why.
    await expect
      .poll(
        async () =>
          (await dialog.isVisible())
            ? (await dialog.locator('.ant-alert, .ant-form-item-explain-error').allTextContents()).join(
                ' ',
              ) || 'still open'
            : 'closed',
        { timeout: 15_000 },
      )
      .toBe('closed');
    await tree.getByText(name, { exact: true }).waitFor();
    await shot(page, 'units');

    await menu.getByText('用户管理').click();
    await page.waitForURL('**/admin/users');
    await page.getByTestId('user-table').getByText('admin', { exact: true }).waitFor();
    await shot(page, 'users');

    await chooseLanguage(page, 'བོད་ཡིག');
    await page.getByTestId('bo-banner').waitFor();
    await menu.getByText('ལས་ཁུངས་སྒྲིག་གཞི།').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('bo');
    await shot(page, 'users-bo');
    await chooseLanguage(page, '中文');
    await menu.getByText('组织机构').waitFor();

    await page.getByTestId('user-menu').click();
    await page.getByText('退出登录').click();
    await page.waitForURL('**/login');
    await page.getByTestId('login-notice').waitFor();
    expect(await page.getByTestId('login-notice').textContent()).toContain('已安全退出');
    await page.context().close();
  });

  it('gives the auditor the audit log and a verifiable chain', async () => {
    const page = await newPage();
    await signIn(page, 'auditor');
    await page.getByTestId('side-menu').getByText('审计日志').click();
    await page.waitForURL('**/admin/audit');
    await page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByRole('button', { name: '校验审计链' }).click();
    await expect.poll(() => page.getByTestId('verify-result').textContent()).toContain('审计链完整');
    expect(await page.getByTestId('side-menu').getByText('用户管理').count()).toBe(0);
    await shot(page, 'audit');
    await page.context().close();
  });

  it('sends a user whose session has ended back to the login page', async () => {
    const page = await newPage();
    await signIn(page, 'office');
    await page.getByTestId('welcome').waitFor();
    await page.context().clearCookies();
    await page.getByTestId('side-menu').getByText('指标').click();
    await page.waitForURL('**/login');
    await page.getByTestId('login-notice').waitFor();
    await page.context().close();
  });
});

describe('public portal', () => {
  it('opens in Chinese and switches to Tibetan without signing in', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/portal`);
    await expect.poll(() => page.getByTestId('portal-title').textContent()).toBe('索县法治政府建设');
    // the services the modules publish, each a card
    for (const service of ['申请行政复议', '申请调解', '法律咨询', '查询办理进度', '法治政府建设年度报告'])
      await page.getByRole('link', { name: service }).waitFor();
    await shot(page, 'portal-zh');
    await chooseLanguage(page, 'བོད་ཡིག');
    await expect.poll(() => page.getByTestId('portal-title').textContent()).toContain('སོག་རྫོང་');
    await page.getByTestId('bo-banner').waitFor();
    await shot(page, 'portal-bo');
    await page.context().close();
  });
});
