/**
 * The preload, run against FAKE Electron modules (the real ones need the Electron
 * binary): it exposes exactly the contract's channels, as functions, and never
 * ipcRenderer itself.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { contract, type Channel } from '../../preload/contract';
import { createFakeElectron, type FakeElectron } from '../support/fake-electron';

const fake: FakeElectron = createFakeElectron();
vi.mock('electron', () => fake.module);

type ApiObject = Record<string, Record<string, (...args: unknown[]) => unknown>>;
let api: ApiObject;

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
function memberName(channel: Channel): [string, string] {
  const [area, verb] = channel.split(':') as [string, string];
  return [area, contract[channel].kind === 'request' ? verb : `on${capitalize(verb)}`];
}

beforeAll(async () => {
  await import('../../preload/index');
  api = fake.exposed.get('studio') as ApiObject;
});

describe('preload', () => {
  it('exposes one object, window.studio, and nothing else', () => {
    expect([...fake.exposed.keys()]).toEqual(['studio']);
  });

  it('exposes every contract channel and nothing else', () => {
    const expected = (Object.keys(contract) as Channel[]).map((c) => memberName(c).join('.')).sort();
    const actual = Object.entries(api)
      .flatMap(([area, members]) => Object.keys(members).map((m) => `${area}.${m}`))
      .sort();
    expect(actual).toEqual(expected);
    for (const [area, members] of Object.entries(api)) {
      for (const [name, member] of Object.entries(members)) {
        expect(typeof member, `${area}.${name}`).toBe('function');
      }
    }
  });

  it('does not leak ipcRenderer or any Electron object', () => {
    const text = JSON.stringify(api, (_k, value: unknown) => (typeof value === 'function' ? 'fn' : value));
    expect(text).not.toContain('ipcRenderer');
    for (const members of Object.values(api)) {
      for (const member of Object.values(members)) expect(member).not.toBe(fake.module.ipcRenderer);
    }
  });

  it('sends each request on its own channel with its arguments', async () => {
    for (const channel of Object.keys(contract) as Channel[]) {
      if (contract[channel].kind !== 'request') continue;
      const [area, name] = memberName(channel);
      const answer = await api[area]![name]!('x', 1);
      expect(answer).toBe(`answer from ${channel}`);
      expect(fake.invoked.at(-1)).toEqual({ channel, args: ['x', 1] });
    }
  });

  it('gives event listeners the payload only, and an unsubscribe that works', () => {
    const seen: unknown[] = [];
    const unsubscribe = api.repl!.onData!((payload: unknown) => seen.push(payload)) as () => void;
    const [forward] = fake.rendererListeners.get('repl:data') ?? [];
    forward?.({ sender: 'secret IPC event' }, 'hello');
    expect(seen).toEqual(['hello']);
    unsubscribe();
    expect(fake.rendererListeners.get('repl:data')?.size).toBe(0);
  });
});
