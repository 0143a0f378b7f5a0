/**
 * The Board panel in Chromium over web mode, with the virtual board: each part
 * example runs from the editor, the drawing shows what it does (LED, OLED pixels,
 * NeoPixel colours, servo angle), and the button, sliders and wiring menu reach the
 * program. Screenshots at two window sizes land in test-results/.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { connectVirtual, loadIde, newFile, openIde, UI_TIMEOUT, waitForBoardState, waitForRepl, type Ide, type InPage } from './ide-driver';

const example = (name: string) => readFileSync(new URL(`../../resources/examples/${name}`, import.meta.url), 'utf8');

describe('Board panel', () => {
  let ide: Ide;
  let page: Page;
  beforeAll(async () => {
    ide = await openIde();
    page = ide.page;
    // On a loaded machine the first boot can outlast the session's prompt timeouts: try again.
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        await connectVirtual(page);
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }, 180_000);
  afterAll(async () => {
    await ide?.close();
  });
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    await saveScreenshot(page, `board-panel-failed-${context.task.name.replace(/\W+/g, '-').slice(0, 40)}`);
    // What the board and the page said last, for a failure seen only under load.
    const said = await page.evaluate(async () => {
      const w = globalThis as InPage;
      const virtual = await w.studio.virtual.state();
      return { status: await w.studio.board.status(), potentiometer: virtual.potentiometer, repl: w.mpstudioAutomation.replText().slice(-600) };
    });
    console.error(`[board-panel failure] ${JSON.stringify(said)}`);
  });

  /** Runs an example as the user does: a new file with its text, F5. */
  async function run(name: string, started: RegExp): Promise<void> {
    await newFile(page, example(name));
    await page.keyboard.press('F5');
    await waitForRepl(page, started);
  }
  async function stop(): Promise<void> {
    await page.keyboard.press('Control+F2');
    await waitForBoardState(page, 'idle');
  }

  it('shows beside the editor while the virtual board is connected, and its button hides it', async () => {
    await page.waitForSelector('.board-panel:not([hidden]) .board-drawing', { timeout: UI_TIMEOUT });
    const panel = await page.locator('.board-panel').boundingBox();
    const editor = await page.locator('.editor-area, .centre').first().boundingBox();
    expect(panel!.x).toBeGreaterThan(editor!.x + editor!.width - 2);
    await page.click('button.board-toggle');
    await page.waitForSelector('.board-panel[hidden]', { state: 'attached' });
    await page.click('button.board-toggle');
    await page.waitForSelector('.board-panel:not([hidden])');
    await page.click('button.connect'); // disconnect: the panel goes with the virtual board
    await page.waitForSelector('.board-panel[hidden]', { state: 'attached' });
    expect(await page.locator('button.board-toggle').isDisabled()).toBe(true);
    await page.click('button.connect');
    await waitForBoardState(page, 'idle');
    await page.waitForSelector('.board-panel:not([hidden])');
  });

  it('button_irq.py: the button (mouse and keyboard) reaches the IRQ, and the LED lights', async () => {
    await run('button_irq.py', /Press the button on GP14/);
    const button = page.locator('[data-part="button"]');
    const box = (await button.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await waitForRepl(page, /^pressed 1$/m);
    await page.waitForSelector('.onboard-led[data-lit="true"]');
    await page.waitForSelector('[data-gpio="14"][data-mode="in"]', { state: 'attached' });
    await page.mouse.up();
    await waitForRepl(page, /^released$/m);
    await page.waitForSelector('.onboard-led[data-lit="false"]');
    await button.focus();
    await page.keyboard.down(' ');
    await waitForRepl(page, /^pressed 2$/m);
    await page.keyboard.up(' ');
    await waitForRepl(page, /pressed 2\r?\nreleased/);
    await stop();
  });

  it('oled_hello.py: the OLED canvas shows the frame pixel for pixel, and the sliders reach ADC.read_u16', async () => {
    await run('oled_hello.py', /^pot:\d+ light:\d+$/m);
    await page.waitForSelector('.oled-glass[data-on="true"]');
    const readBoth = () =>
      page.evaluate(async () => {
        const w = globalThis as InPage;
        const state = await w.studio.virtual.state();
        const frame = Uint8Array.from(atob(state.oled!.frame), (c) => c.charCodeAt(0));
        const canvas = (w as unknown as { document: Document }).document.querySelector<HTMLCanvasElement>('.oled-glass')!;
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, 128, 64).data;
        let canvasBits = '';
        let frameBits = '';
        for (let y = 0; y < 64; y++) {
          for (let x = 0; x < 128; x++) {
            canvasBits += pixels[(y * 128 + x) * 4]! > 60 ? '1' : '0';
            frameBits += (frame[y * 16 + (x >> 3)]! >> (7 - (x & 7))) & 1;
          }
        }
        // The text rows: the program redraws its bars, which may move between the two reads.
        return { canvas: canvasBits.slice(0, 16 * 128), frame: frameBits.slice(0, 16 * 128) };
      });
    // The panel draws at most once a frame, so on a loaded machine it may show the blank screen
    // the display was switched on with for a moment: the frame once its text is in, pixel for pixel.
    await expect.poll(async () => ((await readBoth()).frame.replaceAll('0', '').length), { timeout: UI_TIMEOUT }).toBeGreaterThan(100);
    await expect.poll(async () => { const both = await readBoth(); return both.canvas === both.frame; }, { timeout: UI_TIMEOUT }).toBe(true);
    await page.locator('[aria-label="Pot"]').fill('65535');
    await waitForRepl(page, /^pot:6[45]\d{3} light/m);
    await page.locator('[aria-label="Light"]').fill('0');
    await waitForRepl(page, /^pot:6[45]\d{3} light:\d{1,3}$/m);
    await saveScreenshot(page, 'board-panel-oled-1280');
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.waitForTimeout(300);
    await saveScreenshot(page, 'board-panel-oled-1600');
    await page.setViewportSize({ width: 1280, height: 800 });
    await stop();
  });

  it('i2c_sensor.py reads the AHT20 sliders', async () => {
    await page.locator('[aria-label="Temp"]').fill('30');
    await page.locator('[aria-label="Hum"]').fill('65');
    await run('i2c_sensor.py', /^temperature:30\.00 humidity:65\.0$/m);
    await waitForBoardState(page, 'idle');
  });

  it('neopixel_rainbow.py: the 8 NeoPixels show the colours of the rainbow, moving', async () => {
    await run('neopixel_rainbow.py', /rainbow on GP16/);
    const colours = () => page.$$eval('.neo-lens', (lenses) => lenses.map((lens) => (lens as SVGElement).dataset.colour ?? '#000000'));
    await page.waitForFunction(() => Array.from(document.querySelectorAll<SVGElement>('.neo-lens')).every((lens) => lens.dataset.colour && lens.dataset.colour !== '#000000'));
    const first = await colours();
    expect(new Set(first).size).toBe(8);
    // Rainbow colours at a quarter brightness: no channel above 64, never all three lit.
    for (const colour of first) {
      const channels = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
      expect(Math.max(...channels)).toBeLessThanOrEqual(64);
      expect(channels.filter((c) => c > 0).length).toBeLessThanOrEqual(2);
    }
    await page.waitForFunction((before) => document.querySelector<SVGElement>('.neo-lens')!.dataset.colour !== before, first[0]);
    await saveScreenshot(page, 'board-panel-neopixels');
    await stop();
  });

  it('servo_sweep.py: the servo horn follows the printed angle', async () => {
    await run('servo_sweep.py', /^angle: 90$/m);
    // The printed angle and the drawn one, read in the same moment: at most a step or two apart.
    const { printed, drawn } = await page.evaluate(() => {
      const angles = [...(globalThis as InPage).mpstudioAutomation.replText().matchAll(/^angle: (\d+)$/gm)];
      return { printed: Number(angles.at(-1)![1]), drawn: Number(document.querySelector<SVGElement>('[data-part="servo"]')!.dataset.angle) };
    });
    expect(Math.abs(printed - drawn)).toBeLessThanOrEqual(30);
    await page.waitForSelector('[data-gpio="15"][data-mode="pwm"]', { state: 'attached' });
    await waitForRepl(page, /^angle: 180$/m);
    await page.waitForFunction(() => Number(document.querySelector<SVGElement>('[data-part="servo"]')!.dataset.angle) >= 150);
    await saveScreenshot(page, 'board-panel-servo');
    await stop();
  });

  it('rewires the button from the panel, and remembers it after a reload', async () => {
    await page.click('[data-wiring="button"]');
    await page.click('.wiring-menu button[data-gpio="13"]');
    await page.waitForSelector('[data-wire="button"][data-gpio="13"]', { state: 'attached' });
    await loadIde(page, ide.app.url);
    await page.waitForSelector('[data-wire="button"][data-gpio="13"]', { state: 'attached' });
    expect(await page.locator('[data-wiring="button"]').textContent()).toContain('GP13');
    // The terminal keeps its text over the reload (and a retry's over the first attempt's):
    // this run's lines carry their own mark, so an older "ready" cannot answer for it.
    const mark = Date.now().toString(36);
    await newFile(page, `from machine import Pin\nimport time\nb = Pin(13, Pin.IN, Pin.PULL_UP)\nprint("ready ${mark}")\nwhile b.value():\n    time.sleep_ms(5)\nprint("GP13 pressed ${mark}")\n`);
    await page.keyboard.press('F5');
    await waitForRepl(page, new RegExp(`^ready ${mark}$`, 'm'));
    // A tap, as short as a key press gets: the board holds it until the program has read the pin.
    await page.locator('[data-part="button"]').focus();
    await page.keyboard.press(' ');
    await waitForRepl(page, new RegExp(`^GP13 pressed ${mark}$`, 'm'));
    await page.click('[data-wiring="button"]');
    await page.click('.wiring-menu button[data-gpio="14"]');
    await page.waitForSelector('[data-wire="button"][data-gpio="14"]', { state: 'attached' });
  });

  it('raised no page errors', () => {
    expect(ide.errors).toEqual([]);
  });
});
