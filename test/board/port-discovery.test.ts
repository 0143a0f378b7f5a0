/** Known-board table, friendly names and ordering (likely MicroPython boards first), and the port watch. */
import { describe, expect, it } from 'vitest';
import { lookupBoard } from '../../main/board/known-boards';
import { listPorts, watchPorts, type RawPortInfo } from '../../main/board/port-discovery';

const RAW: RawPortInfo[] = [
  { path: '/dev/ttyS0' },
  { path: '/dev/ttyUSB1', vendorId: '1A86', productId: '7523', manufacturer: 'QinHeng' },
  { path: '/dev/ttyACM10', vendorId: '2e8a', productId: '0005', serialNumber: 'E660583883' },
  { path: '/dev/ttyACM2', vendorId: '0d28', productId: '0204', serialNumber: '9900' },
  { path: '/dev/ttyUSB0', vendorId: '10c4', productId: 'ea60' },
  { path: '/dev/ttyACM3', vendorId: '303a', productId: '4001' },
];

describe('port discovery', () => {
  it('names every vendor from the issue', () => {
    expect(lookupBoard('303A', '1001')?.name).toMatch(/Espressif/);
    expect(lookupBoard('2e8a', '000f')?.name).toMatch(/RP2350/);
    expect(lookupBoard('f055', '9802')?.name).toMatch(/MicroPython/);
    expect(lookupBoard('0d28', '0204')?.name).toMatch(/micro:bit/);
    expect(lookupBoard('239a', '80f4')?.name).toMatch(/Adafruit/);
    expect(lookupBoard('1a86', '55d4')?.name).toMatch(/CH9102/);
    expect(lookupBoard('10c4', 'ea60')?.name).toMatch(/CP210x/);
    expect(lookupBoard('0403', '6001')?.name).toMatch(/FTDI/);
    expect(lookupBoard('1234', '5678')).toBeUndefined();
  });

  it('lists boards first, then serial chips, then other ports, in natural order', async () => {
    const ports = await listPorts(async () => RAW);
    expect(ports.map((p) => p.path)).toEqual(['/dev/ttyACM2', '/dev/ttyACM3', '/dev/ttyACM10', '/dev/ttyUSB0', '/dev/ttyUSB1', '/dev/ttyS0']);
    expect(ports[0]).toMatchObject({ friendlyName: 'BBC micro:bit (Arm DAPLink)', likelyMicroPython: true, serialNumber: '9900', vendorId: '0d28' });
    expect(ports.at(-1)).toMatchObject({ friendlyName: 'Serial port', likelyMicroPython: false });
  });

  it('reports plug and unplug from the poll', async () => {
    let current = RAW.slice(0, 2);
    const seen: string[][] = [];
    const stop = watchPorts((ports) => seen.push(ports.map((p) => p.path)), { intervalMs: 20, lister: async () => current });
    await expect.poll(() => seen.length).toBe(1);
    current = RAW.slice(0, 3);
    await expect.poll(() => seen.length).toBe(2);
    current = RAW.slice(1, 3);
    await expect.poll(() => seen.length).toBe(3);
    stop();
    expect(seen[1]).toContain('/dev/ttyACM10');
    expect(seen[2]).not.toContain('/dev/ttyS0');
  });
});
