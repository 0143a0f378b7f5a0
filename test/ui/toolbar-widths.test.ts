/**
 * The toolbar at every window width down to the desktop window's 640 px minimum: nothing
 * overflows or draws over its neighbour; the words go before the buttons do, and Run,
 * Stop, the board list and Settings stay in reach.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { openIde, type Ide } from './ide-driver';

interface Layout {
  overflow: number;
  /** Each toolbar child's [left, right], in order, for the visible ones. */
  boxes: Array<[string, number, number]>;
  labelsShown: boolean;
  inView: Record<string, boolean>;
}

describe('toolbar widths', { timeout: 120_000 }, () => {
  let ide: Ide;
  beforeAll(async () => {
    ide = await openIde();
  }, 120_000);
  afterAll(async () => {
    await ide?.close();
  });

  for (const width of [1280, 1024, 900, 800, 640]) {
    it(`fits at ${width} px without overlaps`, async () => {
      const { page } = ide;
      await page.setViewportSize({ width, height: 700 });
      await page.waitForFunction((w) => document.querySelector<HTMLElement>('.toolbar')?.clientWidth === w, width);
      const layout = await page.evaluate((): Layout => {
        const toolbar = document.querySelector<HTMLElement>('.toolbar')!;
        const bar = toolbar.getBoundingClientRect();
        const visible = (el: Element | null) => {
          if (!el) return false;
          const r = el.getBoundingClientRect();
          const clip = el.closest('.connection-bar')?.getBoundingClientRect() ?? bar;
          return r.width > 0 && r.left >= Math.max(bar.left, clip.left) - 1 && r.right <= Math.min(bar.right, clip.right + 4) + 1;
        };
        return {
          overflow: toolbar.scrollWidth - toolbar.clientWidth,
          boxes: Array.from(toolbar.children)
            .map((child) => [child.className, child.getBoundingClientRect()] as const)
            .filter(([, r]) => r.width > 0)
            .map(([name, r]) => [String(name), Math.round(r.left), Math.round(r.right)]),
          labelsShown: getComputedStyle(document.querySelector('.toolbar .with-label .label')!).display !== 'none',
          inView: {
            run: visible(document.querySelector('[data-command="run:current"]')),
            stop: visible(document.querySelector('[data-command="run:stop"]')),
            boardList: visible(document.querySelector('.board-select')),
            connect: visible(document.querySelector('button.connect')),
            settings: visible(document.querySelector('[data-command="settings:open"]')),
          },
        };
      });
      expect(layout.overflow).toBeLessThanOrEqual(0);
      for (let i = 1; i < layout.boxes.length; i++) {
        expect(layout.boxes[i]![1], `${layout.boxes[i]![0]} starts before ${layout.boxes[i - 1]![0]} ends`).toBeGreaterThanOrEqual(layout.boxes[i - 1]![2]);
      }
      expect(layout.labelsShown).toBe(width >= 1200);
      expect(layout.inView).toEqual({ run: true, stop: true, boardList: true, connect: true, settings: true });
      if (width === 900 || width === 640) {
        await saveScreenshot(page, `toolbar-${width}`);
      }
    });
  }
});
