import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../main/services/settings-store';
import { createVirtualBoardHost, virtualHandlers } from '../../main/services/virtual-handlers';
import { createSyntaxChecker, lintHandlers } from '../../main/services/lint-handlers';
import { defaultFlashDir } from '../../main/virtual-board/virtual-board-host';
import type { VirtualBoardState, VirtualHardwareState } from '../../preload/contract-types';
import type { VirtualBoardTransport } from '../../runtime/virtual-board-transport';

describe('virtual:* handlers', () => {
  let userDataDir: string;
  const events: VirtualBoardState[] = [];
  let host: ReturnType<typeof createVirtualBoardHost>;
  let transport: VirtualBoardTransport | null = null;
  const cleanups: Array<() => void | Promise<void>> = [];

  beforeAll(async () => {
    userDataDir = mkdtempSync(join(tmpdir(), 'vboard-handlers-'));
    const settings = await SettingsStore.open(userDataDir);
    host = createVirtualBoardHost({
      userDataDir,
      settings,
      emit: (channel, payload) => {
        if (channel === 'virtual:stateChanged') events.push(payload as VirtualBoardState);
      },
      onDispose: (cleanup) => cleanups.push(cleanup),
    });
  });
  afterAll(async () => {
    await transport?.close();
    for (const cleanup of cleanups) await cleanup();
    rmSync(userDataDir, { recursive: true, force: true });
  });

  it('answers the state before any board runs, and remembers what the user sets', async () => {
    const handlers = virtualHandlers(host);
    await handlers['virtual:setPotentiometer'](1234);
    await handlers['virtual:setPin'](5, 1);
    expect(await handlers['virtual:state']()).toMatchObject({ pins: { '5': 1 }, led: 0, potentiometer: 1234, pwm: {}, oled: null });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.at(-1)?.potentiometer).toBe(1234);
  });

  it('makes transports with the flash in the user-data folder, carrying the settings over', async () => {
    transport = await host.createTransport();
    expect(transport.description).toBe('virtual board');
    expect(host.flashDir()).toBe(defaultFlashDir(userDataDir));
    expect(existsSync(defaultFlashDir(userDataDir))).toBe(true);
    let text = '';
    transport.on('data', (b) => (text += Buffer.from(b).toString()));
    const lit = new Promise<VirtualHardwareState>((resolve) => {
      const stop = transport!.onStateChanged((s) => s.led === 1 && (stop(), resolve(s)));
    });
    await transport.write(Buffer.from('from machine import ADC, Pin; Pin(2, Pin.OUT).on(); print(abs(ADC(34).read_u16() - 1234) < 200, Pin(5).value())\r'));
    expect((await lit).led).toBe(1);
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => text.includes('True 1') && (clearInterval(poll), resolve()), 10);
    });
    const state = await virtualHandlers(host)['virtual:state']();
    expect(state).toMatchObject({ led: 1, potentiometer: 1234 });
    expect(state.pins['2']).toBe(1);
    expect(events.some((e) => e.led === 1)).toBe(true);
  });
});

describe('lint:check', () => {
  const disposers: Array<() => void | Promise<void>> = [];
  const handlers = lintHandlers(createSyntaxChecker({ onDispose: (fn) => disposers.push(fn) }));
  afterAll(async () => {
    for (const dispose of disposers) await dispose();
  });

  it('accepts source MicroPython compiles', async () => {
    expect(await handlers['lint:check']('import machine\nfor i in range(3):\n    print(i)\n')).toEqual([]);
  });

  it('reports the line and message of a syntax error from MicroPython itself', async () => {
    expect(await handlers['lint:check']('x = 1\nif x == 1\n    print(x)\n')).toEqual([{ line: 2, message: 'SyntaxError: invalid syntax' }]);
    const indent = await handlers['lint:check']('def f():\nreturn 1\n');
    expect(indent[0]?.line).toBe(2);
    expect(indent[0]?.message).toMatch(/IndentationError|SyntaxError/);
  });

  it('rejects what only MicroPython rejects', async () => {
    // CPython 3.10 accepts `match`; MicroPython's compiler has no such statement.
    const result = await handlers['lint:check']('x = 1\nmatch x:\n    case 1:\n        pass\n');
    expect(result).toHaveLength(1);
    expect(result[0]?.line).toBe(2);
  });
});
