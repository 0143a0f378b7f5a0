/**
 * Helpers for tests of the replace rule: the question the app asks before a file with
 * other content is replaced, and fixture writes that replace on purpose (with consent
 * for exactly the content that is there, as a user's "Replace" gives).
 */
import type { Locator, Page } from 'playwright-core';
import { callApi, connectBoard, until } from './file-browser-harness';

export function replaceDialog(page: Page): Locator {
  return page.locator('.dialog[data-dialog="replace"]');
}

/** Waits for the question, returns its two sides' text, and answers it. */
export async function answerReplace(page: Page, choice: 'replace' | 'keep-both' | 'cancel', forAll = false): Promise<{ existing: string; incoming: string }> {
  const dialog = replaceDialog(page);
  await dialog.waitFor({ state: 'visible', timeout: 60_000 });
  const existing = (await dialog.locator('[data-testid="replace-existing"]').textContent()) ?? '';
  const incoming = (await dialog.locator('[data-testid="replace-incoming"]').textContent()) ?? '';
  if (forAll) await dialog.locator('input[name="forAll"]').check();
  await dialog.locator(`[data-choice="${choice}"]`).click();
  await until(() => replaceDialog(page).count(), (n) => n === 0, 'the replace question to close');
  return { existing, incoming };
}

/** Writes a board file in a test's set-up, replacing whatever is there (a fixture, not a user's action). */
export async function putBoardFile(page: Page, path: string, text: string): Promise<void> {
  const there = await callApi<unknown>(page, 'fs', 'stat', path);
  const consent = there ? { replaces: await callApi<string>(page, 'fs', 'hash', path) } : undefined;
  await callApi(page, 'fs', 'write', path, new TextEncoder().encode(text), `fixture${Date.now().toString(36)}`, consent ?? {});
}

/** Asserts for `ms` that no replace question shows up (equal contents ask nothing). */
export async function expectNoQuestion(page: Page, ms = 1500): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if ((await replaceDialog(page).count()) > 0) throw new Error('the app asked about replacing a file whose content is the same');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Uses the virtual board the app connected at start (a fresh app opens it), connecting
 * only when it is not on: connecting again would restart its interpreter for nothing.
 */
export async function useStartVirtualBoard(page: Page): Promise<void> {
  const status = await callApi<{ state: string; target: { kind: string } | null }>(page, 'board', 'status');
  if (status.state === 'idle' && status.target?.kind === 'virtual') {
    await until(() => page.locator('.fb-board').getAttribute('data-loaded'), (l) => l !== null, 'the board pane to load');
    return;
  }
  // On this shared machine (load average 20-40 on 2 cores) the interpreter's start can outlast
  // the 6 s connect timeout; the app itself then reports it and the user connects again, as here.
  for (let attempt = 1; ; attempt++) {
    try {
      await connectBoard(page, { kind: 'virtual' });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}
