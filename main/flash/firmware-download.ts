/**
 * Downloads a release and checks it before it goes anywhere: the whole body arrived,
 * the SHA-256 matches when the server publishes one next to the file
 * (`FILE.sha256`), and the file is a well-formed firmware of its type.
 */
import { createHash } from 'node:crypto';
import type { FirmwareBoard, FirmwareRelease } from '../../preload/contract-types';
import { checkFirmwareFile } from './firmware-check';
import { DownloadError } from './flash-errors';
import type { FlashProgress } from './flash-progress';
import { fetchBytes, fetchOptionalText } from './http-fetch';

export interface DownloadedFirmware {
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  /** True when a published checksum was compared; false when the server has none. */
  checksumCompared: boolean;
}

export async function downloadFirmware(
  board: FirmwareBoard,
  release: FirmwareRelease,
  progress: (p: FlashProgress) => void = () => undefined,
  options: { idleTimeoutMs?: number } = {},
): Promise<DownloadedFirmware> {
  const fileName = decodeURIComponent(new URL(release.url).pathname.split('/').pop() ?? `${board.id}.${board.fileType}`);
  progress({ step: 'download', message: `Downloading ${fileName}`, done: 0 });
  const bytes = await fetchBytes(release.url, {
    ...options,
    onProgress: (done, total) => progress({ step: 'download', message: `Downloading ${fileName}`, done, ...(total !== null && { total }) }),
  });
  progress({ step: 'download', message: `Downloaded ${fileName} (${Math.round(bytes.length / 1024)} KiB)`, done: bytes.length, total: bytes.length });
  progress({ step: 'verify', message: `Checking ${fileName}` });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const published = await fetchOptionalText(`${release.url}.sha256`, options);
  const expected = published?.trim().split(/\s+/)[0]?.toLowerCase();
  if (expected && expected !== sha256) {
    throw new DownloadError(
      `The downloaded ${fileName} does not match its published checksum (SHA-256 ${sha256.slice(0, 12)}…, expected ${expected.slice(0, 12)}…).`,
      'The file was damaged on the way. Try again; if it keeps happening, download it in a browser and use "Use a local file…".',
    );
  }
  checkFirmwareFile(board.fileType, bytes);
  return { fileName, bytes, sha256, checksumCompared: Boolean(expected) };
}
