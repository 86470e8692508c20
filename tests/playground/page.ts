/** Driving the playground page in Chromium as a person does: cells, the add-on menu, tabs, typing. */
import type { Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** The grid cell at `a1` of the sheet on show. */
export const cell = (page: Page, a1: string) => page.locator(`td[data-a1="${a1}"]`);

export const text = (page: Page, a1: string) => cell(page, a1).textContent();

/** Extensions › OKR for Sheets › the item that runs `fn`. */
export async function menu(page: Page, fn: string): Promise<void> {
  await page.click('#addon-menu');
  await page.click(`[data-fn="${fn}"]`);
}

export async function openTab(page: Page, name: string): Promise<void> {
  await page.click(`#tabs button[data-sheet="${name}"]`);
  await page.waitForSelector(`table.sheet[data-sheet="${name}"]`);
}

/** Types into a cell as a person does (select, double-click, type, Enter); `shown`: wait until the cell shows it. */
export async function type(page: Page, a1: string, value: string, shown?: string): Promise<void> {
  await cell(page, a1).click();
  await cell(page, a1).dblclick();
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
  if (shown !== undefined) await page.waitForFunction(([at, v]) => document.querySelector(`td[data-a1="${at}"]`)?.textContent === v, [a1, shown]);
}
