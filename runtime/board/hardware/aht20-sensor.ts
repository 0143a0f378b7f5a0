/**
 * A simulated AHT20 temperature and humidity sensor at its real I2C address, 0x38,
 * answering the commands the common MicroPython driver (`ahtx0`) sends: soft reset
 * 0xBA, initialise 0xBE 0x08 0x00 (0xE1 on the AHT10), trigger 0xAC 0x33 0x00, then
 * a read of the status byte, 20-bit humidity, 20-bit temperature and a CRC-8.
 */
import type { I2cDevice } from './i2c-bus';

/** The air around the sensor: °C and % relative humidity. */
export interface Climate {
  celsius: number;
  humidity: number;
}

export const AHT20_ADDRESS = 0x38;

const CMD_SOFT_RESET = 0xba;
const CMD_INITIALIZE = 0xbe;
const CMD_INITIALIZE_AHT10 = 0xe1;
const CMD_TRIGGER = 0xac;
const STATUS_BUSY = 0x80;
const STATUS_CALIBRATED = 0x08;
/** The datasheet's measurement time. */
const MEASUREMENT_MS = 80;

export class Aht20Sensor implements I2cDevice {
  private calibrated = true;
  private measuringUntil = 0;
  private sample: Uint8Array = new Uint8Array(6);

  constructor(
    private readonly climate: () => Climate,
    private readonly clock: () => number = Date.now,
  ) {}

  write(data: Uint8Array): boolean {
    const command = data[0];
    if (command === CMD_SOFT_RESET) {
      this.measuringUntil = 0;
    } else if (command === CMD_INITIALIZE || command === CMD_INITIALIZE_AHT10) {
      this.calibrated = true;
    } else if (command === CMD_TRIGGER) {
      this.measuringUntil = this.clock() + MEASUREMENT_MS;
      const { celsius, humidity } = this.climate();
      this.sample = encodeSample(celsius, humidity);
    }
    return true;
  }

  read(length: number): Uint8Array {
    const busy = this.clock() < this.measuringUntil;
    const status = (busy ? STATUS_BUSY : 0) | (this.calibrated ? STATUS_CALIBRATED : 0) | 0x10;
    const frame = new Uint8Array(7);
    frame[0] = status;
    frame.set(this.sample.subarray(1, 6), 1);
    frame[6] = crc8(frame.subarray(0, 6));
    const out = new Uint8Array(length);
    out.set(frame.subarray(0, Math.min(length, 7)));
    return out;
  }
}

/** Packs readings as the chip does: humidity and temperature as 20-bit fractions. */
function encodeSample(celsius: number, humidity: number): Uint8Array {
  const h = Math.min(0xfffff, Math.max(0, Math.round((humidity / 100) * 0x100000)));
  const t = Math.min(0xfffff, Math.max(0, Math.round(((celsius + 50) / 200) * 0x100000)));
  return Uint8Array.from([0, h >> 12, (h >> 4) & 0xff, ((h & 0x0f) << 4) | (t >> 16), (t >> 8) & 0xff, t & 0xff]);
}

/** The AHT20's CRC-8: polynomial 0x31, initial value 0xFF. */
export function crc8(data: Uint8Array): number {
  let crc = 0xff;
  for (const byte of data) {
    crc ^= byte;
    for (let i = 0; i < 8; i++) crc = crc & 0x80 ? ((crc << 1) ^ 0x31) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}
