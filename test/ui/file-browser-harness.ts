/**
 * Shared set-up for the file browser's Chromium tests: the real web mode in a fresh
 * user-data folder, a local project folder on disk, a real Chromium on the page, and
 * small helpers to find rows by path (hostile names included) and call the contract.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  // Ready, and done opening the board it opens at start (the virtual board on a fresh app).
  await page.waitForSelector('#app[data-state="ready"][data-start-connection="done"]', { timeout: 30_000 });
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

/**
 * Polls `read` until `accept` says yes; usable in hooks too, where `expect.poll` is not.
 * The timeout is generous for a loaded machine; it only bounds a failure.
 */
export async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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

/** Runs an action of a pane's context menu (Open, Rename, Delete, …) on the selection, through the "⋯" button. */
export async function menuAction(page: Page, side: 'board' | 'local', action: string): Promise<void> {
  await tool(page, side, 'more').click();
  await page.locator(`.context-menu [data-action="${action}"]`).click();
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
  await until(() => page.locator('.fb-local').getAttribute('data-folder'), (f) => f === folder, `the local folder ${folder}`);
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

/**
 * Connects the app to a board target through the contract and waits for the board pane
 * to have listed that board. The board's new status reaches the page before the connect
 * call's answer (one socket, in order), and the pane queues its listing on that status;
 * so once the pane is connected and no longer `aria-busy`, its tree is this board's.
 * (A `data-loaded` stamp alone could come from a listing begun before the connect.)
 */
export async function connectBoard(page: Page, target: { kind: 'virtual' } | { kind: 'serial'; path: string }): Promise<void> {
  await callApi(page, 'board', 'connect', target);
  await until(
    () => page.locator('.fb-board').evaluate((e) => `${e.getAttribute('data-connected')} ${e.getAttribute('aria-busy') ?? 'settled'}`),
    (s) => s === 'true settled',
    'the board pane to list the board',
  );
  const error = await page.locator('.fb-board').getAttribute('data-error');
  if (error) throw new Error(`the board pane could not list the board (${error}): ${await page.locator('.fb-message').textContent()}`);
}

/** Waits for the board pane to show exactly these paths. */
export async function expectBoardPaths(page: Page, paths: string[], timeout = 30_000): Promise<void> {
  const want = JSON.stringify([...paths].sort());
  await until(() => boardPaths(page), (now) => JSON.stringify(now) === want, `the board to show ${want}`, timeout);
}

/** Reads a board file through the contract, as text. */
export async function readBoardText(page: Page, path: string): Promise<string> {
  const { bytes } = await callApi<{ bytes: number[] }>(page, 'fs', 'read', path);
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** Answers the file browser's open confirm or prompt dialog. */
export async function answerDialog(page: Page, name: 'confirm' | 'prompt', value?: string): Promise<void> {
  const dialog = page.locator(`.fb-dialog[data-dialog="${name}"]`);
  if (value !== undefined) await dialog.locator('input[name="value"]').fill(value);
  await dialog.locator('[data-action="confirm"]').click();
  await until(() => dialog.count(), (n) => n === 0, `the ${name} dialog to close`);
}

/** Connects to the app's own virtual board and returns the clean-up. */
export async function connectVirtualBoard(t: BrowserHarness): Promise<() => Promise<void>> {
  await connectBoard(t.page, { kind: 'virtual' });
  return async () => {
    await callApi(t.page, 'board', 'disconnect').catch(() => undefined);
  };
}
