/**
 * Puts text on the system clipboard. The asynchronous Clipboard API first; where it is
 * refused (the desktop app denies web permissions, see main/electron/security.ts), a
 * copy command on a hidden text field, which a click's user gesture allows.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.className = 'offscreen-copy';
    document.body.append(field);
    field.select();
    const copied = document.execCommand('copy');
    field.remove();
    return copied;
  }
}
