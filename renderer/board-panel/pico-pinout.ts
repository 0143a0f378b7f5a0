/**
 * The Raspberry Pi Pico's 40-pin header as drawn: pins 1–20 down the left edge,
 * 40–21 down the right (as seen from above, USB at the top), each with its
 * silkscreen name and GPIO number (null for power, ground and control pins).
 */

export interface HeaderPin {
  /** Physical pin number, 1..40. */
  number: number;
  name: string;
  gpio: number | null;
  side: 'left' | 'right';
  /** Row from the top, 0..19. */
  row: number;
}

const LEFT = ['GP0', 'GP1', 'GND', 'GP2', 'GP3', 'GP4', 'GP5', 'GND', 'GP6', 'GP7', 'GP8', 'GP9', 'GND', 'GP10', 'GP11', 'GP12', 'GP13', 'GND', 'GP14', 'GP15'];
const RIGHT = ['VBUS', 'VSYS', 'GND', '3V3_EN', '3V3', 'ADC_VREF', 'GP28', 'AGND', 'GP27', 'GP26', 'RUN', 'GP22', 'GND', 'GP21', 'GP20', 'GP19', 'GP18', 'GND', 'GP17', 'GP16'];

const gpioOf = (name: string) => (/^GP\d+$/.test(name) ? Number(name.slice(2)) : null);

export const PICO_PINS: HeaderPin[] = [
  ...LEFT.map((name, row) => ({ number: row + 1, name, gpio: gpioOf(name), side: 'left' as const, row })),
  ...RIGHT.map((name, row) => ({ number: 40 - row, name, gpio: gpioOf(name), side: 'right' as const, row })),
];

/** The Pico's on-board LED; the virtual board's `Pin("LED")` and GPIO2 are the same LED. */
export const LED_GPIO = 25;
/** The virtual board reports its LED on this pin number. */
export const VIRTUAL_LED_PIN = 2;

/** GPIOs a movable part may be wired to (GP0..GP22, as the contract allows). */
export const WIRABLE_GPIOS = PICO_PINS.filter((pin) => pin.gpio !== null && pin.gpio <= 22).map((pin) => pin.gpio!).sort((a, b) => a - b);
