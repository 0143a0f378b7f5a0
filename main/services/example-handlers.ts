/** Handlers for `app:examples` and `app:example`: the example programs, read from the folder the app ships them in. */
import type { Handlers } from '../../preload/contract';
import { listExamples, readExample } from '../examples/example-folder';
import type { ServiceContext } from './service-context';
import { UserFacingError } from './user-facing-error';

export function exampleHandlers(ctx: ServiceContext): Pick<Handlers, 'app:examples' | 'app:example'> {
  return {
    'app:examples': async () => (ctx.examplesDir ? listExamples(ctx.examplesDir) : []),
    'app:example': async (name) => {
      if (!ctx.examplesDir) throw new UserFacingError('not-found', 'This copy of the app has no examples.');
      return readExample(ctx.examplesDir, name);
    },
  };
}
