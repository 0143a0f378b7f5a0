/**
 * The session's paste into the friendly REPL, on the virtual board and the micro:bit
 * firmware under QEMU: with text already on the line (typed, or recalled with ↑) the
 * block runs through paste mode, the session's variables survive, and no soft reset
 * happens. The UI test (test/ui/repl-paste.test.ts) drives the same through Chromium.
 * 'virtual, late drain' settles each write only after the board answered, as a loaded
 * host may: the board's prompt then arrives before the keystroke's write has resolved.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardSession } from '../../main/board/board-session';
import type { Transport } from '../../main/board/transport';
import { createVirtualBoardTransport } from '../../runtime/start-virtual-board';
import { openQemuTransport, startQemuMicrobit, type QemuMicrobit } from '../support/qemu-microbit';
import { LateDrainTransport } from './late-drain-transport';

for (const kind of ['virtual', 'virtual, late drain', 'microbit'] as const) {
  describe(`paste onto a non-empty REPL line (${kind})`, { timeout: 180_000 }, () => {
    let session: BoardSession;
    let qemu: QemuMicrobit | undefined;
    let shown = '';
    const until = async (pattern: RegExp, ms = 60_000) => {
      const deadline = Date.now() + ms;
      while (!pattern.test(shown)) {
        if (Date.now() > deadline) throw new Error(`never saw ${pattern}; the terminal showed:\n${shown.slice(-600)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    beforeAll(async () => {
      let transport: Transport;
      if (kind === 'microbit') {
        qemu = await startQemuMicrobit();
        transport = await openQemuTransport(qemu);
      } else transport = await createVirtualBoardTransport({ flashDir: mkdtempSync(join(tmpdir(), 'paste-')) });
      if (kind === 'virtual, late drain') transport = new LateDrainTransport(transport);
      session = await BoardSession.open(transport, { connectTimeoutMs: 30_000 });
      session.on('terminal', (bytes) => (shown += Buffer.from(bytes).toString('latin1')));
    }, 180_000);
    afterAll(async () => {
      await session?.close();
      await qemu?.kill();
    });

    for (const [what, keys] of [['typed text', 'x = '], ['a recalled line', '\x1b[A']] as const) {
      it(`keeps the session when pasting onto ${what}`, async () => {
        const tag = what === 'typed text' ? 't' : 'h';
        // Safe to retry: Ctrl-C first gives a fresh prompt, whatever an earlier attempt left on the line.
        await session.writeTerminal('\x03');
        await until(/>>> $/);
        await session.writeTerminal('keep = 7\r');
        await until(/keep = 7\r\n>>> $/);
        await session.writeTerminal(keys);
        await new Promise((resolve) => setTimeout(resolve, 200));
        const from = shown.length;
        await session.pasteAtRepl(`def six(n):\n    return n * 6\n\nprint("p${tag}", six(keep))\n`);
        await until(new RegExp(`p${tag} 42\\r\\n>>> $`));
        await session.writeTerminal(`print("k${tag}", keep + 1)\r`);
        await until(new RegExp(`k${tag} 8\\r\\n>>> $`));
        expect(shown.slice(from)).not.toMatch(/soft reboot|Error/);
      });
    }
  });
}
