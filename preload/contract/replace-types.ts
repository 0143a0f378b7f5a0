/** Replacing files: the user's consent for a write over an existing file, and the conflict shown to ask for it. */

/**
 * What the user agreed to when a write may land on an existing file (see
 * main/consent/replace-rule.ts). Without it, a write over a file whose content differs
 * fails with a `conflict` error that names both sides, so the UI can ask.
 */
export interface WriteConsent {
  /** Replace the file only while its content still has this SHA-256 (what the user was shown, or what the editor opened). */
  replaces?: string;
  /** Write beside it under a free name (`hello (2).py`) instead of replacing it. */
  keepBoth?: boolean;
}

/**
 * One side of a replacement: a file on the board, in the local folder, one the system
 * opened in the app (`file`), an editor's buffer, the mirror's copy, a dropped file, or
 * the copy the app kept when it replaced a local file (`replaced`, being restored).
 */
export interface ReplaceSide {
  side: 'board' | 'local' | 'file' | 'editor' | 'mirror' | 'computer' | 'replaced';
  path: string;
  size: number;
  /** Milliseconds since 1970; absent where the side keeps no date (board flash). */
  modifiedAt?: number;
  /** For a `replaced` copy: when the app replaced it (its own date is when it was kept). */
  replacedAt?: number;
}

export interface ReplaceConflict {
  /** The existing file the write would replace. */
  target: ReplaceSide & { side: 'board' | 'local' | 'file'; sha256: string };
  /** What would replace it. */
  incoming: ReplaceSide;
}

/** The user's answers for a transfer of many files, by target path (board path, or local relative path). */
export type ReplaceDecisions = Record<string, WriteConsent>;

/** Where a write went: `path` differs from the one asked for when the user chose "Keep both". */
export interface WriteOutcome {
  path: string;
  /** True when the target already had exactly these bytes, so nothing was written. */
  unchanged: boolean;
}

/**
 * A local file the app replaced, kept in the user-data folder's `replaced-files/` so
 * it can be restored (`replaced:restore`).
 */
export interface ReplacedFileInfo {
  /** Names the kept copy: its folder under `replaced-files/`. */
  id: string;
  /** The project folder it was replaced in (absolute), and its path inside it. */
  folder: string;
  path: string;
  /** Milliseconds since 1970. */
  replacedAt: number;
  /** Bytes kept. */
  size: number;
}
