/**
 * The IDE against the virtual board (the real MicroPython WebAssembly interpreter),
 * in Chromium over web mode: every main scenario of `ide-scenarios.ts`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectVirtual, openIde, type Ide } from './ide-driver';
import { ideScenarios } from './ide-scenarios';

describe('IDE with the virtual board', () => {
  let ide: Ide;
  beforeAll(async () => {
    ide = await openIde();
  });
  afterAll(async () => {
    await ide?.close();
  });

  ideScenarios({
    name: 'virtual',
    ide: () => ide,
    connect: connectVirtual,
    pause: 'sum(range(2000))',
    timeout: 20_000,
  });

  it('raised no page errors', () => {
    expect(ide.errors).toEqual([]);
  });
});
