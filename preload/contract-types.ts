/**
 * The plain data types that cross the boundary between main and the renderer.
 * They carry no behaviour, so the renderer can import them without Node.
 */

export type Unsubscribe = () => void;

/** What every failed request turns into on the wire, whatever threw it in main. */
export type ErrorCode =
  | 'invalid-argument'
  | 'unknown-channel'
  | 'forbidden'
  | 'not-connected'
  | 'disconnected'
  | 'timeout'
  /** A port opened, but nothing on it answered like MicroPython's REPL: maybe no MicroPython yet. */
  | 'no-micropython'
  /** Only the board's reset button can restart it now; the app waits for the restart. */
  | 'needs-reset-button'
  | 'board-exec'
  | 'port-busy'
  | 'permission-denied'
  | 'port-not-found'
  | 'not-supported'
  | 'not-found'
  | 'already-exists'
  | 'disk-full'
  | 'cancelled'
  | 'busy'
  | 'out-of-step'
  | 'flooding'
  | 'conflict'
  /** A package index or file host could not be reached (packages). */
  | 'network'
  /** Downloaded bytes do not match their published hash (packages). */
  | 'integrity'
  | 'internal';

export interface WireError {
  code: ErrorCode;
  /** One sentence a user can act on. */
  message: string;
  /** A fix to offer, e.g. the `usermod -aG dialout` command. */
  hint?: string;
  /** Extra text such as the board's traceback. */
  detail?: string;
  /** The board's errno for OSError, when there was one. */
  errno?: number;
  /** With code `conflict`: the file a write would replace, and what would replace it. */
  conflict?: ReplaceConflict;
}

export type WireResult<T> = { ok: true; value: T } | { ok: false; error: WireError };

// ---------------------------------------------------------------- app

export interface AppInfo {
  name: string;
  version: string;
  /** `electron` inside the desktop shell, `web` when served to a browser. */
  mode: 'electron' | 'web';
  platform: string;
  arch: string;
  versions: { node: string; electron?: string; chrome?: string };
}

/** An example program shipped with the app (resources/examples), offered under File → Examples. */
export interface ExampleInfo {
  /** Its file name, e.g. `blink.py`: the name a copy opens under. */
  name: string;
  /** The first line of its opening comment: what it does. */
  summary: string;
}

export type ThemeSetting = 'system' | 'light' | 'dark';

export interface Settings {
  theme: ThemeSetting;
  fontSize: number;
  autoConnect: boolean;
  autoReconnect: boolean;
  baudRate: number;
  /** Host folder that holds the virtual board's flash. Empty means the default. */
  virtualBoardFolder: string;
  /** Last connected target, for auto-connect. */
  lastTarget: ConnectTarget | null;
  /** Ports typed under "Other port…" that connected, newest first, offered in the board list. */
  recentPorts: string[];
  /** Local project folder shown in the file browser. */
  localFolder: string;
  /** Extra ignore patterns for sync, beyond .git, __pycache__, .venv. */
  syncIgnore: string[];
  /** Plotter history per series. */
  plotHistory: number;
  /** Each Run starts a fresh plot unless this is on: then earlier series stay until Clear. */
  plotKeepOnRun: boolean;
  /** The mip package index the Packages panel uses; empty means micropython.org/pi/v2. */
  packageIndex: string;
  /** Remembered pane sizes and the like; free-form, owned by the renderer. */
  layout: Record<string, number>;
}

/** Commands the application menu sends to the renderer. */
export type MenuCommand =
  | 'file:new'
  | 'file:open'
  | 'file:save'
  | 'file:saveAs'
  | 'file:close'
  | 'run:current'
  | 'run:selection'
  | 'run:stop'
  | 'run:softReset'
  | 'run:hardReset'
  | 'view:toggleTheme'
  | 'view:zoomIn'
  | 'view:zoomOut'
  | 'view:repl'
  | 'view:plotter'
  | 'board:connect'
  | 'board:disconnect'
  | 'sync:preview'
  | 'tools:packages'
  | 'tools:installMicroPython';

// ---------------------------------------------------------------- board

export interface PortInfo {
  path: string;
  /** A friendly name, e.g. `Raspberry Pi Pico (RP2040)` or `USB serial (CH340)`. */
  friendlyName: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
  /** True when the VID/PID is a known MicroPython-capable board. Such ports sort first. */
  likelyMicroPython: boolean;
}

export type ConnectTarget =
  | { kind: 'serial'; path: string; baudRate?: number }
  | { kind: 'virtual' };

export type ConnectionState =
  | 'disconnected'
  | 'connecting'
  | 'idle'
  | 'busy'
  | 'running'
  | 'reconnecting';

export interface BoardStatus {
  state: ConnectionState;
  target: ConnectTarget | null;
  /** e.g. `MicroPython v1.9.2 on 2017-09-01; micro:bit v1.0.1 with nRF51822`. */
  banner?: string;
  /** e.g. `1.9.2`. */
  version?: string;
  /** A stable id for per-board caches and the local mirror. */
  boardId?: string;
  /** The last error, when the state is `disconnected` because of one. */
  error?: WireError;
}

export interface ExecResult {
  stdout: string;
}

export interface RunResult {
  /** `completed`, `stopped` by the user, or `failed` with the board's traceback. */
  outcome: 'completed' | 'stopped' | 'failed';
  traceback?: string;
}

// ---------------------------------------------------------------- device files

export interface FsCapabilities {
  /** False on flat file systems such as the micro:bit's. */
  folders: boolean;
  rename: boolean;
  statvfs: boolean;
  hashlib: boolean;
  binascii: boolean;
  stdinBuffer: boolean;
  /** Free heap in bytes at probe time, when the board reports it. */
  freeMemory?: number;
}

export interface FsEntry {
  /** Absolute board path, `/`-separated. */
  path: string;
  name: string;
  type: 'file' | 'dir';
  size: number;
}

export interface FsSpace {
  total: number;
  free: number;
}

export interface TransferProgress {
  transferId: string;
  path: string;
  direction: 'upload' | 'download';
  bytesDone: number;
  bytesTotal: number;
  bytesPerSecond: number;
}

// ---------------------------------------------------------------- virtual board

/** What a pin is used as: input, output, PWM, analog input or I2C line. */
export type PinRole = 'in' | 'out' | 'pwm' | 'adc' | 'i2c';

/** The SSD1306 OLED as shown. */
export interface OledState {
  on: boolean;
  /** 0..255, the display's contrast setting. */
  contrast: number;
  /** Base64 of 128×64 pixels, row by row, 16 bytes a row, bit 7 leftmost (framebuf MONO_HLSB). */
  frame: string;
}

/** The sliders besides the potentiometer; `null` means the sensor follows its simulated signal. */
export type VirtualSensor = 'light' | 'temperature' | 'humidity';

/** Which GPIO each movable part is wired to. */
export interface BoardWiring {
  button: number;
  servo: number;
  neopixel: number;
}

/** The simulated hardware of one running virtual board. */
export interface VirtualHardwareState {
  /** Pin number → level (0/1) for pins in use. */
  pins: Record<string, number>;
  /** The on-board LED level. */
  led: number;
  /** The potentiometer's position, 0..65535, as read by ADC on its pin. */
  potentiometer: number;
  /** PWM duty (0..65535) per pin, for pins driven as PWM. */
  pwm: Record<string, { freq: number; duty: number }>;
  /** Pin number → what the program uses it as. */
  modes: Record<string, PinRole>;
  /** The light sensor, 0..65535, or null while it follows its one-minute day. */
  light: number | null;
  /** The AHT20's air temperature (°C) and humidity (%), or null while they drift on their own. */
  temperature: number | null;
  humidity: number | null;
  /** The OLED on I2C 0x3C, null until a program first talks to it. */
  oled: OledState | null;
  /** Pin → colours (`#rrggbb`) of the 8 NeoPixels on that pin, for pins that sent a bitstream. */
  neopixels: Record<string, string[]>;
}

export interface VirtualBoardState extends VirtualHardwareState {
  /** Where the button, servo and NeoPixels are wired, remembered per virtual board. */
  wiring: BoardWiring;
}

// ---------------------------------------------------------------- editor support

export interface Diagnostic {
  /** 1-based line. */
  line: number;
  /** 0-based column, when the parser reports one. */
  column?: number;
  message: string;
}

export interface BufferBackup {
  /** The tab's stable id. */
  id: string;
  /** Where the buffer belongs: `board:/main.py`, `local:/home/a/x.py` or `untitled:3`. */
  uri: string;
  content: string;
  savedAt: number;
}

// ---------------------------------------------------------------- local folder, sync, mirror

/** The local project folder the file browser shows. */
export interface LocalFolder {
  /** Absolute host path; empty when none is chosen. */
  path: string;
  /** False when the remembered folder has gone (moved, unmounted). */
  exists: boolean;
  /** True when main can show a native folder dialog (Electron); web mode takes a typed path. */
  canPick: boolean;
}

export interface LocalEntry {
  /** Relative to the local folder, `/`-separated, never starting with `/`. */
  path: string;
  name: string;
  type: 'file' | 'dir';
  size: number;
  mtimeMs: number;
  /** True when sync's ignore list excludes it. */
  ignored: boolean;
}

/** Sent (debounced) when something changed in the local folder on disk. */
export interface LocalChange {
  folder: string;
  /** Relative paths that changed, as far as the watcher knows; empty means "rescan". */
  paths: string[];
}

export type SyncDirection = 'upload' | 'download';
/**
 * `new`: only at the source; `changed`: both, content differs; `unchanged`: same hash;
 * `board-only` (upload) / `local-only` (download): only at the target.
 */
export type SyncStatus = 'new' | 'changed' | 'unchanged' | 'board-only' | 'local-only';
export type SyncAction = 'upload' | 'download' | 'delete' | 'none';

export interface SyncRequest {
  direction: SyncDirection;
  /** Folder inside the local folder, relative; empty for its root. */
  localDir: string;
  /** Folder on the board, absolute. */
  boardDir: string;
  /** Delete target files the source no longer has. Off unless the user asks. */
  deleteExtra: boolean;
}

export interface SyncEntry {
  /** Relative to both roots, `/`-separated. */
  path: string;
  status: SyncStatus;
  action: SyncAction;
  localSize?: number;
  boardSize?: number;
  /** Why a file the source has cannot be copied (e.g. the board has no folders). */
  note?: string;
}

export interface SyncPlan extends SyncRequest {
  id: string;
  entries: SyncEntry[];
  /** Bytes the plan will move. */
  bytesToTransfer: number;
  /** Local paths the ignore list left out. */
  ignored: number;
}

export interface SyncProgress {
  /** A sync plan's id, or the transfer id of a copy. */
  id: string;
  phase: 'transferring' | 'deleting' | 'done';
  /** The file being moved now. */
  file?: string;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  bytesPerSecond: number;
}

export interface SyncResult {
  id: string;
  /** `needs-consent`: nothing was copied, because `conflicts` would replace files that differ. */
  outcome: 'completed' | 'cancelled' | 'failed' | 'needs-consent';
  conflicts?: ReplaceConflict[];
  uploaded: string[];
  downloaded: string[];
  deleted: string[];
  bytes: number;
  seconds: number;
  error?: WireError;
}

/** A board whose opened and saved files the mirror keeps. */
export interface MirrorBoard {
  boardId: string;
  /** The board's banner when last seen, for a friendly name. */
  label: string;
  files: number;
  lastSavedAt: number;
}

export interface MirrorFile {
  /** Board path. */
  path: string;
  size: number;
  savedAt: number;
  sha256: string;
  /** How many earlier copies are kept too. */
  versions: number;
}

// ---------------------------------------------------------------- plot

/**
 * A batch of plot samples from the board's output, sent every ~33 ms while data
 * flows. Column-major and compact so 10,000 lines a second fit through JSON.
 */
export interface PlotBatch {
  /** Bumps on every `plot:clear`; a batch with a new epoch starts a fresh history. */
  epoch: number;
  /** Index of this batch's first row, counted from 0 since the last clear. A gap means rows were lost. */
  firstIndex: number;
  /** Every series since the last clear, in order of first appearance; a name never changes index. */
  series: string[];
  /** Per row: milliseconds since the first sample after the last clear, never decreasing. */
  t: number[];
  /**
   * Per series in `series`: one value per row. `null` marks a missing value, NaN or
   * ±inf (JSON has no NaN); a whole column is `null` when the series had no value in the batch.
   */
  columns: Array<Array<number | null> | null>;
  /** Rows main had to drop since the last clear because nothing took them (should stay 0). */
  dropped: number;
}

export interface PlotInfo {
  epoch: number;
  series: string[];
  /** Rows parsed since the last clear. */
  samples: number;
  dropped: number;
  /** Lines skipped for being longer than the cap. */
  overlongLines: number;
}

// ---------------------------------------------------------------- replacing files

/**
 * What the user agreed to when a write may land on an existing file (see
 * main/consent/replace-rule.ts). Without it, a write over a file whose content differs
 * fails with a `conflict` error that names both sides, so the UI can ask.
 */
export interface WriteConsent {
  /** Replace the file only while its content still has this SHA-256 (what the user was shown, or what the editor opened). */
  replaces?: string;
  /** Write beside it under a free name (`hello (2).py`) instead of replacing it. */
  keepBoth?: boolean;
}

/**
 * One side of a replacement: a file on the board, in the local folder, one the system
 * opened in the app (`file`), an editor's buffer, the mirror's copy, or a dropped file.
 */
export interface ReplaceSide {
  side: 'board' | 'local' | 'file' | 'editor' | 'mirror' | 'computer';
  path: string;
  size: number;
  /** Milliseconds since 1970; absent where the side keeps no date (board flash). */
  modifiedAt?: number;
}

export interface ReplaceConflict {
  /** The existing file the write would replace. */
  target: ReplaceSide & { side: 'board' | 'local' | 'file'; sha256: string };
  /** What would replace it. */
  incoming: ReplaceSide;
}

/** The user's answers for a transfer of many files, by target path (board path, or local relative path). */
export type ReplaceDecisions = Record<string, WriteConsent>;

/** Where a write went: `path` differs from the one asked for when the user chose "Keep both". */
export interface WriteOutcome {
  path: string;
  /** True when the target already had exactly these bytes, so nothing was written. */
  unchanged: boolean;
}

// ---------------------------------------------------------------- packages

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

// ---------------------------------------------------------------- flash (Install MicroPython)

export type FirmwareFamily = 'rp2040' | 'rp2350' | 'microbit' | 'esp32' | 'esp32s2' | 'esp32s3' | 'esp32c3' | 'esp32c6' | 'esp8266';

/** One downloadable firmware file of a board on micropython.org. */
export interface FirmwareRelease {
  version: string;
  /** Build date, YYYY-MM-DD. */
  date: string;
  /** '' for the board's standard build, else e.g. `SPIRAM` or `OTA`. */
  variant: string;
  url: string;
  /** A preview (nightly) build rather than a release. */
  preview: boolean;
}

export interface FirmwareBoard {
  id: string;
  family: FirmwareFamily;
  name: string;
  fileType: 'uf2' | 'hex' | 'bin';
  /** Where an ESP image goes in flash; 0 for drive boards. */
  offset: number;
  pageUrl: string;
  /** Newest first; empty until the list was refreshed online. */
  releases: FirmwareRelease[];
}

export interface FirmwareCatalog {
  boards: FirmwareBoard[];
  /** When the releases were last read from micropython.org (ISO date), or null: never. */
  refreshedAt: string | null;
  /** Set when the last refresh failed, in words. */
  refreshError?: string;
}

/** A bootloader drive: an RP2 board in BOOTSEL, or a micro:bit's DAPLink drive. */
export interface BootDriveInfo {
  path: string;
  label: string;
  kind: 'rp2040' | 'rp2350' | 'uf2' | 'microbit';
  boardId: string;
  families: number[];
  fileType: 'uf2' | 'hex';
}

export type FlashStep = 'download' | 'verify' | 'erase' | 'write' | 'reset' | 'connect';

export interface FlashProgress {
  step: FlashStep;
  message: string;
  done?: number;
  total?: number;
}

export interface FlashResult {
  /** The file on the drive, or the serial port. */
  target: string;
  /** How the write was checked: read back from the drive, the board restarted first, or esptool's MD5. */
  verified: 'read-back' | 'board-restarted' | 'md5';
  /** The serial port of the new board, when it came up and was connected. */
  connectedPort?: string;
}

// ---------------------------------------------------------------- files the system opened

/** A file handed to the app by the system ("Open with", a second launch), outside the project folder. */
export interface OpenedFile {
  /** Absolute real path: the only key `opened:read` and `opened:write` accept. */
  path: string;
  name: string;
}

export interface OpenedFiles {
  files: OpenedFile[];
  /** Arguments that could not be opened, each as a sentence (no such file, a folder, too large). */
  problems: string[];
}
