/**
 * The app starts in a real Chromium in web mode and makes a round trip over the
 * contract: the page shows the version that main reports from package.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveScreenshot, type ChromiumSession } from '../support/chromium';
import { repoRoot, startWebApp, type RunningWebApp } from '../support/web-app';

const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

describe('web mode in Chromium', () => {
  let app: RunningWebApp;
  let chromium: ChromiumSession;

  beforeAll(async () => {
    app = await startWebApp();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
  });

  it('starts the renderer and answers app:info over the contract', async () => {
    const errors: string[] = [];
    chromium.page.on('pageerror', (error) => errors.push(error.message));
    await chromium.page.goto(app.url);
    await chromium.page.waitForSelector('#app[data-state="ready"]', { timeout: 20_000 });
    const info = await chromium.page.evaluate(() =>
      (globalThis as unknown as { studio: { app: { info(): Promise<unknown> } } }).studio.app.info(),
    );
    expect(info).toMatchObject({ name: 'MicroPython Studio', version, mode: 'web' });
    expect(await chromium.page.locator('#app').getAttribute('data-mode')).toBe('web');
    expect(errors).toEqual([]);
    await saveScreenshot(chromium.page, 'app-start');
  });

  it('serves the page with a strict Content-Security-Policy', async () => {
    const response = await fetch(app.url);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
  });
});
