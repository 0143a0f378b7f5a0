/**
 * The virtual board's parts against the MicroPython API a board program uses: the
 * real micropython-lib `ssd1306.py` and `neopixel.py` (test fixtures) copied onto the
 * board, the board's own `neopixel` module, the button's pin and IRQs, the ADC
 * sliders, the AHT20's sliders and a servo's PWM.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VirtualHardwareState } from '../../preload/contract-types';
import { servoAngle } from '../../renderer/board-panel/servo-angle';
import { openBoard, rawExec, type BoardHarness } from './board-harness';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'micropython-lib');

describe('virtual board parts', () => {
  let h: BoardHarness;
  beforeAll(async () => {
    h = await openBoard();
  });
  afterAll(async () => {
    await h.close();
  });

  /** Runs `source` and fails on any traceback. */
  async function run(source: string): Promise<string> {
    const [out, err] = await rawExec(h, source);
    expect(err).toBe('');
    return out;
  }

  /** The state once the board has published everything it did (a state update is due within 20 ms). */
  async function settledState(predicate: (state: VirtualHardwareState) => boolean = () => true): Promise<VirtualHardwareState> {
    const until = Date.now() + 5000;
    while (Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      if (predicate(h.board.state)) return h.board.state;
    }
    throw new Error(`the state never matched: ${JSON.stringify(h.board.state).slice(0, 400)}`);
  }

  const oledHex = (state: VirtualHardwareState) => Buffer.from(state.oled!.frame, 'base64').toString('hex');

  describe('SSD1306 OLED with the real ssd1306.py', () => {
    beforeAll(() => copyFileSync(join(FIXTURES, 'ssd1306.py'), join(h.flashDir, 'ssd1306.py')));
    afterAll(() => rmSync(join(h.flashDir, 'ssd1306.py')));

    const PICTURE = [
      'def draw(fb):',
      '    fb.fill(0)',
      '    fb.text("Hello, Pico!", 0, 0, 1)',
      '    fb.rect(2, 14, 60, 30, 1)',
      '    fb.fill_rect(70, 20, 17, 40, 1)',
      '    fb.line(0, 63, 127, 48, 1)',
      '    fb.pixel(127, 0, 1)',
    ].join('\n');

    it('shows what framebuf draws, pixel for pixel', async () => {
      const reference = await run(
        [
          'import framebuf, binascii, ssd1306',
          'from machine import I2C, Pin',
          PICTURE,
          'oled = ssd1306.SSD1306_I2C(128, 64, I2C(0, scl=Pin(5), sda=Pin(4)))',
          'draw(oled)',
          'oled.show()',
          'ref = bytearray(128 * 64 // 8)',
          'draw(framebuf.FrameBuffer(ref, 128, 64, framebuf.MONO_HLSB))',
          'print(binascii.hexlify(ref).decode())',
        ].join('\n'),
      );
      const state = await settledState((s) => s.oled?.on === true);
      const expected = reference.trim();
      expect(expected).toMatch(/[1-9a-f]/);
      expect(oledHex(state)).toBe(expected);
      expect(state.modes).toMatchObject({ '4': 'i2c', '5': 'i2c' });
    });

    it('inverts, dims, turns off and rotates as the datasheet says', async () => {
      const before = oledHex(h.board.state);
      const inverted = Buffer.from(Buffer.from(before, 'hex').map((b) => ~b & 0xff)).toString('hex');
      await run('oled.invert(1)');
      expect(oledHex(await settledState((s) => oledHex(s) !== before))).toBe(inverted);
      await run('oled.invert(0)\noled.contrast(17)');
      expect((await settledState((s) => s.oled?.contrast === 17)).oled).toMatchObject({ on: true, contrast: 17 });
      expect(oledHex(h.board.state)).toBe(before);
      await run('oled.poweroff()');
      const off = await settledState((s) => s.oled?.on === false);
      expect(oledHex(off)).toMatch(/^0+$/);
      // rotate(0) sets segment remap 0 and COM scan normal: the picture turns by 180°.
      await run('oled.poweron()\noled.rotate(0)');
      const turned = Buffer.from(oledHex(await settledState((s) => s.oled?.on === true && oledHex(s) !== before)), 'hex');
      const upright = Buffer.from(before, 'hex');
      const pixel = (frame: Buffer, x: number, y: number) => (frame[y * 16 + (x >> 3)]! >> (7 - (x & 7))) & 1;
      for (const [x, y] of [[127, 0], [0, 63], [75, 30], [3, 14]] as const) {
        expect(pixel(turned, 127 - x, 63 - y)).toBe(pixel(upright, x, y));
      }
      await run('oled.rotate(1)');
    });

    it('follows page and vertical addressing and the column/page windows', async () => {
      await run(
        [
          'i2c = I2C(0, scl=Pin(5), sda=Pin(4))',
          'oled.fill(0)',
          'oled.show()',
          // Page mode (0x20 0x02), page 3 (0xB3), column 0x25 (0x05, 0x12): two bytes.
          'i2c.writeto(0x3C, b"\\x00\\x20\\x02\\xB3\\x05\\x12")',
          'i2c.writeto(0x3C, b"\\x40\\xFF\\x81")',
          // Vertical mode, columns 100..101, pages 6..7: four bytes fill two columns.
          'i2c.writeto(0x3C, b"\\x00\\x20\\x01\\x21\\x64\\x65\\x22\\x06\\x07")',
          'i2c.writeto(0x3C, b"\\x40\\x01\\x80\\x02\\x40")',
        ].join('\n'),
      );
      const frame = Buffer.from(oledHex(await settledState((s) => /[1-9a-f]/.test(oledHex(s)))), 'hex');
      const lit: string[] = [];
      for (let y = 0; y < 64; y++) for (let x = 0; x < 128; x++) if ((frame[y * 16 + (x >> 3)]! >> (7 - (x & 7))) & 1) lit.push(`${x},${y}`);
      const column37 = Array.from({ length: 8 }, (_, bit) => `37,${24 + bit}`);
      expect(lit.sort()).toEqual([...column37, '38,24', '38,31', '100,48', '100,63', '101,49', '101,62'].sort());
      await run('i2c.writeto(0x3C, b"\\x00\\x20\\x00")');
    });
  });

  describe('NeoPixels', () => {
    const COLOURS = 'np[0] = (255, 0, 0)\nnp[1] = (0, 255, 0)\nnp[2] = (0, 0, 255)\nnp[7] = (1, 2, 3)\nnp.write()';
    const EXPECTED = ['#ff0000', '#00ff00', '#0000ff', '#000000', '#000000', '#000000', '#000000', '#010203'];

    it("show the board's own neopixel module's colours", async () => {
      const out = await run(`import neopixel, sys\nfrom machine import Pin\nnp = neopixel.NeoPixel(Pin(16), 8)\n${COLOURS}\nprint(np[1], len(np), neopixel.__file__)`);
      expect(out).toBe('(0, 255, 0) 8 /.frozen/neopixel.py\r\n');
      const state = await settledState((s) => s.neopixels['16']?.[7] === '#010203');
      expect(state.neopixels['16']).toEqual(EXPECTED);
      expect(state.modes['16']).toBe('out');
      await run('np.fill((0, 0, 40))\nnp.write()');
      expect((await settledState((s) => s.neopixels['16']?.[0] === '#000028')).neopixels['16']).toEqual(Array(8).fill('#000028'));
    });

    it("show the real neopixel.py's colours, which a file on the flash puts before the frozen module", async () => {
      copyFileSync(join(FIXTURES, 'neopixel.py'), join(h.flashDir, 'neopixel.py'));
      try {
        const out = await run(`import sys\nsys.modules.pop("neopixel", None)\nimport neopixel\nnp = neopixel.NeoPixel(Pin(17), 8)\n${COLOURS}\nprint(neopixel.__file__)`);
        expect(out).toBe('neopixel.py\r\n');
        expect((await settledState((s) => s.neopixels['17']?.[7] === '#010203')).neopixels['17']).toEqual(EXPECTED);
      } finally {
        rmSync(join(h.flashDir, 'neopixel.py'));
      }
    });
  });

  it('reads the button as Pin.IN with PULL_UP, pressed 0, with an IRQ on each edge', async () => {
    await run('from machine import Pin\nedges = []\nbutton = Pin(14, Pin.IN, Pin.PULL_UP)\nbutton.irq(lambda p: edges.append(p.value()), Pin.IRQ_FALLING | Pin.IRQ_RISING)\nprint(button.value())');
    h.board.setPin(14, 0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await run('print(button.value())')).toBe('0\r\n');
    h.board.setPin(14, null);
    const out = await run('import time\nt = time.ticks_ms()\nwhile len(edges) < 2 and time.ticks_diff(time.ticks_ms(), t) < 3000:\n    time.sleep_ms(5)\nprint(edges, button.value())');
    expect(out).toBe('[0, 1] 1\r\n');
    expect(h.board.state.modes['14']).toBe('in');
  });

  it('reads the potentiometer and light sliders at once, and the light follows its day again with null', async () => {
    h.board.setPotentiometer(1000);
    h.board.setSensor('light', 60000);
    const out = await run('from machine import ADC\npot, light = ADC(26), ADC(27)\nprint(abs(pot.read_u16() - 1000) < 100, abs(light.read_u16() - 60000) < 100)');
    expect(out).toBe('True True\r\n');
    expect(h.board.state).toMatchObject({ potentiometer: 1000, light: 60000 });
    expect(h.board.state.modes).toMatchObject({ '26': 'adc', '27': 'adc' });
    h.board.setSensor('light', null);
    expect(h.board.state.light).toBeNull();
    expect(await run('print(len(set(light.read_u16() for _ in range(10))) > 1)')).toBe('True\r\n');
  });

  it("reads the AHT20's temperature and humidity sliders through the usual driver calls", async () => {
    h.board.setSensor('temperature', 31.5);
    h.board.setSensor('humidity', 72);
    const out = await run(
      [
        'from machine import I2C, Pin',
        'import time',
        'i2c = I2C(0, scl=Pin(5), sda=Pin(4))',
        'i2c.writeto(0x38, b"\\xac\\x33\\x00")',
        'time.sleep_ms(85)',
        'd = i2c.readfrom(0x38, 6)',
        'h = ((d[1] << 12) | (d[2] << 4) | (d[3] >> 4)) * 100 / 1048576',
        't = (((d[3] & 0x0F) << 16) | (d[4] << 8) | d[5]) * 200 / 1048576 - 50',
        'print("%.1f %.1f" % (t, h))',
      ].join('\n'),
    );
    expect(out).toBe('31.5 72.0\r\n');
    h.board.setSensor('temperature', null);
    h.board.setSensor('humidity', null);
    expect(h.board.state).toMatchObject({ temperature: null, humidity: null });
  });

  it("turns the servo with the PWM duty a program sets", async () => {
    await run('from machine import PWM, Pin\nservo = PWM(Pin(15), freq=50)\nservo.duty_ns(1500000)');
    const middle = await settledState((s) => s.pwm['15'] !== undefined);
    expect(middle.modes['15']).toBe('pwm');
    expect(servoAngle(middle.pwm['15'])).toBeCloseTo(90, 0);
    await run('servo.duty_u16(1638)');
    expect(servoAngle((await settledState((s) => s.pwm['15']?.duty === 1638)).pwm['15'])).toBeCloseTo(0, 0);
    await run('servo.duty_ns(2500000)');
    expect(servoAngle((await settledState((s) => (s.pwm['15']?.duty ?? 0) > 8000)).pwm['15'])).toBeCloseTo(180, 0);
    expect(servoAngle({ freq: 5000, duty: 32768 })).toBeNull();
    await run('servo.deinit()');
  });
});
