/**
 * Child process for UI tests: runs the virtual board (real WASM MicroPython in a
 * worker) on this process's stdin/stdout, so socat can put it on a pseudo-terminal
 * that web mode opens as a serial port, and a test can cut the link by killing socat.
 *
 *   node --import tsx test/ui/file-browser-serve-virtual-board.ts FLASH_DIR [BAUD]
 */
import { createVirtualBoardTransport } from '../../runtime/virtual-board-transport';

const [flashDir, baud] = process.argv.slice(2);
if (!flashDir) {
  process.stderr.write('usage: file-browser-serve-virtual-board.ts FLASH_DIR [BAUD]\n');
  process.exit(2);
}
const board = await createVirtualBoardTransport({ flashDir, ...(baud && { baudRate: Number(baud) }) });
board.on('data', (bytes) => process.stdout.write(bytes));
board.on('close', () => process.exit(0));
process.stdin.on('data', (chunk: Buffer) => void board.write(new Uint8Array(chunk)).catch(() => undefined));
// socat gone (the "cut"): nothing can reach the board any more.
const stop = () => void board.close().finally(() => process.exit(0));
process.stdin.on('end', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);
