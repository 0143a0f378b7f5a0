/**
 * Launches Debian's Chromium through playwright-core with the flags this machine
 * needs (TESTING.md): no sandbox as root, no GPU, no background networking, and a
 * fresh profile each time.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from './web-app';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTEFACTS_DIR = join(repoRoot, 'test-results');

export interface ChromiumSession {
  browser: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function launchChromium(options: { width?: number; height?: number; args?: string[] } = {}): Promise<ChromiumSession> {
  const profile = await mkdtemp(join(tmpdir(), 'mpstudio-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      ...(options.args ?? []),
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    browser: context,
    page,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot under test-results/ as a test artefact. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTEFACTS_DIR, { recursive: true });
  const file = join(ARTEFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export type { Browser, Page };
