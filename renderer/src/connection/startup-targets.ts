/**
 * Which board the app opens at start. The app should never open empty: the last board
 * the user picked when it is there, else the one MicroPython board plugged in on a first
 * start, else the virtual board. Kept pure so the rules are tested without a window.
 */
import type { ConnectTarget, PortInfo, Settings } from '../../../preload/contract-types';

const VIRTUAL: ConnectTarget = { kind: 'virtual' };

/**
 * The targets to try, best first; the first that connects wins. Empty when the user
 * turned connecting at start off. The virtual board is always last, as it needs nothing
 * plugged in and cannot be missing.
 */
export function startupTargets(settings: Pick<Settings, 'autoConnect' | 'lastTarget' | 'baudRate'>, ports: readonly PortInfo[]): ConnectTarget[] {
  if (!settings.autoConnect) return [];
  const last = settings.lastTarget;
  // The user chose the virtual board last time: a board plugged in since must not win over that choice.
  if (last?.kind === 'virtual') return [VIRTUAL];
  // A port the list cannot show (a pty, an rfcomm link) may still open, so the last one is tried even when unlisted.
  if (last?.kind === 'serial') return [last, VIRTUAL];
  const boards = ports.filter((port) => port.likelyMicroPython);
  // With two boards plugged in, guessing could interrupt the wrong one; the user picks.
  const only = boards.length === 1 ? boards[0] : undefined;
  if (only) return [{ kind: 'serial', path: only.path, baudRate: settings.baudRate }, VIRTUAL];
  return [VIRTUAL];
}
