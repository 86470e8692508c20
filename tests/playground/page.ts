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

/** Types into a cell as a person does (click it, type over it, Enter); `delay`: ms between keys; `shown`: wait until the cell shows it. */
export async function type(page: Page, a1: string, value: string, shown?: string, delay = 0): Promise<void> {
  await cell(page, a1).click();
  await page.keyboard.type(value, { delay });
  await page.keyboard.press('Enter');
  if (shown !== undefined) await page.waitForFunction(([at, v]) => document.querySelector(`td[data-a1="${at}"]`)?.textContent === v, [a1, shown]);
}

/** Waits until every queued edit reached the workbook and the grid was drawn from it. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.pending === '0' || document.body.dataset.pending === undefined);
  await page.waitForFunction(() => !document.querySelector('td.pending'));
}
