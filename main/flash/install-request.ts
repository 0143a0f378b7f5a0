/** What to install and where: `flash:install`'s argument, shared by the app and the CLI. */
import type * as v from 'valibot';
import type { installRequestSchema } from '../../preload/contract';

export type InstallRequest = v.InferOutput<typeof installRequestSchema>;
