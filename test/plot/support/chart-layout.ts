/** Layout checks for the plotter in Chromium, shared by the harness and IDE tests. */
import { expect } from 'vitest';
import type { Page } from '../../support/chromium';

/** The canvas and the legend under it take the panel's whole plot area, no more, no less. */
export async function expectChartToFill(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const area = await page.locator('.plotter-area').boundingBox();
        const wrap = await page.locator('.plotter .u-wrap').boundingBox();
        const legend = await page.locator('.plotter .u-legend').boundingBox();
        return area && wrap && legend ? Math.abs(area.height - wrap.height - legend.height) : Infinity;
      },
      { timeout: 20_000, message: 'plot and legend fill the area' },
    )
    .toBeLessThan(3);
}
