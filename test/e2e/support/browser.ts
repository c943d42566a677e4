// Debian's Chromium driven through playwright-core. Every page records console errors, page
// errors, failed requests and 5xx answers; a story ends by asserting there were none.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ARTIFACTS = join(__dirname, '..', 'artifacts');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** What went wrong in the page so far: console errors, page errors, failed requests, 5xx. */
  problems: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openPage(browser: Browser, baseURL: string, options: { width?: number; height?: number; timezoneId?: string } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    // Instants must show in Shanghai time whatever the browser's own zone.
    timezoneId: options.timezoneId ?? 'America/New_York',
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
  });
  // Generous: CI machines are small, and a poll may take a few seconds to bring a change in.
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`server error: ${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return {
    page,
    context,
    problems,
    async screenshot(name) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
    close: () => context.close(),
  };
}
