/**
 * Builds the renderer's `StudioApi` object from the contract table over any link
 * that can invoke a channel and subscribe to one. The Electron preload and the
 * web-mode bridge both use it, so the renderer cannot tell them apart.
 */
import { contract, type Channel, type StudioApi } from './contract';
import type { ReplaceConflict, WireError, WireResult } from './contract-types';

export interface ApiLink {
  invoke(channel: string, args: unknown[]): Promise<WireResult<unknown>>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/** The error a renderer sees when a request fails: the wire error, as an `Error`. */
export class StudioError extends Error implements WireError {
  readonly code: WireError['code'];
  readonly hint?: string;
  readonly detail?: string;
  readonly errno?: number;
  readonly conflict?: ReplaceConflict;
  constructor(error: WireError) {
    super(error.message);
    this.name = 'StudioError';
    this.code = error.code;
    if (error.hint !== undefined) this.hint = error.hint;
    if (error.detail !== undefined) this.detail = error.detail;
    if (error.errno !== undefined) this.errno = error.errno;
    if (error.conflict !== undefined) this.conflict = error.conflict;
  }
}

/** Errors thrown across contextBridge lose their class; this recovers the wire fields. */
export function toStudioError(error: unknown): StudioError {
  if (error instanceof StudioError) return error;
  const e = error as Partial<WireError> | undefined;
  if (e && typeof e.code === 'string' && typeof e.message === 'string') return new StudioError(e as WireError);
  return new StudioError({ code: 'internal', message: error instanceof Error ? error.message : String(error) });
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function buildApi(link: ApiLink): StudioApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of Object.keys(contract) as Channel[]) {
    const [area, verb] = channel.split(':') as [string, string];
    const group = (api[area] ??= {});
    if (contract[channel].kind === 'request') {
      group[verb] = async (...args: unknown[]) => {
        const result = await link.invoke(channel, args);
        if (result.ok) return result.value;
        throw new StudioError(result.error);
      };
    } else {
      group[`on${capitalize(verb)}`] = (listener: (payload: unknown) => void) => {
        if (typeof listener !== 'function') throw new TypeError(`${channel}: listener must be a function`);
        return link.subscribe(channel, listener);
      };
    }
  }
  return api as StudioApi;
}
