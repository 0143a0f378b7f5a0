/**
 * The simulated world around the virtual board: slow, believable signals as pure
 * functions of time, so anything (the board, the host's UI, a test) can compute
 * the same values. A light sensor follows a one-minute sine with some noise; the
 * room's temperature and humidity drift over a quarter of an hour.
 */

const TWO_PI = 2 * Math.PI;
const SUPPLY_VOLTS = 3.3;

/** Seconds since the epoch, the clock every signal follows. */
export const nowSeconds = () => Date.now() / 1000;

const noise = (amplitude: number) => (Math.random() * 2 - 1) * amplitude;
const toU16 = (value: number) => Math.max(0, Math.min(65535, Math.round(value)));

/** A light-dependent resistor divider: bright and dark every minute. */
export function lightU16(t: number): number {
  return toU16(32768 + 22000 * Math.sin((TWO_PI * t) / 60) + noise(700));
}

/** The room: 22.5 °C give or take 2.5 over fifteen minutes, with a faster wobble. */
export function temperatureC(t: number): number {
  return 22.5 + 2.5 * Math.sin((TWO_PI * t) / 900) + 0.3 * Math.sin((TWO_PI * t) / 97);
}

export function humidityPercent(t: number): number {
  return 45 + 8 * Math.sin((TWO_PI * t) / 1200 + 1);
}

/** A TMP36 on an ADC pin at `celsius`: 0.5 V at 0 °C, 10 mV per degree. */
export function tmp36U16(celsius: number): number {
  const volts = 0.5 + 0.01 * celsius;
  return toU16((volts / SUPPLY_VOLTS) * 65535 + noise(40));
}

/** The RP2040's own sensor on ADC(4): 0.706 V at 27 °C, −1.721 mV per degree. */
export function coreTemperatureU16(t: number): number {
  const volts = 0.706 - 0.001721 * (temperatureC(t) + 8 - 27);
  return toU16((volts / SUPPLY_VOLTS) * 65535 + noise(30));
}

/** The potentiometer's wiper as the ADC sees it: the set position with a little jitter. */
export function potentiometerU16(position: number): number {
  return toU16(position + noise(24));
}

/** A pin nothing is wired to: near ground, noisy. */
export function floatingU16(): number {
  return toU16(300 + noise(300));
}
