/**
 * The board engine's shared scenarios, unchanged, against the virtual board in-process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeBoardScenarios } from '../board/scenarios/board-scenarios';
import { createVirtualBoardTransport } from '../../runtime/start-virtual-board';
import { DEFAULT_FLASH_BYTES } from '../../runtime/virtual-board-transport';

describeBoardScenarios('virtual board, in-process', async () => {
  const flashDir = mkdtempSync(join(tmpdir(), 'vboard-scenarios-'));
  const transport = await createVirtualBoardTransport({ flashDir, flashSizeBytes: 256 * 1024 });
  return {
    transport,
    flatFs: false,
    rawPaste: true,
    fsCapacity: Math.min(DEFAULT_FLASH_BYTES, 256 * 1024),
    async cleanup() {
      await transport.close();
      rmSync(flashDir, { recursive: true, force: true });
    },
  };
});
