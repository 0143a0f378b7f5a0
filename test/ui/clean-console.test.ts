/**
 * A clean console is part of the product: loading the IDE in a real Chromium over
 * web mode logs no error or warning (the CSP once listed `ws://[::1]:*`, a source
 * Chromium rejects on every load; web mode listens on 127.0.0.1 only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIde, openIde, waitForBoardState, type Ide } from './ide-driver';

describe('console on load', () => {
  let ide: Ide;
  beforeAll(async () => {
    ide = await openIde();
  }, 180_000);
  afterAll(async () => {
    await ide?.close();
  });

  it('logs no error or warning when the page loads', async () => {
    const { page } = ide;
    const logged: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') logged.push(`${message.type()}: ${message.text()}`);
    });
    await loadIde(page, ide.app.url);
    await waitForBoardState(page, 'idle', 60_000);
    expect(logged).toEqual([]);
    expect(ide.errors).toEqual([]);
  });
});
