/**
 * The REPL panel: an xterm.js terminal wired to the board's friendly REPL.
 * Keystrokes go to the board as they are typed (so Ctrl-C, Ctrl-D, Tab completion
 * and paste mode are the board's own); output arrives through `repl:data` and is
 * written in batches. Copy with a selection, paste of several lines, clear.
 */
import { FitAddon } from '@xterm/addon-fit';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { Terminal, type ITheme } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { toStudioError } from '../../../preload/build-api';
import { studio } from '../studio-api';
import { h } from '../ui/dom';
import { OfflineNotice } from './offline-notice';
import { OutputBatcher } from './output-batcher';
import { registerTracebackLinks, type TracebackTarget } from './traceback-links';

const CTRL_C = '\x03'; // KeyboardInterrupt, or copy when text is selected
const SCROLLBACK_LINES = 10_000;
/** A board that refuses keys says so in the terminal at most this often, not once per key. */
const KEY_ERROR_NOTE_MS = 2000;

export interface ReplTerminalOptions {
  fontSize: number;
  /** True when the board sits at the `>>>` prompt, where paste mode applies. */
  atPrompt(): boolean;
  openTraceback(target: TracebackTarget): void;
  openUrl(url: string): void;
  /** Connects to the board picked in the toolbar (the offline notice's action). */
  connect(): void;
}

export class ReplTerminal {
  readonly element = h('div', { class: 'repl-host', 'data-testid': 'repl' });
  private readonly terminal: Terminal;
  private readonly fit = new FitAddon();
  private readonly output: OutputBatcher;
  private readonly offline: OfflineNotice;
  private lastKeyErrorNote = 0;

  constructor(private readonly options: ReplTerminalOptions) {
    this.terminal = new Terminal({
      fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--font-code').trim() || 'monospace',
      fontSize: options.fontSize,
      // At 1.0 the row below paints over the bottom pixel row of this one: `before_reset` read as `before reset`.
      lineHeight: 1.15,
      scrollback: SCROLLBACK_LINES,
      cursorBlink: true,
      convertEol: false,
      allowProposedApi: false,
    });
    this.terminal.loadAddon(this.fit);
    this.terminal.loadAddon(new WebLinksAddon((_event, uri) => options.openUrl(uri)));
    registerTracebackLinks(this.terminal, options.openTraceback);
    this.output = new OutputBatcher(this.terminal);
    this.offline = new OfflineNotice(() => options.connect());
    this.element.append(this.offline.element);
    this.terminal.onData((data) => this.send(data));
    this.terminal.attachCustomKeyEventHandler((event) => this.handleKey(event));
    this.replayRecent();
  }

  /**
   * Shows what the board printed before this page started (a reload, a second tab), then
   * the live stream. Events and the answer travel in order on one link, so chunks that
   * arrive before the answer are already part of it and are dropped.
   */
  private replayRecent(): void {
    let replayed = false;
    studio.repl.onData((chunk) => {
      if (replayed) this.output.push(chunk);
    });
    studio.repl
      .recent()
      .then((text) => this.output.push(text))
      .catch(() => undefined)
      .finally(() => (replayed = true));
  }

  /** Attaches to the page; call once the element is in the document. */
  mount(): void {
    this.terminal.open(this.element);
    this.element.addEventListener('paste', (event) => this.paste(event), { capture: true });
    this.resize();
    // The window's resize event misses most size changes of the panel (a splitter, the
    // panel shown again, the first layout), so the terminal watches its own element.
    new ResizeObserver(() => this.resize()).observe(this.element);
    // A code font that loads late changes the cell size; fit again once fonts are ready.
    void document.fonts.ready.then(() => requestAnimationFrame(() => this.resize()));
  }

  resize(): void {
    if (this.element.offsetParent !== null) this.fit.fit();
  }

  focus(): void {
    this.terminal.focus();
  }

  clear(): void {
    this.terminal.clear();
  }

  setFontSize(size: number): void {
    this.terminal.options.fontSize = size;
    this.resize();
  }

  setTheme(theme: ITheme): void {
    this.terminal.options.theme = theme;
  }

  copySelection(): boolean {
    const text = this.terminal.getSelection();
    if (!text) return false;
    void navigator.clipboard?.writeText(text).catch(() => undefined);
    return true;
  }

  /**
   * Everything in the terminal's buffer as plain text, one line per line the board
   * printed: a line wrapped over several rows (a narrow panel) comes back whole.
   * With `rows`, one line per row as drawn.
   */
  text(options: { rows?: boolean } = {}): string {
    const buffer = this.terminal.buffer.active;
    const lines: string[] = [];
    let line: Array<{ full: string; trimmed: string }> = [];
    const endLine = () => {
      // Empty rows a wrap left at the end are not part of the line.
      while (line.length > 1 && line[line.length - 1]!.trimmed === '') line.pop();
      // Rows a line continues from keep their trailing spaces; its last row's are padding.
      if (line.length > 0) lines.push(line.slice(0, -1).map((row) => row.full).join('') + line[line.length - 1]!.trimmed);
      line = [];
    };
    for (let i = 0; i < buffer.length; i++) {
      const row = buffer.getLine(i);
      if (!row?.isWrapped || options.rows) endLine();
      line.push({ full: row?.translateToString(false) ?? '', trimmed: row?.translateToString(true) ?? '' });
    }
    endLine();
    return lines.join('\n').replace(/\n+$/, '');
  }

  /** True while board output is still on its way to the screen. */
  get writing(): boolean {
    return this.output.busy;
  }

  /** Starts a fresh line on screen (not on the board), so a run's output doesn't follow the `>>> ` prompt. */
  startLine(): void {
    this.output.push('\r\n', () => this.terminal.buffer.active.cursorX > 0);
  }

  /** Writes text to the screen only (not to the board): notes from the app. */
  note(text: string): void {
    this.output.push(`\r\n\x1b[2m${text}\x1b[0m\r\n`);
  }

  send(data: string): void {
    studio.repl.write(data).catch((error: unknown) => {
      const failure = toStudioError(error);
      // No board: the bar over the terminal offers to connect. A connected board that did not
      // take the keys (it stopped answering) says why, rather than claiming nothing is connected.
      if (failure.code === 'not-connected' || failure.code === 'disconnected') return this.offline.show();
      if (Date.now() - this.lastKeyErrorNote < KEY_ERROR_NOTE_MS) return;
      this.lastKeyErrorNote = Date.now();
      this.note(`What you typed did not reach the board: ${failure.message}`);
    });
  }

  /** Follows the board's connection: a connected board makes the offline notice go. */
  setConnected(connected: boolean): void {
    if (connected) this.offline.hide();
  }

  private handleKey(event: KeyboardEvent): boolean {
    if (event.type !== 'keydown') return true;
    const ctrl = event.ctrlKey || event.metaKey;
    // Ctrl+C with a selection copies, as in other terminals; without one it interrupts.
    if (ctrl && !event.altKey && event.key.toLowerCase() === 'c' && (event.shiftKey || this.terminal.hasSelection())) {
      this.copySelection();
      return false;
    }
    return true;
  }

  private paste(event: ClipboardEvent): void {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!/[\r\n]/.test(text)) return; // xterm pastes one line as typing
    event.preventDefault();
    event.stopPropagation();
    this.pasteLines(text);
  }

  /**
   * Sends several lines to the board as one block. Main runs them through the board's paste
   * mode (indentation kept), clearing a half-typed line first, and only ends paste mode once
   * the board has shown it: a Ctrl-D sent blindly would soft-reset the board.
   */
  pasteLines(text: string): void {
    studio.repl.paste(text).catch((error: unknown) => {
      this.note(`The paste did not reach the board: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  interrupt(): void {
    this.send(CTRL_C);
  }
}

/** The terminal's colours from the app's CSS variables, so it follows the theme. */
export function terminalTheme(): ITheme {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    background: v('--bg'),
    foreground: v('--fg'),
    cursor: v('--fg'),
    cursorAccent: v('--bg'),
    selectionBackground: v('--selection'),
  };
}
