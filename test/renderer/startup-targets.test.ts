/** The rules for which board the app opens at start (pure; the UI side is in test/ui/ide-start-connection.test.ts). */
import { describe, expect, it } from 'vitest';
import type { PortInfo, Settings } from '../../preload/contract-types';
import { startupTargets } from '../../renderer/src/connection/startup-targets';

const base: Pick<Settings, 'autoConnect' | 'lastTarget' | 'baudRate'> = { autoConnect: true, lastTarget: null, baudRate: 115200 };
const pico: PortInfo = { path: '/dev/ttyACM0', friendlyName: 'Raspberry Pi Pico (RP2040)', likelyMicroPython: true };
const esp32: PortInfo = { path: '/dev/ttyUSB0', friendlyName: 'ESP32 (CP2102)', likelyMicroPython: true };
const modem: PortInfo = { path: '/dev/ttyS0', friendlyName: 'Serial port', likelyMicroPython: false };

describe('startupTargets', () => {
  it('opens the virtual board on a first start with no board plugged in', () => {
    expect(startupTargets(base, [])).toEqual([{ kind: 'virtual' }]);
    expect(startupTargets(base, [modem])).toEqual([{ kind: 'virtual' }]);
  });

  it('opens the one MicroPython board plugged in on a first start, else the virtual board', () => {
    expect(startupTargets(base, [modem, pico])).toEqual([{ kind: 'serial', path: '/dev/ttyACM0', baudRate: 115200 }, { kind: 'virtual' }]);
  });

  it('does not guess between two boards', () => {
    expect(startupTargets(base, [pico, esp32])).toEqual([{ kind: 'virtual' }]);
  });

  it('tries the last board first, even when the port list does not show it', () => {
    const last = { kind: 'serial' as const, path: '/dev/pts/7', baudRate: 9600 };
    expect(startupTargets({ ...base, lastTarget: last }, [pico])).toEqual([last, { kind: 'virtual' }]);
  });

  it('keeps the virtual board when the user chose it last, even with a board plugged in', () => {
    expect(startupTargets({ ...base, lastTarget: { kind: 'virtual' } }, [pico])).toEqual([{ kind: 'virtual' }]);
  });

  it('opens nothing when connecting at start is off', () => {
    expect(startupTargets({ ...base, autoConnect: false }, [pico])).toEqual([]);
  });
});
