import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/support/chromium';
import { startWebApp } from '../test/support/web-app';
import { typeInRepl, waitForRepl } from '../test/ui/ide-driver';
for (let k = 0; k < 3; k++) {
const userDataDir = await mkdtemp(join(tmpdir(), 'mpstudio-probe-'));
const t0 = performance.now();
const lap = (what: string) => console.log(`${what}: ${(performance.now() - t0).toFixed(0)} ms`);
const [app, chromium] = await Promise.all([startWebApp({ userDataDir }).then((a) => { lap('url'); return a; }), launchChromium().then((c) => { lap('chromium'); return c; })]);
const page = chromium.page;
await page.goto(app.url); lap('goto (load event)');
await page.waitForSelector('#app[data-state="ready"]'); lap('app ready');
await page.waitForSelector('#app[data-start-connection="done"]', { timeout: 30000 }); lap('start connection done');
await typeInRepl(page, '1+1'); lap('typed');
await waitForRepl(page, /^2$/m); lap('answered');
await chromium.close(); await app.stop();
}
