/**
 * An error that already knows its wire code and words. Handlers throw it for
 * failures that are not board errors (those come from main/board/errors.ts).
 */
import type { ErrorCode, WireError } from '../../preload/contract-types';

export class UserFacingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UserFacingError';
  }

  toWire(): WireError {
    return {
      code: this.code,
      message: this.message,
      ...(this.detail !== undefined && { detail: this.detail }),
      ...(this.hint !== undefined && { hint: this.hint }),
    };
  }
}
