/**
 * MOCK, for tests only (`--mock-usb-ports FILE`): a port lister that reads the "plugged in"
 * USB ports from a JSON file instead of asking the operating system. CI has no USB, so a
 * test plugs a board in by writing the file, with a real pty (a virtual board served by
 * `mpstudio virtual --pty`) behind the path. The file is read at every poll; a missing
 * file means nothing is plugged in.
 */
import { readFile } from 'node:fs/promises';
import * as v from 'valibot';
import type { PortLister } from '../board/port-discovery';

const mockPortsSchema = v.array(
  v.object({
    path: v.string(),
    manufacturer: v.optional(v.string()),
    serialNumber: v.optional(v.string()),
    vendorId: v.optional(v.string()),
    productId: v.optional(v.string()),
  }),
);

export function mockUsbPortLister(file: string): PortLister {
  return async () => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return [];
    }
    const parsed = v.safeParse(mockPortsSchema, JSON.parse(text));
    if (!parsed.success) throw new Error(`${file} does not list ports: ${parsed.issues[0]?.message ?? 'invalid'}`);
    return parsed.output;
  };
}
