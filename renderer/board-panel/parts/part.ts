/** What every part in the drawing does: it draws itself once and follows the board's state. */
import type { StudioApi } from '../../../preload/contract';
import type { VirtualBoardState } from '../../../preload/contract-types';

export interface BoardPart {
  readonly element: SVGGElement;
  update(state: VirtualBoardState): void;
}

/** The contract calls the parts make: the panel's input to the board. */
export type VirtualApi = StudioApi['virtual'];
