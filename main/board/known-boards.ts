/**
 * USB vendor/product ids of boards that run MicroPython, and of the USB-serial chips
 * found on many of them, with friendly names. Boards whose vendor makes MicroPython
 * boards sort before generic serial chips and before ports that are not boards at all.
 */

export interface KnownBoard {
  /** Lower-case hex, 4 digits. */
  vendorId: string;
  /** Lower-case hex; omitted matches every product of the vendor. */
  productId?: string;
  name: string;
  /** True when the id itself says "a MicroPython board" (not just "a serial chip"). */
  likelyMicroPython: boolean;
}

export const KNOWN_BOARDS: readonly KnownBoard[] = [
  { vendorId: 'f055', productId: '9800', name: 'MicroPython board (pyboard)', likelyMicroPython: true },
  { vendorId: 'f055', name: 'MicroPython board', likelyMicroPython: true },
  { vendorId: '2e8a', productId: '0005', name: 'Raspberry Pi Pico (RP2040)', likelyMicroPython: true },
  { vendorId: '2e8a', productId: '000a', name: 'Raspberry Pi Pico (RP2040, CDC)', likelyMicroPython: true },
  { vendorId: '2e8a', productId: '000f', name: 'Raspberry Pi Pico 2 (RP2350)', likelyMicroPython: true },
  { vendorId: '2e8a', name: 'Raspberry Pi RP2040/RP2350 board', likelyMicroPython: true },
  { vendorId: '303a', productId: '1001', name: 'Espressif ESP32-S3/C3 (USB JTAG/serial)', likelyMicroPython: true },
  { vendorId: '303a', name: 'Espressif ESP32 board', likelyMicroPython: true },
  { vendorId: '0d28', productId: '0204', name: 'BBC micro:bit (Arm DAPLink)', likelyMicroPython: true },
  { vendorId: '0d28', name: 'Arm DAPLink board', likelyMicroPython: true },
  { vendorId: '239a', name: 'Adafruit board', likelyMicroPython: true },
  { vendorId: '1a86', productId: '7523', name: 'USB serial (CH340)', likelyMicroPython: true },
  { vendorId: '1a86', productId: '55d4', name: 'USB serial (CH9102)', likelyMicroPython: true },
  { vendorId: '1a86', name: 'USB serial (WCH)', likelyMicroPython: true },
  { vendorId: '10c4', productId: 'ea60', name: 'USB serial (CP210x)', likelyMicroPython: true },
  { vendorId: '10c4', name: 'USB serial (Silicon Labs)', likelyMicroPython: true },
  { vendorId: '0403', name: 'USB serial (FTDI)', likelyMicroPython: true },
];

const hex4 = (id: string | undefined): string | undefined => (id ? id.toLowerCase().replace(/^0x/, '').padStart(4, '0') : undefined);

/** The most specific match for a VID/PID pair, or undefined. */
export function lookupBoard(vendorId: string | undefined, productId: string | undefined): KnownBoard | undefined {
  const vid = hex4(vendorId);
  const pid = hex4(productId);
  if (!vid) return undefined;
  return KNOWN_BOARDS.find((b) => b.vendorId === vid && b.productId === pid) ?? KNOWN_BOARDS.find((b) => b.vendorId === vid && b.productId === undefined);
}

/** Rank for sorting: known MicroPython vendors first, then serial chips, then the rest. */
export function boardRank(vendorId: string | undefined, productId: string | undefined): number {
  const board = lookupBoard(vendorId, productId);
  if (!board) return 2;
  return board.name.startsWith('USB serial') ? 1 : 0;
}
