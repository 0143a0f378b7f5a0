/** mip packages: the index's catalog, what a board has installed, and install progress and results. */

/** One package of the index's `index.json`, for search and details. */
export interface CatalogPackage {
  name: string;
  version: string;
  description: string;
  author: string;
  license: string;
  homepage?: string;
  deps: string[];
}

export interface PackageCatalog {
  index: string;
  /** When the list was fetched from the index (ms since 1970). */
  fetchedAt: number;
  /** True when this is the saved copy (the index was not asked, or did not answer). */
  fromCache: boolean;
  /** Why the index could not be reached, when the saved copy stands in. */
  offlineReason?: string;
  packages: CatalogPackage[];
}

export interface InstalledPackageInfo {
  name: string;
  version: string;
  files: string[];
  deps: string[];
  /** False for a package that came as a dependency. */
  requested: boolean;
}

export interface InstalledPackages {
  /** The board's install folder (`/lib`, or `/` on a flat file system). */
  dir: string;
  recorded: InstalledPackageInfo[];
  /** Modules in the folder that the app did not install. */
  other: string[];
}

/** Per-file progress of a package install. */
export interface PackageProgress {
  transferId: string;
  /** A line of what happens ("Resolving …", "Downloading …"), or a file's state. */
  log?: string;
  file?: { path: string; status: 'installing' | 'exists' | 'installed' | 'failed'; bytesDone: number; bytesTotal: number; index: number; count: number };
}

export interface PackageInstallResult {
  dir: string;
  written: string[];
  existing: string[];
  packages: { name: string; version: string }[];
}
