/**
 * Typed errors of package installs. They extend BoardError so the CLI and the UI show
 * them like any other: one sentence a user can act on, plus a hint.
 */
import { BoardError } from '../board/errors';

/** The index or a file host did not answer, or answered with an error status. */
export class PackageNetworkError extends BoardError {
  readonly url: string;
  constructor(url: string, message: string, cause?: unknown) {
    super('network', message, { cause, hint: 'Check the network connection (and HTTPS_PROXY, if you use a proxy), then try again.' });
    this.url = url;
  }
}

/** The index has no such package (or version), or a package URL leads nowhere. */
export class PackageNotFoundError extends BoardError {
  constructor(message: string) {
    super('not-found', message);
  }
}

/** A downloaded file does not match the hash its manifest gives: nothing was written. */
export class PackageIntegrityError extends BoardError {
  constructor(message: string) {
    super('integrity', message, { hint: 'The index or a proxy served damaged or altered files; nothing was written to the board.' });
  }
}

/** A manifest that is not what mip expects. */
export class PackageManifestError extends BoardError {
  constructor(message: string) {
    super('invalid-argument', message);
  }
}
