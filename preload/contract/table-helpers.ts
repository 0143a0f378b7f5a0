/**
 * The building blocks of the channel table: a request channel with its argument schema
 * and result type, or an event channel with its payload type.
 */
import * as v from 'valibot';

export type TupleItems = v.TupleItems;

export interface RequestSpec<A extends TupleItems, R> {
  kind: 'request';
  args: v.TupleSchema<A, undefined>;
  /** Phantom: the result type, never read at run time. */
  result?: R;
}
export interface EventSpec<P> {
  kind: 'event';
  /** Phantom: the payload type, never read at run time. */
  payload?: P;
}

/** A request channel: `args` are validated in main, the handler returns `R`. */
export function request<R>() {
  return <const A extends TupleItems>(...args: A): RequestSpec<A, R> => ({
    kind: 'request',
    args: v.tuple(args),
  });
}
/** An event channel: main pushes `P` to every subscribed renderer. */
export function event<P>(): EventSpec<P> {
  return { kind: 'event' };
}
