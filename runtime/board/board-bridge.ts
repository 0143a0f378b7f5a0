/**
 * The `_vboard` module: the JS functions the board's Python side calls for time,
 * stdin, flash and hardware. Functions return plain numbers and strings (negative
 * numbers are errno values) because only those cross into Python cheaply; byte
 * buffers cross by their address in the interpreter's memory.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { BoardEvents } from './board-events';
import type { BoardOutput } from './board-output';
import { Errno, FlashError, type FlashStore, type OpenMode } from './flash-store';
import type { HardwareModel } from './hardware/hardware-model';
import { BOARD_NAME } from './repl-driver';

/** MicroPython's ticks wrap at 2^30 on a 32-bit port; `ticks_diff` relies on it. */
const TICKS_PERIOD = 2 ** 30;

/** What the bridge needs from the running board. */
export interface BridgeHost {
  store: FlashStore;
  hardware: HardwareModel;
  events: BoardEvents;
  output: BoardOutput;
  flashDir: string;
  resetCause: number;
  memory(): Uint8Array;
  /** Looks at input, timers and pins; may schedule KeyboardInterrupt or callbacks. */
  service(): void;
  /** Counts KeyboardInterrupts scheduled so far. */
  interruptCount(): number;
  /** True while a scheduled callback waits for Python to take the events. */
  callbacksArmed(): boolean;
  /** Runs due timer and pin callbacks now, from inside a blocking call (sleep). */
  runCallbacksNow(): void;
  disarm(): void;
  setCallbacks(arm: () => void, dispatch: () => void): void;
  /** Blocks until input or an event, at most `ms`. */
  waitForSignal(ms: number): void;
  takeInput(): number | undefined;
  hardReset(cause: number): never;
}

/**
 * `time.sleep*`: waits in the host, so Ctrl-C ends it at once (KeyboardInterrupt is
 * scheduled and raised as the call returns) and timer or pin callbacks run during
 * it, as a board's sleep runs scheduled callbacks. A JS function leaves no Python
 * frame in tracebacks, as the board's C function leaves none.
 */
function sleep(host: BridgeHost, ms: number): null {
  const end = performance.now() + Math.max(0, ms);
  const interrupts = host.interruptCount();
  for (;;) {
    host.service();
    if (host.interruptCount() !== interrupts) return null;
    if (host.callbacksArmed()) host.runCallbacksNow();
    const left = end - performance.now();
    if (left <= 0) return null;
    host.waitForSignal(Math.min(left, host.events.msUntilNext() + 0.05, 50));
  }
}

function fsCall<T>(fn: () => T): T | number {
  try {
    return fn();
  } catch (error) {
    return -(error instanceof FlashError ? error.errno : Errno.EIO);
  }
}

function parseOpenMode(flags: string): OpenMode {
  const plus = flags.includes('+');
  return {
    read: flags.includes('r') || plus,
    write: flags.includes('w') || flags.includes('a') || flags.includes('x') || plus,
    append: flags.includes('a'),
    truncate: flags.includes('w'),
    create: flags.includes('w') || flags.includes('a') || flags.includes('x'),
    exclusive: flags.includes('x'),
  };
}

export function createBridge(host: BridgeHost): Record<string, (...args: never[]) => unknown> {
  const { store, hardware, events } = host;
  const bytesAt = (address: number, length: number) => host.memory().subarray(address, address + length);
  return {
    board_name: () => BOARD_NAME,
    ticks_us: () => Math.floor((performance.timeOrigin + performance.now()) * 1000) % TICKS_PERIOD,
    sleep: (seconds: number) => sleep(host, seconds * 1000),
    sleep_ms: (ms: number) => sleep(host, Math.floor(ms)),
    sleep_us: (us: number) => sleep(host, Math.floor(us) / 1000),
    getch() {
      const interrupts = host.interruptCount();
      for (;;) {
        host.service();
        if (host.interruptCount() !== interrupts) return -1;
        const byte = host.takeInput();
        if (byte !== undefined) return byte;
        host.waitForSignal(Math.min(50, events.msUntilNext() + 0.05));
      }
    },
    put(byte: number) {
      host.output.printed(byte);
      return null;
    },
    set_callbacks(arm: () => void, dispatch: () => void) {
      host.setCallbacks(arm, dispatch);
      return null;
    },
    take_events() {
      host.disarm();
      return JSON.stringify(events.take());
    },
    disarm() {
      host.disarm();
      return null;
    },

    fs_stat: (path: string) =>
      fsCall(() => {
        const st = store.stat(path);
        return JSON.stringify([st.mode, st.size, st.mtime]);
      }),
    fs_list: (path: string) =>
      fsCall(() => JSON.stringify(store.list(path).map((e) => [e.name, e.dir ? 0x4000 : 0x8000, e.size]))),
    fs_mkdir: (path: string) => fsCall(() => (store.mkdir(path), 0)),
    fs_remove: (path: string) => fsCall(() => (store.remove(path), 0)),
    fs_rename: (from: string, to: string) => fsCall(() => (store.rename(from, to), 0)),
    fs_statvfs: () => JSON.stringify(store.statvfs()),
    fs_open: (path: string, flags: string) => fsCall(() => store.open(path, parseOpenMode(flags))),
    fs_read: (handle: number, address: number, length: number) => fsCall(() => store.read(handle, bytesAt(address, length))),
    fs_remaining: (handle: number) => fsCall(() => store.remaining(handle)),
    fs_write: (handle: number, address: number, length: number) =>
      fsCall(() => store.write(handle, bytesAt(address, length))),
    fs_seek: (handle: number, offset: number, whence: number) => fsCall(() => store.seek(handle, offset, whence)),
    fs_flush: (handle: number) => fsCall(() => (store.flush(handle), 0)),
    fs_close: (handle: number) => fsCall(() => (store.close(handle), 0)),

    pin_mode(pin: number, mode: number, pull: number) {
      hardware.pinMode(pin, mode, pull);
      return null;
    },
    pin_write(pin: number, value: number) {
      hardware.pinWrite(pin, value);
      host.service();
      return null;
    },
    pin_read(pin: number) {
      host.service();
      return hardware.pinRead(pin);
    },
    pin_out: (pin: number) => hardware.pinOut(pin),
    pin_irq(pin: number, trigger: number) {
      hardware.pinIrq(pin, trigger);
      return null;
    },
    pin_irq_trigger: (pin: number) => hardware.pinIrqTrigger(pin),
    adc_read(source: number) {
      host.service();
      return hardware.adcRead(source);
    },
    pin_role(pin: number, role: string) {
      if (role === 'adc' || role === 'i2c') hardware.pinRole(pin, role);
      return null;
    },
    bitstream(pin: number, pointer: number, length: number) {
      hardware.bitstream(pin, bytesAt(pointer, length).slice());
      host.service();
      return null;
    },
    pwm_set(pin: number, freq: number, duty: number) {
      hardware.pwmSet(pin, freq, duty);
      return null;
    },
    pwm_off(pin: number) {
      hardware.pwmOff(pin);
      return null;
    },
    i2c_scan: () => JSON.stringify(hardware.i2c.scan()),
    i2c_write: (address: number, pointer: number, length: number) =>
      hardware.i2c.write(address, bytesAt(pointer, length).slice()),
    i2c_read(address: number, pointer: number, length: number) {
      const result = hardware.i2c.read(address, length);
      if (typeof result === 'number') return result;
      bytesAt(pointer, length).set(result);
      return length;
    },
    timer_start(id: number, periodMs: number, periodic: boolean) {
      events.startTimer(id, periodMs, periodic);
      return null;
    },
    timer_stop(id: number) {
      events.stopTimer(id);
      return null;
    },
    wdt_feed(timeoutMs: number) {
      events.feedWatchdog(timeoutMs);
      return null;
    },
    unique_id: () => createHash('sha256').update(host.flashDir).digest().subarray(0, 6).toString('hex'),
    urandom: (n: number) => randomBytes(Math.max(0, n | 0)).toString('hex'),
    reset_cause: () => host.resetCause,
    hard_reset: (cause: number) => host.hardReset(cause),
  };
}
