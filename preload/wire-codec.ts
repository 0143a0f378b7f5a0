/**
 * JSON for the web-mode socket, with byte arrays kept as bytes. Electron's IPC
 * clones `Uint8Array` natively; JSON does not, so bytes travel as base64 under a
 * marker key that no contract value uses. JSON also turns an `undefined` in an array
 * into `null`, which IPC does not: an optional argument left out in the middle
 * (`fs.write(path, bytes, undefined, consent)`) or at the end (a first write, with no
 * consent yet) would reach main as `null` and fail validation. So an array's
 * `undefined` travels under a marker too, and comes back as `undefined`.
 */

const BYTES_KEY = '$bytes';
const UNDEFINED_KEY = '$undefined';

function isUndefinedMarker(item: unknown): boolean {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return false;
  const keys = Object.keys(item);
  return keys.length === 1 && keys[0] === UNDEFINED_KEY && (item as Record<string, unknown>)[UNDEFINED_KEY] === 1;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeWire(value: unknown): string {
  // The holder's own value, not `item`: a Node Buffer's toJSON has already run by the time `item` is seen.
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, item: unknown) {
    const original = this[key];
    if (original === undefined && Array.isArray(this)) return { [UNDEFINED_KEY]: 1 };
    return original instanceof Uint8Array ? { [BYTES_KEY]: toBase64(original) } : item;
  });
}

export function decodeWire(text: string): unknown {
  // Most messages (REPL text, plot batches) carry no bytes: skip the per-value reviver.
  if (!text.includes(`"${BYTES_KEY}"`) && !text.includes(`"${UNDEFINED_KEY}"`)) return JSON.parse(text);
  return JSON.parse(text, (_key, item: unknown) => {
    // A reviver's `undefined` would delete the element (a hole): the array replaces its markers instead.
    if (Array.isArray(item)) return item.some(isUndefinedMarker) ? item.map((x: unknown) => (isUndefinedMarker(x) ? undefined : x)) : item;
    if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      const keys = Object.keys(record);
      if (keys.length === 1 && keys[0] === BYTES_KEY && typeof record[BYTES_KEY] === 'string') {
        return fromBase64(record[BYTES_KEY]);
      }
    }
    return item;
  });
}
