// A clerk who works with the keyboard only: Tab between labelled fields, Enter to sign in, a
// visible focus outline, and the larger-text mode switched on from the header and remembered.
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { startSystem, TEST_PASSWORD, type RunningSystem } from '../support/system';
import { launchBrowser, openPage, type WatchedPage } from './support/browser';

describe('console: signing in with the keyboard only', function () {
  this.timeout(180_000);
  let system: RunningSystem;
  let browser: Browser;
  let watched: WatchedPage;

  before(async () => {
    system = await startSystem('e2e_keyboard');
    browser = await launchBrowser();
    watched = await openPage(browser, system.url);
  });
  after(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('when the clerk types, tabs and presses Enter, then the window workspace opens and the focus is always visible', async () => {
    const { page } = watched;
    await page.goto('/');
    // Not signed in: the sign-in page, with the cursor in the first field.
    await page.getByRole('heading', { name: '并联审批工作台' }).waitFor();
    // (Browser-side expressions are strings: the tests compile without the DOM library.)
    const focusedId = () => page.evaluate<string | undefined>('document.activeElement?.id');
    const usernameId = await page.getByLabel('用户名').getAttribute('id');
    await page.waitForFunction(`document.activeElement?.id === ${JSON.stringify(usernameId)}`);
    await page.keyboard.type('clerk1');
    await page.keyboard.press('Tab');
    expect(await focusedId()).to.equal(await page.getByLabel('密码').getAttribute('id'));
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '窗口待办' }).waitFor();
    await watched.screenshot('sign-in-keyboard-window');

    // Tab to the larger-text switch; the focused control shows an outline; Space turns it on.
    const largeText = page.getByRole('switch', { name: '大字模式（适老化）' });
    const focused = async () => (await page.evaluate<string | null | undefined>("document.activeElement?.getAttribute('aria-label')")) === '大字模式（适老化）';
    for (let i = 0; i < 10 && !(await focused()); i++) {
      await page.keyboard.press('Tab');
    }
    expect(await focused(), 'the switch is reachable with Tab').to.equal(true);
    const outline = await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline, 'the focused control has a visible outline').to.not.equal('none');
    await page.keyboard.press('Space');
    await page.waitForFunction("document.documentElement.style.fontSize === '20px'");
    expect(await largeText.getAttribute('aria-checked')).to.equal('true');
    await page.reload();
    await page.getByRole('heading', { name: '窗口待办' }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.style.fontSize'), 'remembered after a reload').to.equal('20px');
    expect(watched.problems).to.deep.equal([]);
  });

  it('when a browser opens the sign-in page for the first time, then it transfers at most 500 KB, compressed', async () => {
    const fresh = await openPage(browser, system.url);
    try {
      const sizes: Promise<number>[] = [];
      fresh.page.on('requestfinished', (request) => {
        sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
      });
      await fresh.page.goto('/login', { waitUntil: 'networkidle' });
      await fresh.page.getByRole('button', { name: '登录' }).waitFor();
      const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      console.log(`      sign-in page: ${Math.round(total / 1024)} KB compressed`);
      expect(total, `sign-in page transferred ${Math.round(total / 1024)} KB`).to.be.at.most(500 * 1024);
      expect(fresh.problems).to.deep.equal([]);
    } finally {
      await fresh.close();
    }
  });
});
