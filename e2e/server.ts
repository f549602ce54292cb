// Starts the real server in-process for browser tests: a temp DATA_DIR, a free port, the Suo County demo.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { loadConfig } from '../server/src/config.js';
import { startServer } from '../server/src/server.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const screenshots = path.join(root, 'e2e/screenshots');

function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** Builds web/dist when it is missing or older than web/src. */
function ensureWebBuild() {
  const index = path.join(root, 'web/dist/index.html');
  if (!fs.existsSync(index) || newest(path.join(root, 'web/src')) > fs.statSync(index).mtimeMs) {
    execSync('npm run build -w web', { cwd: root, stdio: 'inherit' });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface TestServer {
  url: string;
  stop(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  ensureWebBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    FAZHI_LOG_LEVEL: 'warn',
    FAZHI_DEMO: '1',
  });
  const running = await startServer(config, { jobs: false });
  return {
    url: running.url.replace('localhost', '127.0.0.1'),
    stop: async () => {
      await running.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(screenshots, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const PASSWORD = 'Fazhi@2023';

/** A fresh browser context at a laptop's size, in Chinese. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** A full-page screenshot; `fullPage: false` for a dialog, which covers only the viewport. */
export const shot = (page: Page, name: string, { fullPage = true } = {}) =>
  page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage });

export async function signIn(page: Page, url: string, username: string, password = PASSWORD) {
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

export async function chooseLanguage(page: Page, label: string) {
  await page.getByTestId('language-switch').click();
  await page.locator('.ant-select-item-option', { hasText: label }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
}

/**
 * Opens the Select or TreeSelect in `field`, types `label` to search a long list or tree, and picks
 * it, until the field shows it: a click while the dropdown still moves or filters can miss.
 */
export async function chooseBySearch(page: Page, field: Locator, label: string) {
  const match = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .locator('.ant-select-tree-node-content-wrapper:visible, .ant-select-item-option:visible')
    .filter({ hasText: label });
  for (let attempt = 0; attempt < 3; attempt++) {
    await field.click();
    await page.keyboard.type(label);
    await match.first().click();
    const picked = await field
      .filter({ hasText: label })
      .waitFor({ timeout: 2_000 })
      .then(
        () => true,
        () => false,
      );
    if (picked) return;
    await page.keyboard.press('Escape');
  }
  throw new Error(`could not pick ${label}`);
}

/**
 * Opens the antd Select `field` (its combobox or its root) and chooses `label`, until the field shows
 * it: on a loaded machine a click can land while the dropdown is still opening or closing, and is lost.
 */
export async function chooseIn(page: Page, field: Locator, label: string | RegExp) {
  // the Select's root (class token `ant-select`, not `ant-select-…`); the dropdown is portalled out of it
  const shown = field
    .locator('xpath=ancestor-or-self::div[contains(concat(" ", @class, " "), " ant-select ")][1]')
    .filter({ hasText: label });
  for (let attempt = 1; ; attempt++) {
    await field.click();
    await pickOption(page, label);
    try {
      await shown.waitFor({ timeout: 3_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

/** Picks `label` in the open antd Select dropdown. */
export async function pickOption(page: Page, label: string | RegExp) {
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: label,
    })
    .first()
    .click();
}
