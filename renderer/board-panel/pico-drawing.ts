/**
 * The Pico itself: green board, USB socket, RP2040, BOOTSEL, the on-board LED and
 * the 40 castellated header pads. Each GPIO pad shows what the program uses it as
 * (a tag: IN, OUT, PWM with its duty, ADC, I2C) and its level (a lit pad), PWM as
 * brightness.
 */
import type { VirtualBoardState } from '../../preload/contract-types';
import { BOARD, padPosition } from './layout';
import { PICO_PINS, VIRTUAL_LED_PIN } from './pico-pinout';
import { s } from './svg';

interface PadView {
  gpio: number;
  group: SVGGElement;
  pad: SVGCircleElement;
  glow: SVGCircleElement;
  tag: SVGTextElement;
  key: string;
}

export class PicoDrawing {
  readonly element: SVGGElement;
  private readonly pads: PadView[] = [];
  private readonly led: SVGRectElement;
  private readonly ledGlow: SVGCircleElement;

  constructor() {
    const { x, y, width, height } = BOARD;
    this.ledGlow = s('circle', { class: 'led-glow', cx: x + 40, cy: y + 22, r: 11 });
    this.led = s('rect', { class: 'onboard-led', x: x + 36, y: y + 19, width: 8, height: 6, rx: 1, 'data-part': 'led' });
    this.element = s(
      'g',
      { class: 'pico' },
      s('rect', { class: 'usb', x: x + width / 2 - 16, y: y - 10, width: 32, height: 22, rx: 3 }),
      s('rect', { class: 'pcb', x, y, width, height, rx: 7 }),
      s('rect', { class: 'chip', x: x + width / 2 - 22, y: y + 128, width: 44, height: 44, rx: 3 }),
      s('text', { class: 'chip-label', x: x + width / 2, y: y + 153, 'text-anchor': 'middle' }, 'RP2040'),
      s('rect', { class: 'flash-chip', x: x + width / 2 - 15, y: y + 64, width: 30, height: 20, rx: 2 }),
      s('circle', { class: 'bootsel', cx: x + width / 2 + 22, cy: y + 42, r: 6 }),
      s('text', { class: 'silk small', x: x + width / 2 + 22, y: y + 57, 'text-anchor': 'middle' }, 'BOOTSEL'),
      s('text', { class: 'silk small', x: x + 40, y: y + 36, 'text-anchor': 'middle' }, 'LED GP25'),
      s('text', { class: 'silk brand', x: x + width / 2, y: y + height - 5, 'text-anchor': 'middle' }, 'Raspberry Pi Pico'),
      this.ledGlow,
      this.led,
    );
    for (const pin of PICO_PINS) this.element.append(this.drawPin(pin));
  }

  /** The pad of a GPIO, for wires. */
  pad(gpio: number): { x: number; y: number; side: 'left' | 'right' } | null {
    const pin = PICO_PINS.find((p) => p.gpio === gpio);
    return pin ? { ...padPosition(pin), side: pin.side } : null;
  }

  update(state: VirtualBoardState): void {
    const lit = state.led === 1;
    this.led.classList.toggle('lit', lit);
    this.led.dataset.lit = String(lit);
    this.ledGlow.style.opacity = lit ? '1' : '0';
    for (const view of this.pads) {
      const key = String(view.gpio);
      const mode = state.modes[key];
      const pwm = state.pwm[key];
      const level = state.pins[key];
      const brightness = mode === 'pwm' && pwm ? pwm.duty / 65535 : level === 1 && (mode === 'out' || mode === 'in') ? 1 : 0;
      const tag = !mode ? '' : mode === 'pwm' && pwm ? `PWM ${Math.round((pwm.duty / 65535) * 100)}%` : mode === 'in' || mode === 'out' ? `${mode.toUpperCase()} ${level ?? 0}` : mode.toUpperCase();
      const next = `${mode}|${tag}|${brightness.toFixed(2)}`;
      if (next === view.key) continue;
      view.key = next;
      view.pad.dataset.mode = mode ?? '';
      if (mode) view.group.dataset.mode = mode;
      else delete view.group.dataset.mode;
      view.pad.dataset.level = String(level ?? '');
      view.glow.style.opacity = brightness.toFixed(2);
      view.tag.textContent = tag;
      view.tag.dataset.mode = mode ?? '';
    }
  }

  private drawPin(pin: (typeof PICO_PINS)[number]): SVGGElement {
    const { x, y } = padPosition(pin);
    const left = pin.side === 'left';
    const kind = pin.gpio !== null ? 'gpio' : pin.name.includes('GND') ? 'gnd' : 'power';
    const pad = s('circle', { class: `pad ${kind}`, cx: x, cy: y, r: 4.2 });
    const glow = s('circle', { class: 'pad-glow', cx: x, cy: y, r: 4.2 });
    const label = s('text', { class: `silk pin-name ${kind}`, x: left ? x + 8 : x - 8, y: y + 3, 'text-anchor': left ? 'start' : 'end' }, pin.name);
    const tag = s('text', { class: 'pin-tag', x: left ? x + 38 : x - 38, y: y + 3, 'text-anchor': left ? 'start' : 'end' });
    const group = s('g', { class: 'header-pin', 'data-pin': pin.number, 'data-gpio': pin.gpio ?? undefined }, pad, glow, label, tag);
    group.append(s('title', {}, `pin ${pin.number}: ${pin.name}`));
    // The virtual board's LED answers to GPIO2 as well as to "LED" and GP25: show it on the LED only.
    if (pin.gpio !== null && pin.gpio !== VIRTUAL_LED_PIN) this.pads.push({ gpio: pin.gpio, group, pad, glow, tag, key: '' });
    return group;
  }
}
