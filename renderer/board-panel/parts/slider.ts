/**
 * A small slider inside the drawing, for a knob or a sensor: it sends each move at
 * once (the board reads it on its next ADC or I2C read) and follows the board's
 * state only while the user is not dragging it.
 */
import { h } from '../../src/ui/dom';
import { island } from '../svg';

export interface SliderOptions {
  x: number;
  y: number;
  width: number;
  label: string;
  min: number;
  max: number;
  step: number;
  /** The value in words, e.g. `23.5 °C`. */
  format(value: number): string;
  onInput(value: number): void;
  /** Shown when the sensor follows its own signal (null value). */
  autoLabel?: string;
}

export class Slider {
  readonly element: SVGForeignObjectElement;
  private readonly input: HTMLInputElement;
  private readonly readout: HTMLElement;
  private dragging = false;

  constructor(private readonly options: SliderOptions) {
    this.input = h('input', { type: 'range', min: String(options.min), max: String(options.max), step: String(options.step), 'aria-label': options.label });
    this.readout = h('span', { class: 'readout' });
    const box = h('label', { class: 'part-slider' }, h('span', { class: 'name' }, options.label), this.input, this.readout);
    this.element = island(options.x, options.y, options.width, 30, box);
    this.input.addEventListener('pointerdown', () => (this.dragging = true));
    this.input.addEventListener('pointerup', () => (this.dragging = false));
    this.input.addEventListener('input', () => {
      const value = Number(this.input.value);
      this.readout.textContent = options.format(value);
      options.onInput(value);
    });
  }

  set(value: number | null, autoValue: number): void {
    if (this.dragging) return;
    if (value === null) {
      if (document.activeElement !== this.input) this.input.value = String(autoValue);
      this.readout.textContent = this.options.autoLabel ?? '';
      return;
    }
    if (document.activeElement !== this.input) this.input.value = String(value);
    this.readout.textContent = this.options.format(value);
  }
}
