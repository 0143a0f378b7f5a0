/** The `virtual:*` channels: the simulated hardware of the virtual board and how its parts are wired. */
import * as v from 'valibot';
import type { VirtualBoardState } from './virtual-board-types';
import { event, request } from './table-helpers';

/** A Pico GPIO a part of the virtual board may be wired to (GP0..GP22). */
const wiredPinSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(22));

export const virtualBoardChannels = {
  // virtual: the simulated hardware of the virtual board
  'virtual:state': request<VirtualBoardState>()(),
  'virtual:setPin': request<void>()(
    v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(63)),
    // null lets the pin go (a button released): it reads its pull again.
    v.nullable(v.picklist([0, 1])),
  ),
  'virtual:setPotentiometer': request<void>()(
    v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535)),
  ),
  // light 0..65535, temperature °C, humidity %; null: back to the simulated signal
  'virtual:setSensor': request<void>()(
    v.picklist(['light', 'temperature', 'humidity']),
    v.nullable(v.pipe(v.number(), v.minValue(-40), v.maxValue(65535))),
  ),
  'virtual:setWiring': request<void>()(
    v.strictObject({ button: wiredPinSchema, servo: wiredPinSchema, neopixel: wiredPinSchema }),
  ),
  'virtual:stateChanged': event<VirtualBoardState>(),
} as const;
