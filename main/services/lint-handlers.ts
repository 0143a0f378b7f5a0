/** Handler for `lint:check`: syntax errors from the embedded MicroPython's own compiler. */
import type { Handlers } from '../../preload/contract';
import { SyntaxChecker } from '../../runtime/lint/syntax-checker';
import type { ServiceContext } from './service-context';

export function createSyntaxChecker(ctx: Pick<ServiceContext, 'onDispose'>): SyntaxChecker {
  const checker = new SyntaxChecker();
  ctx.onDispose(() => checker.close());
  return checker;
}

export function lintHandlers(checker: SyntaxChecker): Pick<Handlers, 'lint:check'> {
  return {
    'lint:check': async (source) => checker.check(source),
  };
}
