import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, shot, signIn, startTestServer, type TestServer } from './server.js';

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

const TASK = '组织“宪法宣传周”进村入户宣讲（消息提醒端到端测试）';
const TASK2 = '整理村（居）法律顾问服务台账（消息提醒端到端测试）';

/** A write through the API as the signed-in user of `page`, with the session's CSRF header. */
async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === 'fazhi_csrf')?.value ?? '';
  const r = await page.request.post(`${server.url}${path}`, {
    data,
    headers: { 'x-csrf-token': decodeURIComponent(csrf) },
  });
  expect(r.status(), await r.text()).toBe(200);
  return (await r.json()) as T;
}

async function get<T>(page: Page, path: string): Promise<T> {
  const r = await page.request.get(`${server.url}${path}`);
  expect(r.status(), await r.text()).toBe(200);
  return (await r.json()) as T;
}

const bellCount = async (page: Page) =>
  Number(await page.getByTestId('notification-bell').getAttribute('data-count'));

describe('消息提醒', () => {
  it('tells 亚拉镇 of a new task in the header bell; opening the message marks it read and shows the task', async () => {
    const office = await newPage(browser);
    await signIn(office, server.url, 'office');
    await office.getByTestId('welcome').waitFor();
    const units = await get<{ id: number; name: string }[]>(office, '/api/org/units');
    const yalaTown = units.find((u) => u.name === '亚拉镇人民政府')!;
    const plans = await get<{ id: string; voided: boolean }[]>(office, '/api/planning/plans');
    const plan = plans.find((p) => !p.voided)!;
    const deadline = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const task = await post<{ id: string }>(office, '/api/planning/tasks', {
      planId: plan.id,
      title: TASK,
      leadUnitId: yalaTown.id,
      deadline,
    });
    // a second one, so that a message is still unread when 全部已读 is tried below
    await post(office, '/api/planning/tasks', {
      planId: plan.id,
      title: TASK2,
      leadUnitId: yalaTown.id,
      deadline,
    });

    const yala = await newPage(browser);
    await signIn(yala, server.url, 'yala');
    await yala.getByTestId('welcome').waitFor();
    await expect.poll(() => bellCount(yala)).toBeGreaterThanOrEqual(2);
    const before = await bellCount(yala);

    await yala.getByTestId('notification-bell').click();
    const list = yala.getByTestId('notification-list');
    const item = list.getByTestId('notification-item').filter({ hasText: TASK });
    await item.waitFor();
    expect(await item.getAttribute('data-unread')).toBe('true');
    // the time reads as a Chinese date: 2023年7月1日 10:30
    expect(await item.textContent()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    await yala.waitForTimeout(300); // the popover's opening motion
    await shot(yala, 'notifications-bell', { fullPage: false });

    await item.click();
    await yala.waitForURL(`**/planning/tasks?id=${task.id}`);
    await yala.getByTestId('task-table').waitFor();
    // the link opens that task's drawer
    await yala.locator('.ant-drawer-open').getByText(TASK).first().waitFor();
    await shot(yala, 'notifications-linked-task', { fullPage: false });
    await yala.locator('.ant-drawer-open .ant-drawer-close').first().click();
    await yala.locator('.ant-drawer-open').waitFor({ state: 'hidden' });
    await expect.poll(() => bellCount(yala)).toBe(before - 1);

    // 全部已读 empties the count
    await yala.getByTestId('notification-bell').click();
    await yala.getByTestId('notification-read-all').click();
    await expect.poll(() => bellCount(yala)).toBe(0);
    await expect
      .poll(() => yala.getByTestId('notification-item').filter({ hasText: TASK }).getAttribute('data-unread'))
      .toBeNull();
  });
});
