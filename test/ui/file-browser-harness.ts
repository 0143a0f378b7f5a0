/**
 * Shared set-up for the file browser's Chromium tests: the real web mode in a fresh
 * user-data folder, a local project folder on disk, a real Chromium on the page, and
 * small helpers to find rows by path (hostile names included) and call the contract.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from '../support/chromium';
import { startWebApp, type RunningWebApp } from '../support/web-app';

export interface BrowserHarness {
  app: RunningWebApp;
  chromium: ChromiumSession;
  page: Page;
  /** A scratch folder for the test's local project and other files. */
  scratch: string;
  errors: string[];
  close(): Promise<void>;
}

export async function openFileBrowser(options: { extraArgs?: string[] } = {}): Promise<BrowserHarness> {
  const scratch = await mkdtemp(join(tmpdir(), 'mpstudio-fb-'));
  const app = await startWebApp({ userDataDir: join(scratch, 'user-data'), extraArgs: options.extraArgs ?? [] });
  const chromium = await launchChromium({ width: 1400, height: 900 });
  const page = chromium.page;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(app.url);
  await page.waitForSelector('#app[data-state="ready"]', { timeout: 30_000 });
  await page.waitForSelector('.file-browser', { timeout: 30_000 });
  return {
    app,
    chromium,
    page,
    scratch,
    errors,
    async close() {
      await chromium.close().catch(() => undefined);
      await app.stop().catch(() => undefined);
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

/** A CSS string literal for any file name: quotes, backslashes and newlines escaped. */
export function cssString(value: string): string {
  return `"${[...value].map((c) => (c === '"' || c === '\\' ? `\\${c}` : c.charCodeAt(0) < 0x20 ? `\\${c.charCodeAt(0).toString(16)} ` : c)).join('')}"`;
}

export function row(page: Page, side: 'board' | 'local', path: string): Locator {
  return page.locator(`.fb-${side} .fb-tree .fb-row[data-path=${cssString(path)}]`);
}

export function tool(page: Page, side: 'board' | 'local', action: string): Locator {
  return page.locator(`.fb-${side} .fb-toolbar [data-action="${action}"]`);
}

/** Calls the contract from the page, as the renderer does. */
export async function callApi<T>(page: Page, area: string, verb: string, ...args: unknown[]): Promise<T> {
  return (await page.evaluate(
    async ([a, v, rest]) => {
      const api = (globalThis as unknown as { studio: Record<string, Record<string, (...x: unknown[]) => Promise<unknown>>> }).studio;
      const result = await api[a as string]![v as string]!(...(rest as unknown[]));
      // Bytes do not survive evaluate's JSON: hand them back as an array.
      return result instanceof Uint8Array ? { bytes: [...result] } : result;
    },
    [area, verb, args] as const,
  )) as T;
}

/** Chooses the local folder through the UI, typing its path as web mode requires. */
export async function chooseLocalFolder(page: Page, folder: string): Promise<void> {
  await tool(page, 'local', 'choose').click();
  const dialog = page.locator('.fb-dialog[data-dialog="prompt"]');
  await dialog.locator('input').fill(folder);
  await dialog.locator('[data-action="confirm"]').click();
  await expect.poll(() => page.locator('.fb-local').getAttribute('data-folder'), { timeout: 20_000 }).toBe(folder);
}

/** The board pane's paths, as displayed. */
export async function boardPaths(page: Page): Promise<string[]> {
  return (await page.locator('.fb-board .fb-tree .fb-row').evaluateAll((rows) => rows.map((r) => (r as unknown as { dataset: { path?: string } }).dataset.path ?? ''))).sort();
}

export async function localPaths(page: Page): Promise<string[]> {
  return (await page.locator('.fb-local .fb-tree .fb-row').evaluateAll((rows) => rows.map((r) => (r as unknown as { dataset: { path?: string } }).dataset.path ?? ''))).sort();
}

export async function activeEditorText(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (globalThis as unknown as { mpstudioAutomation?: { activeEditorText(): string | undefined } }).mpstudioAutomation?.activeEditorText());
}
