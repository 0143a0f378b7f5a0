/**
 * Types derived from the channel table: channel names, each channel's arguments, result
 * and payload, main's handler table and the API object the renderer sees.
 */
import type * as v from 'valibot';
import type { contract } from './channel-table';
import type { EventSpec, RequestSpec, TupleItems } from './table-helpers';

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestChannel = {
  [C in Channel]: Contract[C] extends { kind: 'request' } ? C : never;
}[Channel];
export type EventChannel = {
  [C in Channel]: Contract[C] extends { kind: 'event' } ? C : never;
}[Channel];

/** The argument tuple a request channel takes, after validation. */
export type ArgsOf<C extends RequestChannel> = Contract[C] extends RequestSpec<infer A, unknown>
  ? v.InferOutput<v.TupleSchema<A, undefined>>
  : never;
/** Trailing elements that accept `undefined` become optional: `[string, boolean | undefined]` → `[string, boolean?]`. */
type OptionalTail<T extends readonly unknown[]> = T extends readonly [...infer Head, infer Last]
  ? undefined extends Last
    ? [...OptionalTail<Head>, Exclude<Last, undefined>?]
    : T
  : T;
/** The argument tuple a caller passes (optional arguments may be left out). */
export type InputArgsOf<C extends RequestChannel> = Contract[C] extends RequestSpec<infer A, unknown>
  ? OptionalTail<v.InferInput<v.TupleSchema<A, undefined>>>
  : never;
export type ResultOf<C extends RequestChannel> = Contract[C] extends RequestSpec<TupleItems, infer R> ? R : never;
export type PayloadOf<C extends EventChannel> = Contract[C] extends EventSpec<infer P> ? P : never;

/** Main's side: one handler per request channel. */
export type Handlers = {
  [C in RequestChannel]: (...args: ArgsOf<C>) => Promise<ResultOf<C>>;
};

type AreaOf<C extends string> = C extends `${infer A}:${string}` ? A : never;
type VerbOf<C extends string> = C extends `${string}:${infer V}` ? V : never;
type OnName<C extends string> = `on${Capitalize<VerbOf<C>>}`;

/** The API object the renderer sees as `window.studio`, in Electron and in web mode alike. */
export type StudioApi = {
  [A in AreaOf<Channel>]: {
    [C in RequestChannel as AreaOf<C> extends A ? VerbOf<C> : never]: (
      ...args: InputArgsOf<C>
    ) => Promise<ResultOf<C>>;
  } & {
    [C in EventChannel as AreaOf<C> extends A ? OnName<C> : never]: (
      listener: (payload: PayloadOf<C>) => void,
    ) => () => void;
  };
};
