/**
 * The IDE against the virtual board (the real MicroPython WebAssembly interpreter),
 * in Chromium over web mode: every main scenario of `ide-scenarios.ts`.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { repoRoot } from '../support/web-app';
import { connectVirtual, fillDialog, newFile, openIde, waitForBoardState, waitForRepl, type Ide } from './ide-driver';
import { ideScenarios } from './ide-scenarios';

describe('IDE with the virtual board', () => {
  let ide: Ide;
  beforeAll(async () => {
    ide = await openIde();
  });
  afterAll(async () => {
    await ide?.close();
  });

  ideScenarios({
    name: 'virtual',
    ide: () => ide,
    connect: connectVirtual,
    pause: 'sum(range(2000))',
    timeout: 20_000,
  });

  it('saves a program to the board as main.py and runs it (the README screenshot)', async () => {
    // A fresh app and page, so the picture shows one session rather than the tests' leftovers.
    const fresh = await openIde();
    try {
      await showcase(fresh);
      expect(fresh.errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('raised no page errors', () => {
    expect(ide.errors).toEqual([]);
  });
});

/** A short, realistic session: a program saved to the board and run, output in the REPL. */
async function showcase({ page }: Ide): Promise<void> {
  await connectVirtual(page);
  await newFile(page, PROGRAM);
  await page.keyboard.press('Control+s');
  await fillDialog(page, { side: 'board', path: '/main.py' });
  await page.waitForSelector('.editor-tab[aria-selected="true"][data-dirty="false"] .origin[data-side="board"]');
  await page.click('.fb-tool[data-action="refresh"] >> nth=0');
  await page.waitForSelector('.file-browser :text("main.py")');
  // The REPL beside the plot: what the program prints and what it draws, at once.
  await page.click('.bottom-panel .split-toggle');
  await page.keyboard.press('F5');
  await waitForRepl(page, /^wave: -?\d/m);
  await waitForBoardState(page, 'idle');
  await page.click('.editor-pane:not([hidden]) .cm-line >> nth=6');
  await page.locator('.notification').first().waitFor({ state: 'detached' });
  const file = await saveScreenshot(page, 'ide-virtual-readme');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await saveScreenshot(page, 'ide-virtual-readme-1920');
  await page.setViewportSize({ width: 1280, height: 800 });
  // The README's picture is refreshed on request only, so test runs leave the tree clean.
  if (process.env.UPDATE_README_SCREENSHOT === '1') {
    await mkdir(join(repoRoot, 'resources'), { recursive: true });
    await copyFile(file, join(repoRoot, 'resources', 'screenshot.png'));
  }
}

const PROGRAM = `"""Print a sine wave and a square wave; the Plotter tab draws them."""
import math
import time


def wave(step):
    return round(50 * math.sin(step / 4), 1)


for step in range(60):
    square = 25 if step % 16 < 8 else -25
    print("wave:", wave(step), "square:", square)
    time.sleep(0.08)
`;
