/**
 * The single entry for requests from any renderer, Electron's or a browser's: checks
 * the channel against the contract, validates the arguments with its schema, runs the
 * handler and wraps the outcome as a `WireResult`. Nothing unvalidated reaches a handler.
 */
import { hasKnownArea, isRequestChannel, parseArgs, type Handlers } from '../../preload/contract';
import type { WireResult } from '../../preload/contract-types';
import { describeError } from './describe-error';

export type Dispatch = (channel: unknown, args: unknown) => Promise<WireResult<unknown>>;

export function createDispatch(handlers: Handlers): Dispatch {
  return async (channel, args) => {
    if (!isRequestChannel(channel)) {
      const name = typeof channel === 'string' ? channel.slice(0, 80) : typeof channel;
      const why = hasKnownArea(channel) ? 'is not a request channel' : 'is not a channel';
      return { ok: false, error: { code: 'unknown-channel', message: `"${name}" ${why}.` } };
    }
    const parsed = parseArgs(channel, Array.isArray(args) ? args : [args]);
    if (!parsed.ok) return { ok: false, error: { code: 'invalid-argument', message: parsed.message } };
    try {
      const handler = handlers[channel] as (...a: unknown[]) => Promise<unknown>;
      const value = await handler(...(parsed.args as unknown[]));
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: describeError(error) };
    }
  };
}

