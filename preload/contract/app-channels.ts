/** The `app:*` channels: about the app itself, its links out, menu commands and the examples it ships. */
import * as v from 'valibot';
import type { AppInfo, ExampleInfo, MenuCommand } from './app-types';
import { event, request } from './table-helpers';

/** An example's file name (`blink.py`): one plain name, never a path, so nothing outside the examples can be named. */
export const exampleNameSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_][A-Za-z0-9_-]{0,63}\.py$/, 'an example is named like blink.py'));

export const appChannels = {
  // app: about the app itself
  'app:info': request<AppInfo>()(),
  'app:openExternal': request<void>()(v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//i))),
  'app:menuCommand': event<MenuCommand>(),
  /** The example programs that ship with the app (File → Examples). */
  'app:examples': request<ExampleInfo[]>()(),
  /** One example's text, for a new untitled tab: the renderer never gets a path to write back to. */
  'app:example': request<string>()(exampleNameSchema),
  /** The desktop menu's File → Examples chose an example: the page opens a copy of it. */
  'app:openExample': event<string>(),
} as const;
