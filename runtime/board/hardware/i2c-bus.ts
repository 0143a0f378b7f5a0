/**
 * The virtual board's I2C bus: every `I2C` and `SoftI2C` object, whatever its pins,
 * talks to the same devices (an AHT20 at 0x38, an SSD1306 OLED at 0x3C), as if they
 * were wired to whichever pins the program names. A missing address answers with
 * ENODEV, as an ESP32 does on a NACK.
 */

export interface I2cDevice {
  /** A write transaction; false to NACK. */
  write(data: Uint8Array): boolean;
  /** A read transaction of `length` bytes. */
  read(length: number): Uint8Array;
}

const ENODEV = 19;

export class I2cBus {
  private readonly devices: Map<number, I2cDevice>;

  constructor(devices: Record<number, I2cDevice>) {
    this.devices = new Map(Object.entries(devices).map(([address, device]) => [Number(address), device]));
  }

  scan(): number[] {
    return [...this.devices.keys()].sort((a, b) => a - b);
  }

  /** Number of bytes acknowledged, or a negative errno. */
  write(address: number, data: Uint8Array): number {
    const device = this.devices.get(address);
    if (!device) return -ENODEV;
    return device.write(data) ? data.length : -ENODEV;
  }

  read(address: number, length: number): Uint8Array | number {
    const device = this.devices.get(address);
    if (!device) return -ENODEV;
    return device.read(length);
  }
}
