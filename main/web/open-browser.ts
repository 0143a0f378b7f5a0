/** Opens a URL in the system browser, if this machine has one; reports whether it tried. */
import { spawn } from 'node:child_process';

export function openInSystemBrowser(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {
      // No browser here (a headless server): the printed URL is the way in.
    });
    child.unref();
    return true;
  } catch {
    return false;
  }
}
