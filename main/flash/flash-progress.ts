/** Progress of an install, the same for the dialog and the CLI. */
export type { FlashProgress, FlashStep } from '../../preload/contract-types';
