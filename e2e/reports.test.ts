import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-reports-'));
const SHOTS = '/tmp/shots';

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  fs.mkdirSync(SHOTS, { recursive: true });
}, 900_000); // loading the demo takes minutes when the machine is busy

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Both the suite's screenshots and the reviewer's copy in /tmp/shots. */
async function snap(page: Page, name: string, opts: { fullPage?: boolean } = {}) {
  await shot(page, `reports-${name}`, opts);
  await page.screenshot({ path: path.join(SHOTS, `reports-${name}.png`), fullPage: opts.fullPage ?? true });
}

async function open(page: Page, username: string, to: string) {
  page.setDefaultTimeout(30_000); // a busy machine renders slowly
  // another suite rebuilding web/dist meanwhile leaves a blank page: load the login page again
  for (let i = 0; i < 3; i++) {
    await page.goto(`${server.url}/login`);
    const ready = await page
      .getByLabel('用户名')
      .waitFor({ timeout: 20_000 })
      .then(() => true)
      .catch(() => false);
    if (ready) break;
  }
  await signIn(page, server.url, username);
  await page.getByTestId('welcome').waitFor();
  await page.goto(`${server.url}${to}`);
}

/** A call from the signed-in page, with its CSRF token, for setting up what the UI test does not drive. */
function send(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ([m, u, b]) => {
      const csrf = decodeURIComponent(document.cookie.match(/fazhi_csrf=([^;]+)/)?.[1] ?? '');
      const r = await fetch(u, {
        method: m,
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: r.status, body: (await r.json()) as Record<string, unknown> };
    },
    [method, url, body] as const,
  );
}

const preview = (page: Page) => page.getByTestId('report-preview');

describe('年度报告', () => {
  it('drafts the Suo 2023 report from the seed outline, previews it live and downloads the Word file', async () => {
    const page = await newPage(browser);
    await open(page, 'office', '/reports');
    await page.getByTestId('report-new').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '新建报告' });
    await dialog.getByTestId('new-year').fill('2023');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await page.getByTestId('report-title').getByText('索县2023年法治政府建设工作报告').waitFor();

    // the seed outline rendered with the demo's records: mediation's 12 judicial confirmations, publicity's 224 lectures
    await preview(page).getByText('索县2023年法治政府建设').first().waitFor();
    await expect.poll(() => preview(page).textContent(), { timeout: 30_000 }).toContain('12件');
    expect(await preview(page).textContent()).toContain('224场次');
    const checks = page.getByTestId('checks-panel');
    await checks.getByTestId('required-items').waitFor();
    expect(await checks.getByTestId('required-items').textContent()).toContain('不足和原因');
    await preview(page).getByText('12件').first().scrollIntoViewIfNeeded();
    await snap(page, 'editor', { fullPage: false });

    // a new section on shortcomings, with a figure inserted at the caret, shows in the preview
    await page.getByTestId('section-add').click();
    const section = page.getByTestId('outline-editor').locator('.ant-collapse-item').last();
    await section.getByTestId('section-heading').fill('存在的不足和原因');
    await chooseIn(page, section.getByTestId('section-level'), '一级');
    await chooseIn(page, section.getByTestId('section-item'), '存在的不足和原因');
    await section.getByTestId('section-text').fill('全年开展普法讲座场次，基层覆盖仍不均衡。');
    // the caret goes after 全年开展普法讲座: the figure lands there, not at the end
    await section.getByTestId('section-text').press('Control+End');
    for (let i = 0; i < 12; i++) await section.getByTestId('section-text').press('ArrowLeft');
    await section.getByTestId('insert-figure').click();
    const picker = page.getByRole('dialog').filter({ hasText: '数字写法' });
    await picker.getByPlaceholder('按名称、键或口径查找').fill('publicity.lectures');
    await picker.getByTestId('pick-publicity.lectures').click();
    await expect
      .poll(() => section.getByTestId('section-text').inputValue())
      .toBe('全年开展普法讲座{{publicity.lectures}}场次，基层覆盖仍不均衡。');
    await expect
      .poll(() => preview(page).textContent(), { timeout: 30_000 })
      .toContain('全年开展普法讲座224场次，基层覆盖仍不均衡。');
    // the five-items check follows the unsaved outline: only 其他情况 is missing now
    await expect
      .poll(() => checks.getByTestId('required-items').textContent(), { timeout: 30_000 })
      .not.toContain('不足和原因');
    expect(await checks.getByTestId('required-items').textContent()).toContain('其他需要报告的情况');
    await page.getByTestId('outline-save').click();
    await page.getByText('已保存为第2版').waitFor();
    await preview(page).getByText('全年开展普法讲座224场次').scrollIntoViewIfNeeded();
    await snap(page, 'edited', { fullPage: false });

    // the Word file: a .docx (a zip) of real size
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-docx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = path.join(tmp, 'report.docx');
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    // the formatted document in its frame
    await page.getByRole('tab', { name: '排版预览' }).click();
    const frame = page.frameLocator('[data-testid=document-frame]');
    await frame.getByText('全年开展普法讲座224场次').waitFor();
    await page.waitForTimeout(500);
    await snap(page, 'document', { fullPage: false });

    // submission is refused while figures have no source, and the page lists why
    await page.getByRole('tab', { name: '审批流程与版本' }).click();
    await page.getByTestId('wf-submit').click();
    await page.getByTestId('submit-problems').waitFor();
    expect(await page.getByTestId('submit-problems').textContent()).toMatch(/来源|五项/);
    await page.getByTestId('versions-table').getByText('第2版').waitFor();
    await snap(page, 'workflow');
    await page.context().close();
  }, 300_000);

  it('takes a complete report through sign-off, secrecy review and publication to the portal', async () => {
    const office = await newPage(browser);
    await open(office, 'office', '/reports');
    const outline = {
      title: '{{report.division}}{{report.year}}年法治政府建设情况报告',
      preamble: '现将{{report.year}}年法治政府建设情况报告如下。',
      sections: [
        {
          id: 'a',
          level: 1,
          heading: '主要举措和成效',
          text: '全年开展普法讲座{{publicity.lectures}}场次。',
          item: 'measures',
        },
        { id: 'b', level: 1, heading: '存在的不足和原因', text: '基层普法力量不足。', item: 'shortcomings' },
        {
          id: 'c',
          level: 1,
          heading: '党政主要负责人履行第一责任人职责情况',
          text: '主要负责人带头述法。',
          item: 'leaderDuties',
        },
        {
          id: 'd',
          level: 1,
          heading: '{{report.nextYear}}年工作安排',
          text: '持续推进“八五”普法。',
          item: 'plans',
        },
        { id: 'e', level: 1, heading: '其他需要报告的情况', text: '无。', item: 'other' },
      ],
    };
    // the Suo 2023 report drafted above, its outline cut down to the five items with sourced figures
    const list = await send(office, 'GET', '/api/reports?year=2023');
    const suo = (list.body as unknown as { id: string; divisionCode: string }[]).find(
      (r) => r.divisionCode === '540626',
    )!;
    const current = await send(office, 'GET', `/api/reports/${suo.id}`);
    const saved = await send(office, 'PUT', `/api/reports/${suo.id}/outline`, {
      outline,
      baseSeq: current.body.latestSeq,
      note: '精简为五项内容',
    });
    expect(saved.status).toBe(200);
    await office.goto(`${server.url}/reports/${suo.id}?tab=workflow`);

    // one comment round: opened with a due date, a comment on a section, closed again
    await office.getByTestId('wf-startComments').click();
    await office.getByTestId('decision-ok').click();
    await office.locator('.ant-tag', { hasText: '征求意见中' }).first().waitFor();
    await chooseIn(office, office.getByTestId('comments-card').locator('.ant-select'), '存在的不足和原因');
    await office.getByTestId('comment-body').fill('建议写明基层普法力量不足的具体表现。');
    await office.getByTestId('comment-add').click();
    const comment = office.getByTestId('comments-card').locator('.ant-list-item').first();
    await comment.getByText('建议写明基层普法力量不足的具体表现。').waitFor();
    expect(await comment.textContent()).toContain('二、存在的不足和原因');
    await office.getByTestId('wf-close').click();
    await office.locator('.ant-tag', { hasText: '起草中' }).first().waitFor();
    await office.getByTestId('wf-submit').click();
    await office.locator('.ant-tag', { hasText: '待领导签批' }).first().waitFor();

    const leader = await newPage(browser);
    await open(leader, 'leader', `/reports/${suo.id}?tab=workflow`);
    await leader.getByTestId('wf-approve').click();
    await leader.getByTestId('sign-comment').fill('同意发布。');
    await leader.getByTestId('decision-ok').click();
    await leader.locator('.ant-tag', { hasText: '待保密审查' }).first().waitFor();
    await leader.context().close();

    await office.reload();
    await office.getByTestId('wf-secrecy').click();
    await office.getByTestId('secrecy-note').fill('经审查不涉及国家秘密、工作秘密和个人隐私。');
    await office.getByTestId('decision-ok').click();
    await office.locator('.ant-tag', { hasText: '待发布' }).first().waitFor();
    await office.getByTestId('wf-publish').click();
    await office.getByTestId('decision-ok').click();
    await office.locator('.ant-tag', { hasText: '已发布' }).first().waitFor();
    await office.getByTestId('decisions').getByText('同意发布。').waitFor();
    await snap(office, 'published');
    await office.getByRole('link', { name: '‹ 年度报告' }).click();
    const row = office.getByTestId('report-table').locator('tbody tr.ant-table-row').first();
    await expect.poll(() => row.textContent()).toContain('已发布');
    await snap(office, 'list', { fullPage: false });
    await office.context().close();

    // the portal, without signing in, in Chinese and Tibetan
    const visitor = await newPage(browser);
    await visitor.goto(`${server.url}/portal/reports`);
    const item = visitor.getByTestId('portal-report').filter({ hasText: '索县2023年法治政府建设情况报告' });
    await item.waitFor();
    const html = await visitor.request.get(
      `${server.url}${await item.getByRole('link', { name: /在线阅读/ }).getAttribute('href')}`,
    );
    expect(await html.text()).toContain('全年开展普法讲座224场次');
    const [download] = await Promise.all([
      visitor.waitForEvent('download'),
      item.getByRole('link', { name: /下载 Word/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    await snap(visitor, 'portal');
    await chooseLanguage(visitor, 'བོད་ཡིག');
    await visitor.getByText('ཁྲིམས་ལུགས་གཞུང་འཛུགས་སྐྲུན་གྱི་ལོ་འཁོར་སྙན་ཞུ།').first().waitFor();
    await snap(visitor, 'portal-bo');
    await visitor.context().close();
  }, 300_000);
});
