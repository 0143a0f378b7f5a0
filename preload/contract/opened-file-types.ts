/** Files the system handed to the app ("Open with", a second launch), outside the project folder. */

/** A file handed to the app by the system ("Open with", a second launch), outside the project folder. */
export interface OpenedFile {
  /** Absolute real path: the only key `opened:read` and `opened:write` accept. */
  path: string;
  name: string;
}

export interface OpenedFiles {
  files: OpenedFile[];
  /** Arguments that could not be opened, each as a sentence (no such file, a folder, too large). */
  problems: string[];
}
