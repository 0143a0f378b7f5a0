/**
 * The plain data types that cross the boundary between main and the renderer.
 * They carry no behaviour, so the renderer can import them without Node.
 * Each area's types live in their own file under `preload/contract/`; this file gathers them.
 */

export type * from './contract/wire-types';
export type * from './contract/app-types';
export type * from './contract/settings-types';
export type * from './contract/board-types';
export type * from './contract/board-file-types';
export type * from './contract/virtual-board-types';
export type * from './contract/editor-types';
export type * from './contract/local-sync-types';
export type * from './contract/plot-types';
export type * from './contract/replace-types';
export type * from './contract/package-types';
export type * from './contract/flash-types';
export type * from './contract/opened-file-types';
