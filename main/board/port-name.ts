/**
 * What a port string means, for the CLI's `--port` and the app's "Other port…" alike:
 * a device path as typed (`/dev/pts/5`, `/dev/ttyS0`, `COM7`), or mpremote's short
 * names (`a0` = /dev/ttyACM0, `u1` = /dev/ttyUSB1, `c3` = COM3), so a command line
 * copied from one works in the other.
 */

const SHORT_NAMES: Record<string, string> = { a: '/dev/ttyACM', u: '/dev/ttyUSB', c: 'COM' };

/** The device path a typed port string names; throws a plain-words error for an empty one. */
export function resolvePortName(typed: string): string {
  const text = typed.trim();
  if (!text) throw new Error('A port name is empty: type a device path such as /dev/ttyACM0 or COM3.');
  const short = /^([auc])(\d{1,3})$/i.exec(text);
  if (short) return `${SHORT_NAMES[short[1]!.toLowerCase()]}${short[2]}`;
  return text;
}
