/** Run-time checks of channel names and of a request's arguments against its channel's schema. */
import * as v from 'valibot';
import type { ArgsOf, Channel, EventChannel, RequestChannel } from './derived-types';
import { CHANNEL_AREAS, contract } from './channel-table';
import type { RequestSpec, TupleItems } from './table-helpers';

export function isChannelName(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
export function isRequestChannel(name: unknown): name is RequestChannel {
  return isChannelName(name) && contract[name].kind === 'request';
}
export function isEventChannel(name: unknown): name is EventChannel {
  return isChannelName(name) && contract[name].kind === 'event';
}
/** True when a name has the shape `area:verb` with a known area. */
export function hasKnownArea(name: unknown): boolean {
  if (typeof name !== 'string') return false;
  const area = name.split(':', 1)[0];
  return (CHANNEL_AREAS as readonly string[]).includes(area ?? '') && /^[a-z]+:[A-Za-z]+$/.test(name);
}

export type ParsedArgs<C extends RequestChannel> =
  | { ok: true; args: ArgsOf<C> }
  | { ok: false; message: string };

/** Validates a request's arguments against its channel's schema. */
export function parseArgs<C extends RequestChannel>(channel: C, args: unknown): ParsedArgs<C> {
  const spec = contract[channel] as RequestSpec<TupleItems, unknown>;
  const result = v.safeParse(spec.args, args);
  if (result.success) return { ok: true, args: result.output as ArgsOf<C> };
  const issue = result.issues[0];
  const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, message: `invalid argument${where ? ` ${where}` : ''} for ${channel}: ${issue.message}` };
}
