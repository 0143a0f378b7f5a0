/**
 * Run, stop and reset, as Thonny users know them: F5 runs the current buffer on the
 * board with its output live in the REPL, a second Run stops the first and starts
 * again, Ctrl+F2 interrupts and, when the board does not answer, offers a hard reset.
 */
import { toStudioError, type StudioError } from '../../../preload/build-api';
import type { BoardState } from '../connection/board-state';
import type { EditorDoc } from '../editor/editor-tabs';
import { studio } from '../studio-api';
import { choose } from '../ui/dialogs';
import type { Notifications } from '../ui/notifications';
import { dedent, selectedSource } from './dedent';

/** How long Stop waits for the board before offering a hard reset. */
const STOP_PATIENCE_MS = 6000;
const CTRL_C = '\x03'; // KeyboardInterrupt

export interface LastRun {
  fileName: string;
  doc: EditorDoc | undefined;
}

type Listener = (running: boolean) => void;

export class RunController {
  private current: Promise<void> | undefined;
  private listeners = new Set<Listener>();
  /** What ran last, so `<stdin>` in its traceback can point back at the buffer. */
  lastRun: LastRun | undefined;

  constructor(
    private readonly board: BoardState,
    private readonly notifications: Notifications,
    /** Shows the REPL and starts a fresh line there for the program's output. */
    private readonly showRepl: () => void,
    private readonly connect: () => Promise<boolean>,
  ) {}

  get running(): boolean {
    return this.current !== undefined || this.board.status.state === 'running';
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async runDoc(doc: EditorDoc | undefined, selectionOnly = false): Promise<void> {
    if (!doc) {
      this.notifications.show({ kind: 'info', title: 'Nothing to run', body: 'Open or create a file first.' });
      return;
    }
    const state = doc.view.state;
    let source = state.doc.toString();
    if (selectionOnly) {
      const range = state.selection.main;
      source = range.empty ? dedent(state.doc.lineAt(range.head).text) : selectedSource(source, range.from, range.to);
    }
    await this.run(source, doc.location?.path ?? doc.name, doc);
  }

  async run(source: string, fileName: string, doc?: EditorDoc): Promise<void> {
    if (!this.board.connected && !(await this.connectFirst())) return;
    if (this.running) {
      // A second Run restarts, as in Thonny: stop what runs, then run the new code.
      if (!(await this.stop())) return;
      await this.current;
    }
    this.lastRun = { fileName, doc };
    this.showRepl();
    const run = (async () => {
      try {
        // Output and any traceback reach the REPL live through `repl:data`.
        await studio.board.run({ source, fileName });
      } catch (error) {
        const e = toStudioError(error);
        if (e.code !== 'cancelled') this.notifications.error('Running the program', e);
      }
    })();
    this.current = run;
    this.emit();
    try {
      await run;
    } finally {
      if (this.current === run) this.current = undefined;
      this.emit();
    }
  }

  /**
   * Interrupts the running program. When nothing was started from here (a loop typed
   * at the REPL), Ctrl-C goes to the REPL instead. Resolves false when it could not be
   * stopped and the user chose not to reset.
   */
  async stop(): Promise<boolean> {
    if (!this.board.connected) return true;
    if (!this.running) {
      await studio.repl.write(CTRL_C).catch(() => undefined);
      return true;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const patience = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), STOP_PATIENCE_MS);
    });
    const stopping = (async () => {
      await studio.board.stop();
      // The engine gives up after a few Ctrl-Cs; the program only counts as stopped once its run ends.
      if (this.current) await this.current;
      else if ((await studio.board.status()).state === 'running') return 'timeout' as const;
      return 'stopped' as const;
    })();
    let outcome: 'stopped' | 'timeout' | unknown;
    try {
      outcome = await Promise.race([stopping, patience]);
    } catch (error) {
      outcome = error;
    } finally {
      clearTimeout(timer);
    }
    if (outcome === 'stopped') return true;
    const e = outcome === 'timeout' ? undefined : toStudioError(outcome);
    if (e && e.code !== 'timeout' && e.code !== 'busy') {
      this.notifications.error('Stopping the program', e);
      return false;
    }
    // A loaded machine can take longer than the patience to finish a stop that worked:
    // a board no longer running is not asked about.
    const status = await studio.board.status().catch(() => null);
    if (status && status.state !== 'running') return true;
    // Nor is one whose program ends while the question is up: the dialog goes by itself.
    const ended = new AbortController();
    void stopping.then(
      (result) => result === 'stopped' && ended.abort(),
      () => undefined,
    );
    const answer = await choose(
      'The board does not answer',
      'The program did not stop after Ctrl-C. A hard reset restarts the board (files on it are kept).',
      [
        { value: 'reset', label: 'Hard reset', primary: true },
        { value: 'wait', label: 'Keep waiting' },
      ],
      { signal: ended.signal },
    );
    if (ended.signal.aborted) return true;
    if (answer !== 'reset') return false;
    return this.hardReset();
  }

  async softReset(): Promise<boolean> {
    return this.attempt('Soft reset', () => studio.board.softReset());
  }

  async hardReset(): Promise<boolean> {
    return this.attempt('Hard reset', () => studio.board.hardReset(), (e) => {
      if (e.code !== 'needs-reset-button') return false;
      // Not a failure of the app: the one thing left is the user's, so it is asked for plainly.
      this.notifications.show({ kind: 'warning', title: 'Press the board’s reset button', body: `${e.message} The app carries on when the board restarts.`, timeoutMs: 30_000 });
      return true;
    });
  }

  /** Runs `action`, saying why it failed unless `explain` already did (returned true). */
  private async attempt(doing: string, action: () => Promise<void>, explain?: (error: StudioError) => boolean): Promise<boolean> {
    if (!this.board.connected) {
      this.notifications.show({ kind: 'info', title: `${doing}: no board is connected` });
      return false;
    }
    try {
      await action();
      return true;
    } catch (error) {
      if (!explain?.(toStudioError(error))) this.notifications.error(doing, error);
      return false;
    }
  }

  private async connectFirst(): Promise<boolean> {
    const answer = await choose('No board connected', 'Connect to the board selected in the toolbar and run?', [
      { value: 'connect', label: 'Connect and run', primary: true },
      { value: 'cancel', label: 'Cancel' },
    ]);
    return answer === 'connect' && (await this.connect());
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.running);
  }
}
