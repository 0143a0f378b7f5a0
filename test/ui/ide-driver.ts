/**
 * Drives the IDE in Chromium over web mode the way a user does (keyboard, clicks),
 * with a few reads that the screen cannot give a test: the terminal's whole buffer
 * and the editor's text, through `window.mpstudioAutomation`.
 */
import type { Page } from 'playwright-core';
import type { StudioApi } from '../../preload/contract';
import { launchChromium, type ChromiumSession } from '../support/chromium';
import { startWebApp, type RunningWebApp } from '../support/web-app';

/** What the page's `window` holds, for code that runs inside the page. */
export interface PageGlobals {
  studio: StudioApi;
  document: { documentElement: { dataset: Record<string, string | undefined>; style: { getPropertyValue(name: string): string } } };
  mpstudioAutomation: {
    replText(): string;
    replRows(): string;
    replWriting(): boolean;
    activeEditorText(): string | undefined;
    boardState(): string;
  };
}
/** The page's globals, inside `page.evaluate` (the cast is erased before the code reaches the page). */
export type InPage = typeof globalThis & PageGlobals;
/**
 * The same, for reads that may run while the page (re)loads: `waitForFunction` polls on
 * across a navigation, into a document whose app has not installed `mpstudioAutomation`
 * yet. Reading through `?.` there gives "nothing yet" instead of a page error.
 */
export type LoadingPage = typeof globalThis & Partial<PageGlobals>;

export interface Ide {
  app: RunningWebApp;
  chromium: ChromiumSession;
  page: Page;
  /** Page errors seen so far; a test ends by expecting none. */
  errors: string[];
  close(): Promise<void>;
}

// Bounds a failure only; generous because the test machine is shared and often heavily loaded.
export const UI_TIMEOUT = 60_000;

export async function openIde(options: { userDataDir?: string; app?: RunningWebApp } = {}): Promise<Ide> {
  const app = options.app ?? (await startWebApp(options.userDataDir ? { userDataDir: options.userDataDir } : {}));
  const chromium = await launchChromium();
  const errors: string[] = [];
  chromium.page.on('pageerror', (error) => errors.push(error.message));
  await loadIde(chromium.page, app.url);
  return {
    app,
    chromium,
    page: chromium.page,
    errors,
    async close() {
      await chromium.close();
      if (!options.app) await app.stop();
    },
  };
}

export async function loadIde(page: Page, url: string): Promise<void> {
  await page.goto(url);
  // Ready, and done with the board it opens at start (the virtual board on a fresh app), so
  // a test's own connecting never races the app's.
  await page.waitForSelector('#app[data-state="ready"][data-start-connection="done"]', { timeout: UI_TIMEOUT });
}

export function replText(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as LoadingPage).mpstudioAutomation?.replText() ?? '');
}

/** Waits until the terminal shows text matching `pattern` and returns the whole text. */
export async function waitForRepl(page: Page, pattern: RegExp, timeout = UI_TIMEOUT): Promise<string> {
  try {
    await page.waitForFunction(
      ([source, flags]) => new RegExp(source, flags).test((globalThis as LoadingPage).mpstudioAutomation?.replText() ?? ''),
      [pattern.source, pattern.flags] as const,
      { timeout, polling: 50 },
    );
  } catch (error) {
    // Say what the terminal did show and what state the board was in: a timeout alone explains nothing.
    const shown = await replText(page).catch(() => '(unreadable)');
    const state = await page.locator('.state-pill').getAttribute('data-state').catch(() => '(unreadable)');
    throw new Error(`the terminal never matched ${pattern} (board ${state}); its last lines:\n${shown.split(/\r?\n/).slice(-15).join('\n')}`, { cause: error });
  }
  return replText(page);
}

export function editorText(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (globalThis as LoadingPage).mpstudioAutomation?.activeEditorText());
}

export async function waitForBoardState(page: Page, state: string, timeout = UI_TIMEOUT): Promise<void> {
  await page.waitForSelector(`.state-pill[data-state="${state}"]`, { timeout });
}

/**
 * Connects the virtual board through the connection bar; when it is already on (as at
 * start) this only waits for it to be idle: right after the start it is often busy with
 * the app's own first reads (the file browser's listing), and that is no reason to
 * disconnect it.
 */
export async function connectVirtual(page: Page): Promise<void> {
  const state = await page.locator('.state-pill').getAttribute('data-state');
  if ((state === 'idle' || state === 'busy') && (await page.locator('.board-select').inputValue()) === 'virtual') {
    await waitForBoardState(page, 'idle');
    return;
  }
  if (state !== 'disconnected') {
    await page.click('button.connect'); // Disconnect whatever else is on.
    await waitForBoardState(page, 'disconnected');
  }
  await page.selectOption('.board-select', 'virtual');
  await page.click('button.connect');
  await waitForBoardState(page, 'idle');
}

/** Connects to a serial path (e.g. QEMU's pty), which the port list need not show. */
export async function connectSerial(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => (globalThis as InPage).studio.board.connect({ kind: 'serial', path: p }), path);
  await waitForBoardState(page, 'idle', 30_000);
}

/** Types into the REPL terminal and presses Enter. */
export async function typeInRepl(page: Page, line: string): Promise<void> {
  await page.click('[data-panel="repl"][role="tab"]');
  await page.click('.repl-host .xterm-screen');
  await page.keyboard.type(line, { delay: 5 });
  await page.keyboard.press('Enter');
}

/** Replaces the active editor's text, inserting it as a paste would (no auto-indent). */
export async function setEditorText(page: Page, text: string): Promise<void> {
  await page.click('.editor-pane:not([hidden]) .cm-editor .cm-line >> nth=0');
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(text);
}

export async function newFile(page: Page, text: string): Promise<void> {
  await page.click('button[data-command="file:new"]');
  await setEditorText(page, text);
}

/** Fills the form of the dialog on screen and submits it. */
export async function fillDialog(page: Page, values: Record<string, string>): Promise<void> {
  const dialog = page.locator('.dialog');
  await dialog.waitFor({ timeout: UI_TIMEOUT });
  for (const [name, value] of Object.entries(values)) {
    const field = dialog.locator(`[name="${name}"]`);
    if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await dialog.locator('button.primary').click();
}
