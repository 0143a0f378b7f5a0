/** `mpstudio ports`: lists serial ports, likely MicroPython boards first. */
import { EXIT, type CliCommand } from '../command-registry';

export const portsCommand: CliCommand = {
  name: 'ports',
  usage: 'ports',
  summary: 'list serial ports, likely boards first',
  needsBoard: false,
  async run(ctx) {
    // Loaded here, not at start-up: serialport is the slowest module the CLI has.
    const { listPorts } = await import('../../board/port-discovery');
    for (const port of await listPorts()) {
      const ids = port.vendorId ? ` ${port.vendorId}:${port.productId ?? '????'}` : '';
      ctx.out.write(`${port.path}${ids} ${port.serialNumber ?? '-'} ${port.friendlyName}${port.likelyMicroPython ? '' : ' (not a known board)'}\n`);
    }
    return EXIT.ok;
  },
};
