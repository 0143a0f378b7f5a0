/**
 * Lists serial ports with friendly names, likely MicroPython boards first, and watches
 * for plug and unplug by polling (serialport has no hot-plug events).
 */
import { SerialPort } from 'serialport';
import type { PortInfo } from '../../preload/contract-types';
import { boardRank, lookupBoard } from './known-boards';

/** What serialport's `list()` gives, the fields we use. */
export interface RawPortInfo {
  path: string;
  manufacturer?: string | undefined;
  serialNumber?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
}

export function toPortInfo(raw: RawPortInfo): PortInfo {
  const board = lookupBoard(raw.vendorId, raw.productId);
  const info: PortInfo = {
    path: raw.path,
    friendlyName: board?.name ?? (raw.manufacturer ? `${raw.manufacturer} serial port` : 'Serial port'),
    likelyMicroPython: board?.likelyMicroPython ?? false,
  };
  if (raw.manufacturer) info.manufacturer = raw.manufacturer;
  if (raw.serialNumber) info.serialNumber = raw.serialNumber;
  if (raw.vendorId) info.vendorId = raw.vendorId.toLowerCase();
  if (raw.productId) info.productId = raw.productId.toLowerCase();
  return info;
}

/** Sorts likely boards first, then by path in natural order (ttyACM2 before ttyACM10). */
export function sortPorts(ports: PortInfo[]): PortInfo[] {
  return [...ports].sort(
    (a, b) => boardRank(a.vendorId, a.productId) - boardRank(b.vendorId, b.productId) || a.path.localeCompare(b.path, undefined, { numeric: true }),
  );
}

export type PortLister = () => Promise<RawPortInfo[]>;

export async function listPorts(lister: PortLister = () => SerialPort.list()): Promise<PortInfo[]> {
  return sortPorts((await lister()).map(toPortInfo));
}

const key = (ports: PortInfo[]): string => ports.map((p) => `${p.path}|${p.serialNumber ?? ''}`).join('\n');

/** Polls the port list and calls `onChange` when it changes. Returns a stop function. */
export function watchPorts(onChange: (ports: PortInfo[]) => void, options: { intervalMs?: number; lister?: PortLister } = {}): () => void {
  let last: string | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async (): Promise<void> => {
    try {
      const ports = await listPorts(options.lister);
      const now = key(ports);
      if (!stopped && now !== last) {
        last = now;
        onChange(ports);
      }
    } catch {
      // A failed listing (e.g. udev busy) is retried on the next tick.
    }
    if (!stopped) timer = setTimeout(() => void tick(), options.intervalMs ?? 1000);
    timer?.unref();
  };
  void tick();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
