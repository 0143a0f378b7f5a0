import { describe, expectTypeOf, it } from 'vitest';
import type { StudioApi } from '../../preload/contract';
import type { BoardStatus, PortInfo, ReplacedFileInfo, WriteConsent, WriteOutcome } from '../../preload/contract-types';

// Compile-time guarantees of the contract: a misspelt channel or a wrong argument
// type fails `npm run typecheck`; these tests keep that property from regressing.
describe('StudioApi types', () => {
  it('maps request channels to async functions with typed arguments', () => {
    expectTypeOf<StudioApi['board']['listPorts']>().returns.resolves.toEqualTypeOf<PortInfo[]>();
    expectTypeOf<StudioApi['board']['connect']>().parameter(0).toEqualTypeOf<
      { kind: 'serial'; path: string; baudRate?: number } | { kind: 'virtual' }
    >();
    expectTypeOf<StudioApi['fs']['list']>().parameters.toEqualTypeOf<[string, boolean?]>();
    expectTypeOf<StudioApi['replaced']['list']>().returns.resolves.toEqualTypeOf<ReplacedFileInfo[]>();
    expectTypeOf<StudioApi['replaced']['restore']>().parameters.toEqualTypeOf<[string, WriteConsent?]>();
    expectTypeOf<StudioApi['replaced']['restore']>().returns.resolves.toEqualTypeOf<WriteOutcome>();
  });

  it('maps event channels to on… functions that return an unsubscribe', () => {
    expectTypeOf<StudioApi['board']['onStatusChanged']>().parameter(0).parameter(0).toEqualTypeOf<BoardStatus>();
    expectTypeOf<StudioApi['repl']['onData']>().returns.toEqualTypeOf<() => void>();
  });

  it('rejects misspelt channels and wrong argument types at compile time', () => {
    // @ts-expect-error: there is no board:lsitPorts channel
    expectTypeOf<StudioApi['board']['lsitPorts']>();
    const api = null as unknown as StudioApi;
    const call = () => {
      // @ts-expect-error: fs:list takes a string path, not a number
      void api.fs.list(42);
    };
    expectTypeOf(call).toBeFunction();
  });
});
