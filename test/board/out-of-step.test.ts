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

  it('still types a key when the board is slow to leave the raw REPL for it', async () => {
    const { board, session } = await linkedBoard({ lagMs: 0 });
    await session.execText('x=1'); // The board is left at the raw prompt.
    const terminal: string[] = [];
    session.on('terminal', (bytes) => terminal.push(Buffer.from(bytes).toString('latin1')));
    // The banner that answers Ctrl-B comes after 2 s, past the 1.5 s the session waits for it.
    board.stallAnswers(1, 2000, 10);
    await session.writeTerminal('b');
    await expect.poll(() => terminal.join('')).toContain('b');
    expect(await session.execText('print(6*7)')).toBe(answerFor('print(6*7)'));
  }, 30_000);

  it('does not show a retyped line twice when the board is slow to echo it', async () => {
    const { board, session } = await linkedBoard({ lagMs: 0 });
    const terminal: string[] = [];
    session.on('terminal', (bytes) => terminal.push(Buffer.from(bytes).toString('latin1')));
    await session.writeTerminal('1+2');
    await expect.poll(() => terminal.join('')).toContain('1+2');
    await session.execText('x=1'); // Its Ctrl-C wipes the board's copy of the line: it is typed again.
    // The banner after Ctrl-B, then each byte of the retyped line's echo, 150 ms apart: slower than the 60 ms pause that ends other echoes.
    board.stallAnswers(4, 100, 150);
    await session.writeTerminal('\r');
    // (This scripted board only echoes at its friendly prompt: the Enter comes back as itself.)
    await expect.poll(() => terminal.join('')).toMatch(/\r$/);
    expect(terminal.join('')).toBe('1+2\r');
  }, 30_000);

  it('asks again when a loaded host held the answer to the raw-paste request past its wait', async () => {
    const { board, session } = await linkedBoard({ lagMs: 0 });
    await session.execText('a=1'); // raw-paste is known to work on this board from here on
    // The answer to the request (then the one to the Ctrl-C that ends the wait) comes after 3.5 s, past the 3 s wait.
    board.stallAnswers(2, 3500, 50);
    expect(await session.execText('b=22')).toBe(answerFor('b=22'));
    expect(board.peer.sources.filter((source) => source === 'b=22')).toHaveLength(1); // It ran once.
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
