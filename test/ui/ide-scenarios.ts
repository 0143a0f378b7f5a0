/**
 * The IDE's main scenarios, written once and run against each kind of board (the
 * virtual board, the QEMU micro:bit): connect, the REPL, open/edit/save a board
 * file, F5, stop, traceback links, syntax errors, board completions, paste, and no
 * raw-REPL noise in the terminal. Each step leaves a screenshot in test-results/.
 */
import type { Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import {
  editorText,
  fillDialog,
  newFile,
  replText,
  typeInRepl,
  UI_TIMEOUT,
  waitForBoardState,
  waitForRepl,
  type Ide,
  type InPage,
} from './ide-driver';

export interface ScenarioOptions {
  /** Prefix for screenshot names. */
  name: string;
  ide(): Ide;
  connect(page: Page): Promise<void>;
  /** A loop body statement that keeps the board busy for a moment between prints. */
  pause: string;
  /** Longer waits for slow boards (QEMU over a paced UART). */
  timeout: number;
}

const RAW_REPL_NOISE = /raw REPL; CTRL-B to exit|\x04|^OK/m;

export function ideScenarios(o: ScenarioOptions): void {
  const page = () => o.ide().page;
  const shot = (state: string) => saveScreenshot(page(), `ide-${o.name}-${state}`);
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await shot(`failed-${context.task.name.replace(/\W+/g, '-').slice(0, 40)}`);
  });

  it('connects and shows the state and MicroPython version', async () => {
    await o.connect(page());
    expect(await page().locator('.board-version').textContent()).toMatch(/^v\d+\.\d+/);
    expect(await page().locator('.board-version').getAttribute('title')).toMatch(/MicroPython v?\d+\.\d+/);
    // (The state may flicker to Busy while the file browser lists the board.)
    expect(await page().locator('.status-board').textContent()).toMatch(/: \w.* · MicroPython \d+\.\d+/);
    expect(await page().locator('button.connect').textContent()).toBe('Disconnect');
    await waitForRepl(page(), />>> $/m, o.timeout);
    await shot('connected');
  });

  it('answers 1+2 with 3 in the REPL', async () => {
    await typeInRepl(page(), '1+2');
    await waitForRepl(page(), /^>>> 1\+2\r?\n?3$/m, o.timeout);
  });

  it('pastes several lines into the REPL through paste mode', async () => {
    await page().click('.repl-host .xterm-screen');
    await page().evaluate(() => {
      const g = globalThis as InPage & { document: { querySelector(s: string): EventTarget | null } };
      const data = new DataTransfer();
      data.setData('text/plain', 'def pasted():\n    x = 40\n    return x + 2\n');
      g.document.querySelector('.repl-host textarea')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await waitForRepl(page(), /=== +return x \+ 2/m, o.timeout);
    await waitForBoardState(page(), 'idle');
    await typeInRepl(page(), 'pasted()');
    await waitForRepl(page(), /^42$/m, o.timeout);
  });

  it('opens a file from the board, edits it, saves it, and the board has the new text', async () => {
    await page().evaluate(
      (text) => (globalThis as InPage).studio.fs.write('/ide_edit.py', new TextEncoder().encode(text)),
      'print("first")\n',
    );
    await page().keyboard.press('Control+o');
    await fillDialog(page(), { side: 'board', path: '/ide_edit.py' });
    await page().waitForSelector('.editor-tab[aria-selected="true"] .origin[data-side="board"]', { timeout: o.timeout });
    expect(await editorText(page())).toBe('print("first")\n');
    await page().click('.editor-pane:not([hidden]) .cm-editor .cm-line >> nth=0');
    await page().keyboard.press('Control+End');
    await page().keyboard.type('print("second")');
    expect(await page().locator('.editor-tab[aria-selected="true"]').getAttribute('data-dirty')).toBe('true');
    await shot('editing');
    await page().keyboard.press('Control+s');
    await page().waitForSelector('.editor-tab[aria-selected="true"][data-dirty="false"]', { timeout: o.timeout });
    const onBoard = await page().evaluate(async () =>
      new TextDecoder().decode(await (globalThis as InPage).studio.fs.read('/ide_edit.py')),
    );
    expect(onBoard).toBe('print("first")\nprint("second")');
  });

  it('leaves no raw-REPL noise in the terminal after file operations', async () => {
    await page().evaluate(async () => {
      const studio = (globalThis as InPage).studio;
      await studio.fs.list('/');
      await studio.fs.read('/ide_edit.py');
    });
    await typeInRepl(page(), '6*7');
    const text = await waitForRepl(page(), /^42$/m, o.timeout);
    expect(text).not.toMatch(RAW_REPL_NOISE);
  });

  it('runs the current file with F5 and shows its output', async () => {
    await newFile(page(), "for i in range(3):\n    print('line', i * 11)\n");
    await page().keyboard.press('F5');
    await waitForRepl(page(), /^line 22$/m, o.timeout);
    await waitForBoardState(page(), 'idle', o.timeout);
    await shot('run-output');
  });

  it('runs only the selected lines with Shift+F5', async () => {
    await newFile(page(), 'print("not this")\nif True:\n    print("only", 6 * 7)\nprint("nor this")\n');
    // Select the indented line alone: it must run at top level.
    const lines = page().locator('.editor-pane:not([hidden]) .cm-line');
    await lines.nth(2).click();
    await page().keyboard.press('Home');
    await page().keyboard.press('Shift+End');
    await page().keyboard.press('Shift+F5');
    await waitForRepl(page(), /^only 42$/m, o.timeout);
    await waitForBoardState(page(), 'idle', o.timeout);
    expect(await replText(page())).not.toMatch(/^(not|nor) this$/m);
  });

  it('stops a while True loop with Ctrl+F2, and a second Run restarts', async () => {
    await newFile(page(), `n = 0\nwhile True:\n    n += 1\n    print('tick', n)\n    ${o.pause}\n`);
    await page().keyboard.press('F5');
    await waitForRepl(page(), /^tick 3$/m, o.timeout);
    expect(await page().locator('button[data-command="run:current"]').textContent()).toContain('Restart');
    expect(await page().locator('.state-pill').getAttribute('data-state')).toBe('running');
    await shot('running');
    // A second Run while one runs: the first stops, the program starts again.
    const before = (await replText(page())).split('KeyboardInterrupt').length;
    await page().keyboard.press('F5');
    await page().waitForFunction(
      (n) => (globalThis as InPage).mpstudioAutomation.replText().split('KeyboardInterrupt').length > n,
      before,
      { timeout: o.timeout },
    );
    // The new run is under way once it prints (a Ctrl-C while its source is still being sent
    // would only cancel the upload).
    await page().waitForFunction(
      () => /^tick 3$/m.test((globalThis as InPage).mpstudioAutomation.replText().split('KeyboardInterrupt').pop() ?? ''),
      null,
      { timeout: o.timeout },
    );
    await page().keyboard.press('Control+F2');
    await waitForBoardState(page(), 'idle', o.timeout);
    // The traceback may reach the screen a moment after the state changes.
    await page().waitForFunction(
      (n) => (globalThis as InPage).mpstudioAutomation.replText().split('KeyboardInterrupt').length > n + 1,
      before,
      { timeout: o.timeout },
    );
    expect(await page().locator('button[data-command="run:current"]').textContent()).toContain('Run');
  });

  it('follows a traceback link to the line in the file that was run', async () => {
    await newFile(page(), 'x = 1\n\ndef f():\n    return 1 / 0\n\nf()\n');
    await page().keyboard.press('F5');
    await waitForRepl(page(), /ZeroDivisionError/, o.timeout);
    await waitForBoardState(page(), 'idle', o.timeout);
    // Put the cursor elsewhere first, so following the link visibly moves it.
    await page().click('.editor-pane:not([hidden]) .cm-editor .cm-line >> nth=0');
    await page().keyboard.press('Control+Home');
    await clickTracebackLink(page(), 'File "<stdin>", line 4');
    await page().waitForFunction(() => /Ln 4,/.test((globalThis as unknown as { document: Document }).document.querySelector('.status-cursor')?.textContent ?? ''), null, {
      timeout: UI_TIMEOUT,
    });
    expect(await page().locator('.cm-highlighted-line').count()).toBe(1);
    await shot('traceback-link');
  });

  it("follows a traceback link into a module on the board", async () => {
    await page().evaluate(
      (text) => (globalThis as InPage).studio.fs.write('/ide_helper.py', new TextEncoder().encode(text)),
      'def boom():\n    x = 1\n    return x + None\n',
    );
    await newFile(page(), 'import ide_helper\nide_helper.boom()\n');
    await page().keyboard.press('F5');
    await waitForRepl(page(), /TypeError/, o.timeout);
    await waitForBoardState(page(), 'idle', o.timeout);
    const text = await replText(page());
    const ref = /File "(\/?ide_helper\.py)", line 3/.exec(text);
    expect(ref, text).not.toBeNull();
    await clickTracebackLink(page(), ref![0]);
    await page().waitForSelector('.editor-tab[aria-selected="true"]:has-text("ide_helper.py") .origin[data-side="board"]', { timeout: o.timeout });
    await page().waitForFunction(() => /Ln 3,/.test((globalThis as unknown as { document: Document }).document.querySelector('.status-cursor')?.textContent ?? ''), null, {
      timeout: UI_TIMEOUT,
    });
    expect(await editorText(page())).toContain('return x + None');
  });

  it('underlines a syntax error as you type, from the board compiler', async () => {
    await newFile(page(), 'def broken(:\n    pass\n');
    await page().waitForSelector('.editor-pane:not([hidden]) .cm-editor .cm-lintRange-error', { timeout: o.timeout });
    await shot('syntax-error');
    await page().keyboard.press('Control+a');
    await page().keyboard.insertText('def fixed():\n    pass\n');
    await page().waitForSelector('.editor-pane:not([hidden]) .cm-editor .cm-lintRange-error', { state: 'detached', timeout: o.timeout });
  });

  it("completes a module's names from the board's dir()", async () => {
    await newFile(page(), 'import math\nmath.sq');
    await page().keyboard.press('Control+Space');
    const popup = page().locator('.editor-pane:not([hidden]) .cm-tooltip-autocomplete');
    await popup.waitFor({ timeout: o.timeout });
    await expect.poll(() => popup.textContent(), { timeout: o.timeout }).toContain('sqrt');
    expect(await popup.locator('li:has-text("sqrt") .cm-completionDetail').textContent()).toBe('board');
    await shot('completions');
    await popup.locator('li:has-text("sqrt")').click();
    expect(await editorText(page())).toBe('import math\nmath.sqrt');
  });
}

/** Clicks the traceback reference `ref` (e.g. `File "<stdin>", line 4`) in the terminal, as a user would. */
async function clickTracebackLink(page: Page, ref: string): Promise<void> {
  const point = await page.evaluate((wanted) => {
    const g = globalThis as unknown as { document: Document };
    const rows = Array.from(g.document.querySelectorAll('.repl-host .xterm-rows > div'));
    const row = rows.reverse().find((r) => (r.textContent ?? '').includes(wanted));
    if (!row) return null;
    const lineWord = wanted.slice(wanted.lastIndexOf('line'));
    const walker = g.document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(lineWord) ?? -1;
      if (at < 0) continue;
      const range = g.document.createRange();
      range.setStart(node, at + 2);
      range.setEnd(node, at + 3);
      const rect = range.getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    }
    return null;
  }, ref);
  expect(point, `no "${ref}" on screen`).not.toBeNull();
  await page.mouse.move(point!.x - 5, point!.y);
  await page.mouse.move(point!.x, point!.y);
  await page.mouse.click(point!.x, point!.y);
}
