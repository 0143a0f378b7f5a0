import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBoard, PROMPT, rawExec, type BoardHarness } from './board-harness';
import type { VirtualHardwareState } from '../../preload/contract-types';

describe('virtual board: simulated machine module', () => {
  let h: BoardHarness;
  beforeAll(async () => {
    h = await openBoard();
  });
  afterAll(async () => {
    await h.close();
  });

  function nextState(predicate: (state: VirtualHardwareState) => boolean): Promise<VirtualHardwareState> {
    return new Promise((resolve) => {
      const stop = h.board.onStateChanged((state) => {
        if (!predicate(state)) return;
        stop();
        resolve(state);
      });
    });
  }

  it('drives the LED with Pin and shows it to the host', async () => {
    const lit = nextState((state) => state.led === 1);
    const [out] = await rawExec(h, 'from machine import Pin\nled = Pin("LED", Pin.OUT)\nled.on()\nprint(led.value(), Pin(2).value())');
    expect(out).toBe('1 1\r\n');
    expect((await lit).pins['2']).toBe(1);
    const dark = nextState((state) => state.led === 0);
    await rawExec(h, 'led.toggle()');
    expect((await dark).led).toBe(0);
  });

  it('reads input pins the host drives, with pulls when nobody drives them', async () => {
    const [floating] = await rawExec(h, 'from machine import Pin\nbutton = Pin(0, Pin.IN, Pin.PULL_UP)\nprint(button.value())');
    expect(floating).toBe('1\r\n');
    h.board.setPin(0, 0);
    const [pressed] = await rawExec(h, 'print(button.value())');
    expect(pressed).toBe('0\r\n');
    h.board.setPin(0, null);
  });

  it('holds a tapped pin down until the program has read it', async () => {
    // Pressed and released in one moment (a quick tap, or both reaching a loaded host
    // together), between two reads of a program that polls: it still sees the press.
    const source = 'from machine import Pin\nimport time\nb = Pin(3, Pin.IN, Pin.PULL_UP)\nprint("polling")\nt = time.ticks_ms()\nwhile b.value() and time.ticks_diff(time.ticks_ms(), t) < 5000:\n    time.sleep_ms(200)\nprint("pressed" if time.ticks_diff(time.ticks_ms(), t) < 5000 else "missed")';
    const running = rawExec(h, source, 10_000);
    await h.waitFor('polling');
    h.board.setPin(3, 0);
    h.board.setPin(3, null);
    const [out] = await running;
    expect(out).toBe('polling\r\npressed\r\n');
  });

  it('calls Pin.irq handlers when the host changes an input', async () => {
    await rawExec(h, 'from machine import Pin\nedges = []\nPin(4, Pin.IN).irq(lambda p: edges.append(p.value()), Pin.IRQ_RISING | Pin.IRQ_FALLING)');
    h.board.setPin(4, 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    h.board.setPin(4, 0);
    const [out] = await rawExec(h, 'import time\nt = time.ticks_ms()\nwhile len(edges) < 2 and time.ticks_diff(time.ticks_ms(), t) < 3000:\n    time.sleep_ms(10)\nprint(edges)');
    expect(out).toBe('[1, 0]\r\n');
  });

  it('reads the potentiometer the host sets through ADC.read_u16 on several pins', async () => {
    h.board.setPotentiometer(50000);
    const [out] = await rawExec(h, 'from machine import ADC, Pin\nprint(abs(ADC(Pin(34)).read_u16() - 50000) < 200, abs(ADC(26).read_u16() - 50000) < 200)');
    expect(out).toBe('True True\r\n');
    expect(h.board.state.potentiometer).toBe(50000);
  });

  it('gives believable light and temperature signals', async () => {
    const [out] = await rawExec(
      h,
      [
        'from machine import ADC, Pin',
        'light = [ADC(Pin(35)).read_u16() for _ in range(20)]',
        'volts = ADC(Pin(36)).read_u16() * 3.3 / 65535',
        'celsius = (volts - 0.5) * 100',
        'core = 27 - (ADC(4).read_u16() * 3.3 / 65535 - 0.706) / 0.001721',
        'print(5000 < sum(light) // 20 < 60000, len(set(light)) > 1, 15 < celsius < 30, 15 < core < 45)',
      ].join('\n'),
    );
    expect(out).toBe('True True True True\r\n');
  });

  it('runs PWM and reports its duty to the host', async () => {
    const dimmed = nextState((state) => state.pwm['2']?.duty === 16384);
    const [out] = await rawExec(h, 'from machine import PWM, Pin\npwm = PWM(Pin(2), freq=1000, duty_u16=16384)\nprint(pwm.freq(), pwm.duty_u16(), pwm.duty())');
    expect(out).toBe('1000 16384 255\r\n');
    expect((await dimmed).pwm['2']).toEqual({ freq: 1000, duty: 16384 });
    await rawExec(h, 'pwm.deinit()');
  });

  it('finds the AHT20 with I2C.scan and SoftI2C, and reads it through its registers', async () => {
    const [out, err] = await rawExec(
      h,
      [
        'from machine import I2C, SoftI2C, Pin',
        'import time',
        'i2c = I2C(0, scl=Pin(22), sda=Pin(21))',
        'print(i2c.scan(), SoftI2C(scl=Pin(5), sda=Pin(4)).scan())',
        'i2c.writeto(0x38, b"\\xbe\\x08\\x00")',
        'print(i2c.readfrom(0x38, 1)[0] & 0x08)',
        'i2c.writeto(0x38, b"\\xac\\x33\\x00")',
        'print(i2c.readfrom(0x38, 1)[0] & 0x80)',
        'time.sleep_ms(90)',
        'd = i2c.readfrom(0x38, 7)',
        'h = ((d[1] << 12) | (d[2] << 4) | (d[3] >> 4)) * 100 / 1048576',
        't = (((d[3] & 0x0F) << 16) | (d[4] << 8) | d[5]) * 200 / 1048576 - 50',
        'print(d[0] & 0x80, 15 < t < 30, 30 < h < 60)',
        'try:',
        '    i2c.writeto(0x50, b"\\x00")',
        'except OSError as e:',
        '    print(e.errno)',
      ].join('\n'),
    );
    expect(err).toBe('');
    expect(out).toBe('[56, 60] [56, 60]\r\n8\r\n128\r\n0 True True\r\n19\r\n');
  });

  it('answers the calls the common ahtx0 driver makes (utime, bytearray slices, readfrom_into)', async () => {
    const [out, err] = await rawExec(
      h,
      [
        'import utime',
        'from machine import SoftI2C, Pin',
        'bus = SoftI2C(scl=Pin(22), sda=Pin(21))',
        'buf = bytearray(6)',
        'buf[0] = 0xBA',
        'bus.writeto(0x38, buf[0:1])',
        'utime.sleep_ms(20)',
        'buf[0], buf[1], buf[2] = 0xE1, 0x08, 0x00',
        'bus.writeto(0x38, buf[0:3])',
        'bus.readfrom_into(0x38, buf)',
        'calibrated = bool(buf[0] & 0x08)',
        'buf[0], buf[1], buf[2] = 0xAC, 0x33, 0x00',
        'bus.writeto(0x38, buf[0:3])',
        'polls = 0',
        'while True:',
        '    bus.readfrom_into(0x38, buf)',
        '    if not buf[0] & 0x80:',
        '        break',
        '    polls += 1',
        '    utime.sleep_ms(5)',
        't = ((buf[3] & 0xF) << 16 | buf[4] << 8 | buf[5]) * 200.0 / 0x100000 - 50',
        'print(calibrated, 15 < t < 30)',
      ].join('\n'),
    );
    expect(err).toBe('');
    expect(out).toBe('True True\r\n');
  });

  it('calls Timer callbacks periodically, also while the board waits at its prompt', async () => {
    await rawExec(h, 'from machine import Timer\nticks = []\ntim = Timer(0)\ntim.init(period=20, mode=Timer.PERIODIC, callback=lambda t: ticks.append(1))');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [out] = await rawExec(h, 'import time\ntime.sleep_ms(200)\ntim.deinit()\nn = len(ticks)\ntime.sleep_ms(100)\nprint(n >= 10, len(ticks) == n)');
    expect(out).toBe('True True\r\n');
  });

  it('has RTC, unique_id, freq and board-like time', async () => {
    const [out, err] = await rawExec(
      h,
      [
        'import machine, time',
        'rtc = machine.RTC()',
        'rtc.datetime((2030, 1, 2, 2, 3, 4, 5, 0))',
        'print(rtc.datetime()[:3], time.localtime()[0])',
        'print(len(machine.unique_id()), machine.freq())',
        'machine.freq(240000000); print(machine.freq())',
        't = time.ticks_us(); time.sleep_us(2000); print(time.ticks_diff(time.ticks_us(), t) >= 2000)',
        't = time.ticks_ms(); time.sleep(0.05); print(40 <= time.ticks_diff(time.ticks_ms(), t) < 1000)',
      ].join('\n'),
    );
    expect(err).toBe('');
    expect(out).toBe('(2030, 1, 2) 2030\r\n6 160000000\r\n240000000\r\nTrue\r\nTrue\r\n');
  });

  it('runs the example programs unchanged', async () => {
    const example = (name: string) => readFileSync(new URL(`../../resources/examples/${name}`, import.meta.url), 'utf8');
    await h.exchange('\x01', 'raw REPL; CTRL-B to exit\r\n>');
    // blink.py and adc_plot.py loop forever, as on a board: run them a while, then Ctrl-C.
    await h.exchange(`${example('blink.py')}\x04`, 'LED on\r\nLED off\r\n', 10_000);
    expect(await h.exchange('\x03', '\x04>')).toContain('KeyboardInterrupt');
    const plotted = await h.exchange(`${example('adc_plot.py')}\x04`, '\r\npot:', 10_000);
    expect(plotted).toMatch(/OKpot:\d+ light:\d+\r\n/);
    await h.send('\x03');
    await h.waitFor('\x04>');
    const sensor = await h.exchange(`${example('i2c_sensor.py')}\x04`, '\x04>', 20_000);
    expect(sensor).toContain("I2C devices: ['0x38', '0x3c']\r\n");
    expect(sensor.match(/temperature:\d+\.\d\d humidity:\d+\.\d\r\n/g)?.length).toBe(5);
    await h.exchange('\x02', PROMPT);
  });
});
