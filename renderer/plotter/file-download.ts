/**
 * Hands a Blob to the user as a file download: a browser saves it to the
 * downloads folder, Electron asks where (its default for `will-download`).
 */

/** `plot-2026-11-25-013012.csv`: sortable, and no characters any file system refuses. */
export function exportFileName(extension: string, when = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
  const time = `${pad(when.getHours())}${pad(when.getMinutes())}${pad(when.getSeconds())}`;
  return `plot-${date}-${time}.${extension}`;
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL can go after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
