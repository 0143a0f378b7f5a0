/**
 * An exec returns exactly the board's answer to it, or fails with a typed error: never
 * another command's answer (issue 10, defect 5: `print(6*7)` returned '' on a loaded
 * machine). A scripted board on a real socat pty plays the loaded machine's timings.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BoardSession } from '../../main/board/board-session';
import { openSerialTransport } from '../../main/board/serial-transport';
import type { Transport } from '../../main/board/transport';
import { startSocatPair } from '../support/socat-pair';
import { LaggingBoard } from './lagging-board';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function linkedBoard(options: { lagMs: number; refuseRawPaste?: boolean }): Promise<{ board: LaggingBoard; session: BoardSession }> {
  const pair = await startSocatPair();
  cleanups.push(() => pair.kill());
  const open = async (path: string): Promise<Transport> => {
    const link = await openSerialTransport({ path });
    cleanups.push(() => link.close());
    return link;
  };
  const board = new LaggingBoard(await open(pair.peerPath), options);
  const session = await BoardSession.open(await open(pair.hostPath));
  return { board, session };
}

/** What the scripted peer prints for a source it runs. */
const answerFor = (source: string): string => `len=${source.length} sum=${[...source].reduce((s, c) => s + c.charCodeAt(0), 0)}\r\n`;

describe('exec answers stay with their command', () => {
  it('takes over from a loop printing the raw REPL banner that is slow to see Ctrl-C', async () => {
    const { board, session } = await linkedBoard({ lagMs: 300 });
    await session.execText('x=1'); // raw-paste is known to work on this board from here on
    // Typed at the REPL, as a user does; the scripted board then loops instead of echoing.
    await session.writeTerminal('while True: print(">>> raw REPL; CTRL-B to exit\\r\\n>")\r\r');
    board.startLoop();
    await new Promise((r) => setTimeout(r, 100));
    expect(await session.execText('print(6*7)')).toBe(answerFor('print(6*7)'));
    expect(await session.execText('y=2')).toBe(answerFor('y=2'));
  }, 30_000);

  it('does not take a late extra answer (after a resent Ctrl-D) for the next command', async () => {
    const { board, session } = await linkedBoard({ lagMs: 0, refuseRawPaste: true });
    await session.execText('a=1');
    // OK comes after 3.5 s, past the 3 s after which a Ctrl-D is resent; the extra blank
    // command's answer follows the real one, 150 ms apart each.
    board.stallAnswers(4, 3500, 150);
    expect(await session.execText('b=22')).toBe(answerFor('b=22'));
    expect(await session.execText('c=333')).toBe(answerFor('c=333'));
    expect(await session.execText('d=4444')).toBe(answerFor('d=4444'));
  }, 30_000);
});
