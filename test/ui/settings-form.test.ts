/**
 * The Settings form in a real Chromium over web mode: every field starts at the same
 * left edge, whatever the length of its label, at both window sizes we check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { openIde, type Ide } from './ide-driver';

describe('settings form', () => {
  let ide: Ide;
  beforeAll(async () => {
    ide = await openIde();
  }, 180_000);
  afterAll(async () => {
    await ide?.close();
  });

  for (const [width, height] of [[1280, 800], [1920, 1080]] as const) {
    it(`lines its fields up in one column at ${width}×${height}`, async () => {
      const { page } = ide;
      await page.setViewportSize({ width, height });
      await page.click('button[data-command="settings:open"]');
      const dialog = page.locator('.dialog');
      await dialog.waitFor();
      const lefts = await dialog.locator('form input, form select').evaluateAll((fields) => fields.map((f) => Math.round(f.getBoundingClientRect().left)));
      expect(lefts.length).toBeGreaterThanOrEqual(7);
      expect(new Set(lefts).size).toBe(1);
      await saveScreenshot(page, `settings-${width}`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    });
  }
});
