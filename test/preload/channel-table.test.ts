/**
 * The channel table and its list of areas agree: every channel's `area:` is a known
 * area (main's dispatcher and the web server check names against that list), every
 * area has channels, and each channel name has the `area:verb` shape.
 */
import { describe, expect, it } from 'vitest';
import { CHANNEL_AREAS, contract, hasKnownArea } from '../../preload/contract';

describe('the channel table', () => {
  const names = Object.keys(contract);

  it('names every channel area:verb, with a known area', () => {
    for (const name of names) expect(hasKnownArea(name), name).toBe(true);
  });

  it('lists no area without channels', () => {
    const used = new Set(names.map((name) => name.split(':')[0]));
    expect(CHANNEL_AREAS.filter((area) => !used.has(area))).toEqual([]);
  });

  it('has the replaced-files area', () => {
    expect(names.filter((name) => name.startsWith('replaced:')).sort()).toEqual(['replaced:list', 'replaced:restore']);
  });
});
