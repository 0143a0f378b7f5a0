/**
 * Handlers for `opened:*`: files the system opened in the app. Reads and writes reach
 * only the paths OpenedFiles admitted; writes go through the replace rule, so a file
 * changed on disk since the tab read it is never overwritten without asking.
 */
import type { Handlers } from '../../preload/contract';
import type { ReplacedFiles } from '../consent/replaced-files';
import { writeWithConsent } from '../consent/replace-rule';
import type { OpenedFiles } from '../opened/opened-files';

export function openedHandlers(opened: OpenedFiles, replaced: ReplacedFiles): Pick<Handlers, 'opened:take' | 'opened:read' | 'opened:write'> {
  const target = opened.replaceTarget(replaced);
  return {
    'opened:take': async () => opened.take(),
    'opened:read': (path) => opened.read(path),
    'opened:write': (path, bytes, consent) => writeWithConsent(target, path, bytes, { side: 'editor', path }, consent),
  };
}
