/**
 * The desktop page's CSP (main/electron/app-protocol.ts) in a real Chromium. The
 * desktop shell cannot run here, so the real page is loaded through web mode with the
 * desktop policy put on every response in its place, plus web mode's own socket (the
 * desktop page talks through the preload instead). The IDE must start, draw its
 * editor and REPL, and run code with no CSP violation; and the policy's one loosening,
 * style-src 'unsafe-inline', is shown to be needed: without it xterm's styles are blocked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP_CSP } from '../../main/electron/desktop-csp';
import { launchChromium, type ChromiumSession } from '../support/chromium';
import { startWebApp, type RunningWebApp } from '../support/web-app';
import { loadIde, typeInRepl, waitForRepl } from '../ui/ide-driver';

let app: RunningWebApp;

beforeAll(async () => {
  app = await startWebApp();
});
afterAll(async () => {
  await app?.stop();
});

/** Opens the IDE under `csp` and returns the CSP violations the page reported. */
async function violationsUnder(csp: string, use: (session: ChromiumSession) => Promise<void>): Promise<string[]> {
  // Responses a test fulfils count as public to Chromium, which then refuses the
  // page's loopback WebSocket (local network access checks): that check is off here.
  const chromium = await launchChromium({ args: ['--disable-features=LocalNetworkAccessChecks,LocalNetworkAccessChecksWebSockets'] });
  try {
    const socket = `ws://${new URL(app.url).host}`;
    const policy = csp.replace("connect-src 'self'", `connect-src 'self' ${socket}`);
    const violations: string[] = [];
    await chromium.page.exposeFunction('__reportViolation', (text: string) => violations.push(text));
    await chromium.page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (globalThis as unknown as { __reportViolation(text: string): void }).__reportViolation;
        report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
      });
    });
    await chromium.page.route('**/*', async (route) => {
      // A request still in flight when the test closes the page has nobody left to answer.
      const response = await route.fetch().catch(() => null);
      if (response) await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } }).catch(() => undefined);
    });
    await use(chromium);
    return violations;
  } finally {
    await chromium.close();
  }
}

describe('the desktop CSP', () => {
  it('has no WebSocket and no eval, and the page runs under it with no violation', async () => {
    expect(DESKTOP_CSP).not.toMatch(/ws:|wss:|unsafe-eval/);
    const violations = await violationsUnder(DESKTOP_CSP, async ({ page }) => {
      await loadIde(page, app.url);
      await typeInRepl(page, 'print(6*7)');
      await waitForRepl(page, /^42$/m);
    });
    expect(violations).toEqual([]);
  }, 120_000);

  it("needs style-src 'unsafe-inline' for xterm's own <style> elements", async () => {
    const strict = DESKTOP_CSP.replace(" 'unsafe-inline'", '');
    const violations = await violationsUnder(strict, async ({ page }) => {
      await page.goto(app.url);
      await page.waitForSelector('.xterm-screen');
    });
    expect(violations.some((v) => v.startsWith('style-src-elem blocked inline'))).toBe(true);
  }, 120_000);
});
