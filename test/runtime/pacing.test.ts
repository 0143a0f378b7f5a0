import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBoard, PROMPT, type BoardHarness } from './board-harness';
import { BITS_PER_BYTE } from '../../runtime/uart-pacer';

const BAUD = 9600;
const BYTES_PER_SECOND = BAUD / BITS_PER_BYTE;

describe('virtual board link speed', () => {
  let h: BoardHarness;
  beforeAll(async () => {
    h = await openBoard({ baudRate: BAUD });
  });
  afterAll(async () => {
    await h.close();
  });

  it('paces bytes to the board: write() resolves when they would have left the wire', async () => {
    const line = `#${'x'.repeat(479)}`; // 480 bytes: half a second at 9600 baud
    const started = performance.now();
    await h.send(line);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual((line.length / BYTES_PER_SECOND) * 1000 * 0.9);
    await h.exchange('\x03', PROMPT, 30_000);
  });

  it('paces bytes from the board, and the board waits for the wire', async () => {
    h.clear();
    const started = performance.now();
    await h.send('print("y" * 960)\r');
    await h.waitFor(`${'y'.repeat(960)}\r\n${PROMPT}`, 30_000);
    const elapsed = performance.now() - started;
    // The echo of the command and 960 bytes of output: more than a second at 960 bytes/s.
    expect(elapsed).toBeGreaterThanOrEqual(1000);
  });
});
