/** The board's file system: what it can do, its entries and space, and transfer progress. */

export interface FsCapabilities {
  /** False on flat file systems such as the micro:bit's. */
  folders: boolean;
  rename: boolean;
  statvfs: boolean;
  hashlib: boolean;
  binascii: boolean;
  stdinBuffer: boolean;
  /** Free heap in bytes at probe time, when the board reports it. */
  freeMemory?: number;
}

export interface FsEntry {
  /** Absolute board path, `/`-separated. */
  path: string;
  name: string;
  type: 'file' | 'dir';
  size: number;
}

export interface FsSpace {
  total: number;
  free: number;
}

export interface TransferProgress {
  transferId: string;
  path: string;
  direction: 'upload' | 'download';
  bytesDone: number;
  bytesTotal: number;
  bytesPerSecond: number;
}
