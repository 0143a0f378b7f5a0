/** Installs a checked firmware file through a bootloader drive: check, copy, verify. */
import { DETAILS_TXT, INFO_UF2 } from './boot-drives';
import { copyToDrive, type DriveCopyResult } from './drive-copy';
import type { BootDrive } from './drive-info';
import { checkFirmwareForDrive } from './firmware-check';
import type { FlashProgress } from './flash-progress';

export async function installToDrive(
  drive: BootDrive,
  fileName: string,
  bytes: Uint8Array,
  progress: (p: FlashProgress) => void = () => undefined,
): Promise<DriveCopyResult> {
  progress({ step: 'verify', message: `Checking ${fileName} for ${drive.label}` });
  checkFirmwareForDrive(drive, fileName, bytes);
  progress({ step: 'write', message: `Copying to ${drive.label}`, done: 0, total: bytes.length });
  const result = await copyToDrive(drive.path, fileName.replace(/[^A-Za-z0-9._-]/g, '_'), bytes, {
    markerFile: drive.fileType === 'uf2' ? INFO_UF2 : DETAILS_TXT,
    onProgress: (done, total) => progress({ step: 'write', message: `Copying to ${drive.label}`, done, total }),
  });
  progress({
    step: 'verify',
    message: result.verified === 'read-back' ? 'Read back from the drive: every byte matches' : 'The board took the whole file and restarted before it could be read back',
  });
  progress({ step: 'reset', message: 'The board restarts by itself with the new firmware' });
  return result;
}
