// Steps every story takes in the console, the way a person takes them.
import type { Locator, Page } from 'playwright-core';
import { TEST_PASSWORD } from '../../support/system';

export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录' }).waitFor();
}

/**
 * Ticks a checkbox or a radio the way a person does: one click, then the tick shows. The
 * console's boxes are controlled by their form, which re-renders a moment after the click on a
 * busy machine; Playwright's `check()` reads the state at once and would call that a lost click.
 */
export async function tick(box: Locator): Promise<void> {
  if (await box.isChecked()) return;
  await box.click();
  const input = await box.elementHandle();
  await box.page().waitForFunction((element) => (element as { checked?: boolean } | null)?.checked === true, input);
}
