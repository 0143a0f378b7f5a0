/** Editor support: syntax diagnostics and backups of unsaved buffers. */

export interface Diagnostic {
  /** 1-based line. */
  line: number;
  /** 0-based column, when the parser reports one. */
  column?: number;
  message: string;
}

export interface BufferBackup {
  /** The tab's stable id. */
  id: string;
  /** Where the buffer belongs: `board:/main.py`, `local:/home/a/x.py` or `untitled:3`. */
  uri: string;
  content: string;
  savedAt: number;
}
