import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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

async function asOffice(path: string): Promise<Page> {
  const page = await newPage(browser);
  await signIn(page, server.url, 'office');
  await page.getByTestId('welcome').waitFor();
  await page.goto(`${server.url}${path}`);
  return page;
}

const dropdownClosed = (page: Page) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });

const ok = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();

/** The office's set-up of a new year, done in the browser: plan, 述法 campaign, assessment round. */
describe('the office sets up 2024', () => {
  it('creates the 2024 work plan and edits its warning rule', async () => {
    const page = await asOffice('/planning/tasks');
    await page.getByTestId('plan-new').click();
    const dialog = page.getByTestId('plan-dialog');
    await dialog.getByLabel('年度').fill('2024');
    await dialog.getByLabel('计划名称').fill('索县2024年法治政府建设工作要点');
    await ok(page, 'plan-dialog');
    await expect.poll(() => page.getByTestId('plan-select').textContent()).toContain('2024 · 索县2024年');

    await page.getByTestId('plan-edit').click();
    await page.getByTestId('plan-dialog').getByLabel('完成时限前预警').fill('15');
    await ok(page, 'plan-dialog');
    await page.getByTestId('plan-dialog').waitFor({ state: 'hidden' });
    const plans = await page.evaluate(async () => (await fetch('/api/planning/plans?year=2024')).json());
    expect(plans).toMatchObject([{ title: '索县2024年法治政府建设工作要点', riskWorkdays: 15 }]);
    await page.context().close();
  });

  it('opens the 2024 述法 campaign and names who must report', async () => {
    const page = await asOffice('/accountability');
    await page.getByTestId('campaign-new').click();
    const dialog = page.getByTestId('campaign-dialog');
    await dialog.getByLabel('年度').fill('2024');
    await dialog.getByLabel('活动名称').fill('2024年度述法工作');
    await ok(page, 'campaign-dialog');
    await expect.poll(() => page.getByTestId('campaign-year').textContent()).toContain('2024');

    await page.getByTestId('reporters-add-open').click();
    const list = page.getByTestId('reporters-dialog');
    await chooseIn(page, list.locator('.ant-select').first(), '乡镇党委书记');
    await dropdownClosed(page);
    await chooseIn(page, list.locator('.ant-select').nth(1), '亚拉镇人民政府');
    await dropdownClosed(page);
    await list.getByPlaceholder('述法人').fill('次仁多吉');
    await list.getByPlaceholder('职务').fill('亚拉镇党委书记');
    const added = page.waitForResponse(
      (r) => r.url().endsWith('/reporters') && r.request().method() === 'POST',
    );
    await ok(page, 'reporters-dialog');
    expect((await added).status(), await (await added).text()).toBe(200);
    const required = page
      .getByTestId('completeness')
      .locator('.ant-statistic', { hasText: '应述' })
      .locator('.ant-statistic-content-value');
    await expect.poll(() => required.textContent(), { timeout: 15_000 }).toBe('1');
    await shot(page, 'accountability-new-campaign');
    await page.context().close();
  });

  it('starts a 2024 assessment round and turns a deduction into a finding', async () => {
    const page = await asOffice('/assessment');
    await page.getByTestId('round-new').click();
    const dialog = page.getByTestId('round-dialog');
    await chooseIn(page, dialog.locator('.ant-select'), /考核/);
    await dialog.getByLabel('考核名称').fill('2024年度乡镇法治政府建设考核');
    await ok(page, 'round-dialog');
    await expect.poll(() => page.getByTestId('round-select').textContent()).toContain('2024年度');

    const ranking = page.getByTestId('ranking-table').locator('tbody tr.ant-table-row');
    await ranking.filter({ hasText: '亚拉镇' }).click();
    const sheet = page.getByTestId('sheet-table');
    const first = sheet.locator('tbody tr.ant-table-row').first();
    await first.waitFor();
    await first.getByPlaceholder('得分').fill('0');
    await chooseIn(page, first.locator('.ant-select'), '查阅资料');
    await first.getByPlaceholder(/扣分理由/).fill('未按要求建立法治建设工作台账');
    await first.getByText('为此扣分生成整改问题').click();
    await first.getByPlaceholder('整改期限').fill('2027-06-30');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '保存评分' }).click();
    await expect.poll(() => first.textContent(), { timeout: 20_000 }).toContain('已生成整改问题');
    await shot(page, 'assessment-deduction-finding', { fullPage: false });

    // the finding is in the one pool of problems, owned by 亚拉镇, with the deduction's reason
    const findings = await page.evaluate(async () =>
      (await fetch('/api/findings?pageSize=200&sourceModule=assessment')).json(),
    );
    const mine = JSON.stringify(findings);
    expect(mine).toContain('未按要求建立法治建设工作台账');
    await page.context().close();
  });
});
