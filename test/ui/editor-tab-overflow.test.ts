/**
 * Many editor tabs (issue 11, point 10), in Chromium over web mode at 1280×800 and
 * 1920×1080: the strip scrolls sideways, a mouse wheel scrolls it, the active tab is
 * scrolled into view, a fade at an edge shows there are more tabs beyond it, and the
 * "⌄" button lists every open tab and brings the chosen one forward.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { openIde, UI_TIMEOUT, type Ide } from './ide-driver';

const TABS = 16;
const STRIP = '.editor-tabs';

/** The strip's scroll state, and whether the active tab lies wholly inside what it shows, clear of the fades. */
function stripState(page: Page) {
  return page.locator(STRIP).evaluate((strip) => {
    const view = strip.getBoundingClientRect();
    const active = strip.querySelector('[aria-selected="true"]')!.getBoundingClientRect();
    const fadeOf = (edge: string) => strip.parentElement!.querySelector(`.tabs-fade[data-edge="${edge}"]`) as HTMLElement;
    const covers = (edge: string) => (fadeOf(edge).hidden ? 0 : fadeOf(edge).getBoundingClientRect().width);
    return {
      overflows: strip.scrollWidth > strip.clientWidth,
      scrollLeft: strip.scrollLeft,
      activeName: strip.querySelector('[aria-selected="true"] .name')!.textContent,
      activeShown: active.left >= view.left + covers('start') - 1 && active.right <= view.right - covers('end') + 1,
      fadeStart: !fadeOf('start').hidden,
      fadeEnd: !fadeOf('end').hidden,
    };
  });
}

describe('editor tabs: more than fit', () => {
  let ide: Ide;

  beforeAll(async () => {
    ide = await openIde();
    for (let i = 0; i < TABS; i++) await ide.page.click('button[data-command="file:new"]');
    await ide.page.waitForSelector(`.editor-tab:nth-child(${TABS})`, { timeout: UI_TIMEOUT });
  });
  afterAll(async () => {
    await ide?.close();
  });

  for (const size of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
    it(`scrolls the strip, keeps the new tab in view and shows a fade where tabs are hidden, at ${size.width}×${size.height}`, async () => {
      const { page } = ide;
      await page.setViewportSize(size);
      await page.click('.editor-tab:last-child');
      await expect.poll(() => stripState(page), { timeout: 10_000 }).toMatchObject({ overflows: true, activeName: `untitled-${TABS}.py`, activeShown: true, fadeStart: true, fadeEnd: false });
      // Scrolled to the end, only the first tabs are hidden: the strip does not grow past the editor.
      const strip = (await page.locator(STRIP).boundingBox())!;
      const editor = (await page.locator('.editor-area').boundingBox())!;
      expect(strip.x + strip.width).toBeLessThanOrEqual(editor.x + editor.width);
      await saveScreenshot(page, `editor-tab-overflow-${size.width}`);
    });
  }

  it('scrolls with a mouse wheel over the tabs', async () => {
    const { page } = ide;
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(async () => (await stripState(page)).fadeEnd, { timeout: 10_000 }).toBe(false);
    const before = (await stripState(page)).scrollLeft;
    await page.locator(STRIP).hover();
    await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await stripState(page)).scrollLeft, { timeout: 10_000 }).toBeLessThan(before);
    await expect.poll(async () => (await stripState(page)).fadeEnd, { timeout: 10_000 }).toBe(true);
  });

  it('lists every open tab, marks the active one, and brings the chosen one into view', async () => {
    const { page } = ide;
    const list = page.locator('.editor-tabs-bar .tabs-list');
    expect(await list.getAttribute('title')).toBe('Show all open tabs');
    await list.click();
    const menu = page.locator('.context-menu[aria-label="Open tabs"]');
    const items = menu.locator('[role="menuitemradio"]');
    expect(await items.evaluateAll((all) => all.map((i) => i.querySelector('.context-menu-label')!.textContent))).toEqual(
      Array.from({ length: TABS }, (_, i) => `untitled-${i + 1}.py`),
    );
    expect(await menu.locator('[aria-checked="true"]').textContent()).toBe(`untitled-${TABS}.py`);
    await saveScreenshot(page, 'editor-tab-list-1280');
    await items.first().click();
    expect(await menu.count()).toBe(0);
    await expect.poll(() => stripState(page), { timeout: 10_000 }).toMatchObject({ activeName: 'untitled-1.py', activeShown: true, fadeStart: false, fadeEnd: true });
  });

  it('works from the keyboard: the list opens on the active tab, End and Enter pick the last', async () => {
    const { page } = ide;
    await page.locator('.editor-tabs-bar .tabs-list').focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-checked'))).toBe('true');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect.poll(() => stripState(page), { timeout: 10_000 }).toMatchObject({ activeName: `untitled-${TABS}.py`, activeShown: true });
    await page.locator('.editor-tabs-bar .tabs-list').click();
    await page.keyboard.press('Escape');
    expect(await page.locator('.context-menu').count()).toBe(0);
  });

  it('keeps a tab in view, close button included, when its unsaved marker appears', async () => {
    const { page } = ide;
    await page.locator('.editor-tabs-bar .tabs-list').click();
    await page.locator('.context-menu [role="menuitemradio"]').first().click();
    // A tab past the right edge: revealed at that edge, with more tabs beyond it.
    await page.locator('.editor-tabs-bar .tabs-list').click();
    await page.locator('.context-menu [role="menuitemradio"]').nth(6).click();
    await expect.poll(() => stripState(page), { timeout: 10_000 }).toMatchObject({ activeName: 'untitled-7.py', activeShown: true, fadeEnd: true });
    await page.keyboard.type('x = 1');
    await expect.poll(() => page.locator('.editor-tab[aria-selected="true"]').getAttribute('data-dirty'), { timeout: 10_000 }).toBe('true');
    await expect.poll(async () => (await stripState(page)).activeShown, { timeout: 10_000 }).toBe(true);
    await saveScreenshot(page, 'editor-tab-dirty-at-edge-1280');
    expect(ide.errors).toEqual([]);
  });
});
