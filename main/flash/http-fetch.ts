/**
 * Fetches firmware and board pages with the failures a download meets said plainly:
 * no answer within a deadline (a server that stops answering midway included),
 * an HTTP error, a body shorter than its Content-Length.
 */
import { DownloadError } from './flash-errors';

/** A server silent this long, before or during the body, counts as not answering. */
export const IDLE_TIMEOUT_MS = 15_000;

export interface FetchOptions {
  idleTimeoutMs?: number;
  onProgress?: (done: number, total: number | null) => void;
}

export async function fetchBytes(url: string, options: FetchOptions = {}): Promise<Uint8Array> {
  const idle = options.idleTimeoutMs ?? IDLE_TIMEOUT_MS;
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(), idle);
  const poke = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), idle);
  };
  const silent = () => new DownloadError(`${new URL(url).host} stopped answering (nothing for ${Math.round(idle / 1000)} s) while fetching ${url}.`);
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    } catch (error) {
      if (controller.signal.aborted) throw silent();
      throw new DownloadError(`Could not reach ${new URL(url).host}: ${(error as Error).message}.`, undefined, { cause: error });
    }
    if (!response.ok) {
      throw new DownloadError(`${url} answered ${response.status} ${response.statusText}.`, response.status === 404 ? 'The file is gone from the server: refresh the board list and pick again.' : undefined);
    }
    const length = Number(response.headers.get('content-length')) || null;
    const chunks: Uint8Array[] = [];
    let done = 0;
    const reader = response.body?.getReader();
    if (!reader) return new Uint8Array(0);
    try {
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        poke();
        chunks.push(value);
        done += value.length;
        options.onProgress?.(done, length);
      }
    } catch (error) {
      if (controller.signal.aborted) throw silent();
      throw new DownloadError(`The download of ${url} broke off after ${done} bytes: ${(error as Error).message}.`, undefined, { cause: error });
    }
    if (length !== null && done !== length) throw new DownloadError(`The download of ${url} stopped after ${done} of ${length} bytes.`);
    const out = new Uint8Array(done);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  } finally {
    clearTimeout(timer);
  }
}

/** A text resource, or null on 404 (for optional sidecar files). */
export async function fetchOptionalText(url: string, options: FetchOptions = {}): Promise<string | null> {
  try {
    return new TextDecoder().decode(await fetchBytes(url, options));
  } catch (error) {
    if (error instanceof DownloadError && / answered 404 /.test(error.message)) return null;
    throw error;
  }
}
