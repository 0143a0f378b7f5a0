/** The `packages:*` channels: the package index's catalog and installing mip packages on the board. */
import * as v from 'valibot';
import type { InstalledPackages, PackageCatalog, PackageInstallResult, PackageProgress } from './package-types';
import { transferIdSchema } from './shared-schemas';
import { event, request } from './table-helpers';

export const packageChannels = {
  // packages: mip packages from an index or a URL, downloaded by the host, installed on the board
  /** The index's package list; `true` asks the index again instead of using the saved copy. */
  'packages:catalog': request<PackageCatalog>()(v.optional(v.boolean(), false)),
  'packages:installed': request<InstalledPackages>()(),
  /** Installs `name[@version]`, `github:org/repo[/path][@ref]` or an http(s) URL, with dependencies. */
  'packages:install': request<PackageInstallResult>()(
    v.pipe(
      v.string(),
      v.minLength(1),
      v.maxLength(2048),
      v.regex(/^([A-Za-z0-9_][A-Za-z0-9_.-]*(@[A-Za-z0-9_.+-]+)?|(https?:\/\/|github:|gitlab:|codeberg:)\S+)$/),
    ),
    transferIdSchema,
  ),
  'packages:remove': request<void>()(v.pipe(v.string(), v.minLength(1), v.maxLength(2048))),
  /** Stops an install; files it created are removed, replaced files keep their old content. */
  'packages:cancel': request<void>()(transferIdSchema),
  'packages:progress': event<PackageProgress>(),
} as const;
