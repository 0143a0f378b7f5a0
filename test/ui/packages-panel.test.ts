/**
 * The Packages panel in the IDE, in Chromium over web mode, with the virtual board and a
 * local test index: search, details, Install (per-file progress), Update after the index
 * publishes a newer version, Cancel midway, Remove, and the list still shown offline from
 * the saved copy with its date. Screenshots at two window sizes land in test-results/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot, type Page } from '../support/chromium';
import { startPackageIndex, type PackageIndexServer } from '../support/package-index';
import { startWebApp, type RunningWebApp } from '../support/web-app';
import { connectVirtual, openIde, type Ide, type InPage } from './ide-driver';

const PANEL = '.packages-panel';
/** Generous: these machines are shared, and a board install is several round trips per file. */
const SLOW = 60_000;

/** Runs Python on the connected board through the app's own API. */
function boardExec(page: Page, source: string): Promise<string> {
  return page.evaluate(async (src) => (await (globalThis as InPage).studio!.board.exec(src)).stdout.trim(), source);
}

async function pick(page: Page, name: string): Promise<void> {
  await page.fill(`${PANEL} input[type="search"]`, name);
  await page.click(`${PANEL} .pkg-list li[data-package="${name}"]`);
  await page.waitForSelector(`${PANEL} .pkg-details h3:text-is("${name}")`);
}

describe('Packages panel on the virtual board', { timeout: 2 * SLOW }, () => {
  let ide: Ide;
  let page: Page;
  let index: PackageIndexServer;
  let app: RunningWebApp;

  beforeAll(async () => {
    index = await startPackageIndex({ bigFileBytes: 60_000 });
    // Started here, not by openIde, so it is stopped even when the page never loads.
    app = await startWebApp();
    ide = await openIde({ app });
    page = ide.page;
    // A fresh app opens on the virtual board; on a loaded host that can take a while.
    await page.waitForSelector('.state-pill[data-state="idle"]', { timeout: SLOW });
    await connectVirtual(page);
    await page.evaluate((url) => (globalThis as InPage).studio!.settings.update({ packageIndex: url }), index.url);
  }, 4 * SLOW);
  afterAll(async () => {
    await ide?.close();
    await app?.stop();
    await index?.close();
  });

  it('opens from the sidebar and lists the index, searchable', async () => {
    await page.click('.sidebar-packages');
    await page.waitForSelector(`${PANEL} .pkg-list li[data-package="mpst_greet"]`, { timeout: SLOW });
    expect(await page.locator(`${PANEL} [data-role="index-info"]`).textContent()).toMatch(/7 packages from http:\/\/127\.0\.0\.1:\d+\/pi, list fetched/);
    await page.fill(`${PANEL} input[type="search"]`, 'star');
    expect(await page.locator(`${PANEL} .pkg-list li[data-package]`).allTextContents()).toEqual(['mpst_base1.0.0']);
    await pick(page, 'mpst_greet');
    const details = await page.locator(`${PANEL} .pkg-details`).textContent();
    expect(details).toContain('Greets people, loudly');
    expect(details).toContain('Depends onmpst_fmt');
    await saveScreenshot(page, 'packages-panel-details');
  });

  it('installs a package with its dependencies, showing each file, and it runs', async () => {
    await page.click(`${PANEL} [data-action="install"]`);
    await page.waitForSelector(`${PANEL} .pkg-step:has-text("Installed mpst_greet 1.0.0")`, { timeout: SLOW });
    const rows = await page.locator(`${PANEL} .pkg-files li`).evaluateAll((lis) => lis.map((li) => `${li.querySelector('.pkg-file-name')?.textContent} ${(li as HTMLElement).dataset.status}`));
    expect(rows.sort()).toEqual(['/lib/mpst_base.mpy installed', '/lib/mpst_fmt.py installed', '/lib/mpst_greet.py installed']);
    await page.waitForSelector(`${PANEL} .pkg-list li[data-package="mpst_greet"] .pkg-badge.installed`);
    await saveScreenshot(page, 'packages-panel-installed');
    expect(await boardExec(page, "import mpst_greet\nprint(mpst_greet.greet('ui'), mpst_greet.VERSION)")).toBe('*HELLO UI* 1.0.0');
  });

  it('offers Update when the index has a newer version, and updates', async () => {
    index.publishGreetVersion('1.1.0');
    await page.click(`${PANEL} [data-action="refresh"]`);
    await page.waitForSelector(`${PANEL} .pkg-list li[data-package="mpst_greet"] .pkg-badge.update`, { timeout: SLOW });
    await pick(page, 'mpst_greet');
    await saveScreenshot(page, 'packages-panel-update');
    await page.click(`${PANEL} [data-action="update"]`);
    await page.waitForSelector(`${PANEL} .pkg-step:has-text("Installed mpst_greet 1.1.0")`, { timeout: SLOW });
    // Only the changed file moved; the dependencies were already there.
    expect(await page.locator(`${PANEL} .pkg-step`).textContent()).toContain('1 files written, 2 already there');
    expect(await boardExec(page, "import sys\nsys.modules.pop('mpst_greet', None)\nimport mpst_greet\nprint(mpst_greet.VERSION)")).toBe('1.1.0');
  });

  it('Cancel midway leaves no file of that install behind', async () => {
    await pick(page, 'mpst_big');
    // Cancel the moment a file is being written, from inside the page: the writes take about
    // a second, and on a loaded host a round trip from here (see the row, then click) came
    // after the install's end, when Cancel was hidden again.
    await page.evaluate((panel) => {
      const cancelled = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector(`${panel} .pkg-files li[data-status="installing"]`)) return;
          observer.disconnect();
          document.querySelector<HTMLButtonElement>(`${panel} [data-action="cancel"]`)?.click();
          resolve();
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      (globalThis as typeof globalThis & { cancelledMidway?: Promise<void> }).cancelledMidway = cancelled;
    }, PANEL);
    await page.click(`${PANEL} [data-action="install"]`);
    await page.evaluate(() => (globalThis as typeof globalThis & { cancelledMidway?: Promise<void> }).cancelledMidway);
    await page.waitForSelector(`${PANEL} .pkg-error[data-code="cancelled"]`, { timeout: SLOW });
    await saveScreenshot(page, 'packages-panel-cancelled');
    expect(await boardExec(page, "import os\nprint(sorted(n for n in os.listdir('/lib') if n.startswith('mpst_big') or n.endswith('.tmp')))")).toBe('[]');
  });

  it('removes a package (and dependencies nothing else needs)', async () => {
    await pick(page, 'mpst_greet');
    await page.click(`${PANEL} [data-action="remove"]`);
    await page.waitForSelector(`${PANEL} .pkg-step:has-text("Removed mpst_greet")`, { timeout: SLOW });
    await page.waitForSelector(`${PANEL} [data-action="install"]`);
    expect(await boardExec(page, "import os\nprint(sorted(n for n in os.listdir('/lib') if n.startswith('mpst_')))")).toBe('[]');
  });

  it('works offline from the saved list, with its date, and says the index did not answer', async () => {
    await index.close();
    await page.click(`${PANEL} [data-action="refresh"]`);
    await page.waitForSelector(`${PANEL} [data-role="index-info"][data-offline="true"]`, { timeout: SLOW });
    expect(await page.locator(`${PANEL} [data-role="index-info"]`).textContent()).toMatch(/Offline: showing the list saved on .*Connection refused/);
    expect(await page.locator(`${PANEL} .pkg-error`).textContent()).toMatch(/index did not answer/);
    await pick(page, 'mpst_tree');
    await saveScreenshot(page, 'packages-panel-offline');
    await page.setViewportSize({ width: 900, height: 620 });
    await saveScreenshot(page, 'packages-panel-small');
    expect(ide.errors).toEqual([]);
  });
});
