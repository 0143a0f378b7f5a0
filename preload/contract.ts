/**
 * The one IPC contract between main and the renderer: every channel, its argument
 * schema and its result or payload type. Main validates with these schemas, the
 * preload and the web bridge build the renderer's API from this table, and the
 * renderer imports only its types. Channels are named `area:verb`.
 */
import * as v from 'valibot';
import type {
  AppInfo,
  BootDriveInfo,
  BoardStatus,
  BufferBackup,
  Diagnostic,
  ExampleInfo,
  ExecResult,
  FsCapabilities,
  FsEntry,
  FirmwareCatalog,
  FlashProgress,
  FlashResult,
  FsSpace,
  InstalledPackages,
  LocalChange,
  LocalEntry,
  LocalFolder,
  MirrorBoard,
  MirrorFile,
  MenuCommand,
  OpenedFiles,
  PackageCatalog,
  PackageInstallResult,
  PackageProgress,
  PlotBatch,
  PlotInfo,
  PortInfo,
  RunResult,
  Settings,
  SyncPlan,
  SyncProgress,
  SyncResult,
  TransferProgress,
  VirtualBoardState,
  WriteOutcome,
} from './contract-types';

/** Every channel starts with one of these; both sides check it. */
export const CHANNEL_AREAS = [
  'app',
  'settings',
  'board',
  'repl',
  'fs',
  'virtual',
  'lint',
  'backup',
  'local',
  'sync',
  'mirror',
  'plot',
  'packages',
  'flash',
  'opened',
] as const;
export type ChannelArea = (typeof CHANNEL_AREAS)[number];

// ---------------------------------------------------------------- schemas

/** A Pico GPIO a part of the virtual board may be wired to (GP0..GP22). */
const wiredPinSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(22));

/** Paths on the board: absolute, `/`-separated, no NUL, bounded. */
export const boardPathSchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(1024),
  v.startsWith('/'),
  v.check((p) => !p.includes('\0'), 'a path must not contain NUL'),
);
/** Paths on the host: absolute, no NUL. */
export const hostPathSchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(4096),
  v.check((p) => !p.includes('\0'), 'a path must not contain NUL'),
);
/**
 * Paths inside the local project folder: relative, `/`-separated, empty for the folder
 * itself. Main checks again that they stay inside it (symlinks included).
 */
export const localPathSchema = v.pipe(
  v.string(),
  v.maxLength(4096),
  v.check((p) => !p.includes('\0'), 'a path must not contain NUL'),
  v.check((p) => !p.startsWith('/') && !/^[A-Za-z]:/.test(p), 'a local path must be relative to the folder'),
  v.check((p) => !p.split(/[\\/]/).includes('..'), 'a local path must not contain ..'),
);
/** An example's file name (`blink.py`): one plain name, never a path, so nothing outside the examples can be named. */
export const exampleNameSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_][A-Za-z0-9_-]{0,63}\.py$/, 'an example is named like blink.py'));
/** Whatever identifies a board in the mirror (`BoardStatus.boardId`). */
const boardIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const transferIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));
/** The largest file any channel carries: more than the file system of any MicroPython board. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** The longest source text (`board:exec`, `lint:check`, backups), in UTF-16 units. */
export const MAX_SOURCE_CHARS = 4 * 1024 * 1024;
const sourceSchema = v.pipe(v.string(), v.maxLength(MAX_SOURCE_CHARS));
const bytesSchema = v.pipe(
  v.instance(Uint8Array),
  v.check((b) => b.byteLength <= MAX_FILE_BYTES, 'at most 16 MiB'),
);

/** The user's answer for a write that may replace a file (WriteConsent). */
const sha256Schema = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
export const writeConsentSchema = v.strictObject({ replaces: v.optional(sha256Schema), keepBoth: v.optional(v.boolean()) });
/** Answers per target path for a transfer of many files. */
const replaceDecisionsSchema = v.record(v.pipe(v.string(), v.maxLength(4096)), writeConsentSchema);

export const connectTargetSchema = v.variant('kind', [
  v.strictObject({
    kind: v.literal('serial'),
    path: hostPathSchema,
    baudRate: v.optional(v.pipe(v.number(), v.integer(), v.minValue(300), v.maxValue(12_000_000))),
  }),
  v.strictObject({ kind: v.literal('virtual') }),
]);

export const settingsPatchSchema = v.strictObject({
  theme: v.optional(v.picklist(['system', 'light', 'dark'])),
  fontSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(8), v.maxValue(40))),
  autoConnect: v.optional(v.boolean()),
  autoReconnect: v.optional(v.boolean()),
  baudRate: v.optional(v.pipe(v.number(), v.integer(), v.minValue(300), v.maxValue(12_000_000))),
  virtualBoardFolder: v.optional(v.union([v.literal(''), hostPathSchema])),
  lastTarget: v.optional(v.nullable(connectTargetSchema)),
  recentPorts: v.optional(v.pipe(v.array(hostPathSchema), v.maxLength(10))),
  localFolder: v.optional(v.union([v.literal(''), hostPathSchema])),
  syncIgnore: v.optional(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200)))),
  plotKeepOnRun: v.optional(v.boolean()),
  plotHistory: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1000), v.maxValue(10_000_000))),
  packageIndex: v.optional(v.union([v.literal(''), v.pipe(v.string(), v.maxLength(2048), v.regex(/^https?:\/\/\S+$/i))])),
  layout: v.optional(v.record(v.pipe(v.string(), v.maxLength(64)), v.number())),
});

/** What `flash:install` installs and where (Install MicroPython). */
export const installRequestSchema = v.strictObject({
  firmware: v.variant('source', [
    /** A release from the board list; main only fetches URLs that list holds. */
    v.strictObject({ source: v.literal('release'), boardId: v.pipe(v.string(), v.regex(/^[A-Z0-9_]{1,64}$/)), url: v.pipe(v.string(), v.maxLength(2048), v.url()) }),
    /** "Use a local file…": the file's bytes, read by the renderer. */
    v.strictObject({
      source: v.literal('file'),
      name: v.pipe(v.string(), v.minLength(1), v.maxLength(255), v.regex(/\.(uf2|hex|bin)$/i, 'a .uf2, .hex or .bin file')),
      bytes: v.pipe(v.instance(Uint8Array), v.check((b) => b.byteLength > 0 && b.byteLength <= 16 * 1024 * 1024, '1 byte to 16 MiB')),
    }),
  ]),
  target: v.variant('kind', [
    v.strictObject({ kind: v.literal('drive'), path: hostPathSchema }),
    v.strictObject({ kind: v.literal('serial'), path: hostPathSchema, erase: v.boolean() }),
  ]),
});

// ---------------------------------------------------------------- table helpers

type TupleItems = v.TupleItems;

export interface RequestSpec<A extends TupleItems, R> {
  kind: 'request';
  args: v.TupleSchema<A, undefined>;
  /** Phantom: the result type, never read at run time. */
  result?: R;
}
export interface EventSpec<P> {
  kind: 'event';
  /** Phantom: the payload type, never read at run time. */
  payload?: P;
}

/** A request channel: `args` are validated in main, the handler returns `R`. */
function request<R>() {
  return <const A extends TupleItems>(...args: A): RequestSpec<A, R> => ({
    kind: 'request',
    args: v.tuple(args),
  });
}
/** An event channel: main pushes `P` to every subscribed renderer. */
function event<P>(): EventSpec<P> {
  return { kind: 'event' };
}

// ---------------------------------------------------------------- the table

export const contract = {
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

  // settings: persisted JSON in the user-data folder
  'settings:get': request<Settings>()(),
  'settings:update': request<Settings>()(settingsPatchSchema),
  /** Desktop only: the native folder dialog picks a root folder (typed paths are refused there); null when cancelled. */
  'settings:pickFolder': request<Settings | null>()(v.picklist(['localFolder', 'virtualBoardFolder'])),

  // board: connection, running code
  'board:listPorts': request<PortInfo[]>()(),
  'board:portsChanged': event<PortInfo[]>(),
  'board:connect': request<BoardStatus>()(connectTargetSchema),
  'board:disconnect': request<void>()(),
  'board:status': request<BoardStatus>()(),
  'board:statusChanged': event<BoardStatus>(),
  'board:exec': request<ExecResult>()(sourceSchema),
  'board:run': request<RunResult>()(
    v.strictObject({ source: sourceSchema, fileName: v.pipe(v.string(), v.maxLength(1024)) }),
  ),
  'board:stop': request<void>()(),
  'board:softReset': request<void>()(),
  'board:hardReset': request<void>()(),
  /** Names a module or dotted expression has on the board, for completion. */
  'board:completions': request<string[]>()(
    v.pipe(v.string(), v.maxLength(200), v.regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$|^$/)),
  ),

  // repl: the friendly REPL as a byte stream
  'repl:write': request<void>()(v.pipe(v.string(), v.maxLength(1024 * 1024))),
  'repl:data': event<string>(),
  /** Text pasted into the terminal: run as one block through the board's paste mode, never as a soft reset. */
  'repl:paste': request<void>()(v.pipe(v.string(), v.maxLength(1024 * 1024))),
  /** The board's recent output (bounded), for a terminal that starts after it was printed. */
  'repl:recent': request<string>()(),

  // fs: the board's flash
  'fs:capabilities': request<FsCapabilities>()(),
  'fs:list': request<FsEntry[]>()(boardPathSchema, v.optional(v.boolean(), false)),
  'fs:read': request<Uint8Array>()(boardPathSchema, v.optional(transferIdSchema)),
  /** Writes a file; replacing one whose content differs needs `consent` (else a `conflict` error). */
  'fs:write': request<WriteOutcome>()(boardPathSchema, bytesSchema, v.optional(transferIdSchema), v.optional(writeConsentSchema)),
  'fs:mkdir': request<void>()(boardPathSchema),
  'fs:remove': request<void>()(boardPathSchema, v.optional(v.boolean(), false)),
  'fs:rename': request<void>()(boardPathSchema, boardPathSchema),
  'fs:stat': request<FsEntry | null>()(boardPathSchema),
  'fs:space': request<FsSpace>()(),
  'fs:hash': request<string>()(boardPathSchema),
  'fs:cancel': request<void>()(transferIdSchema),
  'fs:progress': event<TransferProgress>(),

  // virtual: the simulated hardware of the virtual board
  'virtual:state': request<VirtualBoardState>()(),
  'virtual:setPin': request<void>()(
    v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(63)),
    // null lets the pin go (a button released): it reads its pull again.
    v.nullable(v.picklist([0, 1])),
  ),
  'virtual:setPotentiometer': request<void>()(
    v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535)),
  ),
  // light 0..65535, temperature °C, humidity %; null: back to the simulated signal
  'virtual:setSensor': request<void>()(
    v.picklist(['light', 'temperature', 'humidity']),
    v.nullable(v.pipe(v.number(), v.minValue(-40), v.maxValue(65535))),
  ),
  'virtual:setWiring': request<void>()(
    v.strictObject({ button: wiredPinSchema, servo: wiredPinSchema, neopixel: wiredPinSchema }),
  ),
  'virtual:stateChanged': event<VirtualBoardState>(),

  // lint: syntax errors from the embedded MicroPython's own compiler
  'lint:check': request<Diagnostic[]>()(sourceSchema),

  // backup: unsaved buffers kept in the user-data folder
  'backup:save': request<void>()(
    v.strictObject({
      id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/)),
      uri: v.pipe(v.string(), v.maxLength(4096)),
      content: sourceSchema,
      savedAt: v.number(),
    }),
  ),
  'backup:list': request<BufferBackup[]>()(),
  'backup:discard': request<void>()(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/))),

  // local: the local project folder (every path is confined to it in main)
  'local:folder': request<LocalFolder>()(),
  /** Uses a typed absolute path as the folder (checked: it must be an existing folder). */
  'local:setFolder': request<LocalFolder>()(v.union([v.literal(''), hostPathSchema])),
  /** Shows a native folder dialog where there is one; resolves with the folder chosen, or null. */
  'local:pickFolder': request<LocalFolder | null>()(),
  'local:list': request<LocalEntry[]>()(localPathSchema, v.optional(v.boolean(), false)),
  'local:read': request<Uint8Array>()(localPathSchema),
  'local:write': request<WriteOutcome>()(localPathSchema, bytesSchema, v.optional(writeConsentSchema)),
  'local:mkdir': request<void>()(localPathSchema),
  'local:remove': request<void>()(localPathSchema, v.optional(v.boolean(), false)),
  'local:rename': request<void>()(localPathSchema, localPathSchema),
  'local:changed': event<LocalChange>(),
  /** The folders the file browser shows (the root is implied): main watches these and no others. */
  'local:watch': request<void>()(v.pipe(v.array(localPathSchema), v.maxLength(500))),

  // sync: local folder <-> board, by content hash, previewed first
  'sync:preview': request<SyncPlan>()(
    v.strictObject({
      direction: v.picklist(['upload', 'download']),
      localDir: localPathSchema,
      boardDir: boardPathSchema,
      deleteExtra: v.boolean(),
    }),
  ),
  /** Runs a previewed plan; `deleteExtra` may still be switched off (never on) at this point. */
  'sync:apply': request<SyncResult>()(transferIdSchema, v.optional(v.boolean()), v.optional(replaceDecisionsSchema)),
  /** Copies local files or folders into a board folder, whatever the board has. */
  'sync:copyToBoard': request<SyncResult>()(
    v.pipe(v.array(localPathSchema), v.minLength(1), v.maxLength(10_000)),
    boardPathSchema,
    transferIdSchema,
    v.optional(replaceDecisionsSchema),
  ),
  /** Copies board files or folders into a local folder. */
  'sync:copyToLocal': request<SyncResult>()(
    v.pipe(v.array(boardPathSchema), v.minLength(1), v.maxLength(10_000)),
    localPathSchema,
    transferIdSchema,
    v.optional(replaceDecisionsSchema),
  ),
  /** Stops a running sync or copy after the current file; the file in flight is cancelled too. */
  'sync:cancel': request<void>()(transferIdSchema),
  'sync:progress': event<SyncProgress>(),

  // mirror: a copy of every board file ever opened or saved, per board, in the user-data folder
  'mirror:boards': request<MirrorBoard[]>()(),
  'mirror:list': request<MirrorFile[]>()(boardIdSchema),
  'mirror:read': request<Uint8Array>()(boardIdSchema, boardPathSchema),
  /** Writes the mirrored copy back to the connected board, at its path. */
  'mirror:restore': request<WriteOutcome>()(boardIdSchema, boardPathSchema, v.optional(writeConsentSchema)),
  /** Writes the mirrored copy into the local folder. */
  'mirror:saveToLocal': request<WriteOutcome>()(boardIdSchema, boardPathSchema, localPathSchema, v.optional(writeConsentSchema)),
  'mirror:changed': event<{ boardId: string }>(),

  // plot: samples parsed from what the board prints, for the plotter
  'plot:samples': event<PlotBatch>(),
  /** Forgets every series and sample; renderers see a batch with the next epoch. */
  'plot:clear': request<void>()(),
  'plot:info': request<PlotInfo>()(),

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
  // flash: Install MicroPython (bootloader drives, esptool for ESP boards)
  /** The shipped board list with the cached releases (and their date). */
  'flash:catalog': request<FirmwareCatalog>()(),
  /** Reads each board's releases from micropython.org and caches them. */
  'flash:refreshCatalog': request<FirmwareCatalog>()(),
  'flash:drives': request<BootDriveInfo[]>()(),
  /** The bootloader drives, whenever one appears or goes. */
  'flash:drivesChanged': event<BootDriveInfo[]>(),
  'flash:install': request<FlashResult>()(installRequestSchema),
  'flash:progress': event<FlashProgress>(),
  /** Restarts the connected RP2 board into BOOTSEL (`machine.bootloader()`). */
  'flash:enterBootloader': request<void>()(),

  // opened: files the system opened in the app ("Open with", a second launch); each path is granted by main
  /** The files waiting for a window, and what could not be opened; taking them empties the queue. */
  'opened:take': request<OpenedFiles>()(),
  /** Files are waiting: the window should take them. */
  'opened:waiting': event<null>(),
  'opened:read': request<Uint8Array>()(hostPathSchema),
  /** Writes an opened file under the replace rule, like `local:write`. */
  'opened:write': request<WriteOutcome>()(hostPathSchema, bytesSchema, v.optional(writeConsentSchema)),
} as const;

// ---------------------------------------------------------------- derived types

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestChannel = {
  [C in Channel]: Contract[C] extends { kind: 'request' } ? C : never;
}[Channel];
export type EventChannel = {
  [C in Channel]: Contract[C] extends { kind: 'event' } ? C : never;
}[Channel];

/** The argument tuple a request channel takes, after validation. */
export type ArgsOf<C extends RequestChannel> = Contract[C] extends RequestSpec<infer A, unknown>
  ? v.InferOutput<v.TupleSchema<A, undefined>>
  : never;
/** Trailing elements that accept `undefined` become optional: `[string, boolean | undefined]` → `[string, boolean?]`. */
type OptionalTail<T extends readonly unknown[]> = T extends readonly [...infer Head, infer Last]
  ? undefined extends Last
    ? [...OptionalTail<Head>, Exclude<Last, undefined>?]
    : T
  : T;
/** The argument tuple a caller passes (optional arguments may be left out). */
export type InputArgsOf<C extends RequestChannel> = Contract[C] extends RequestSpec<infer A, unknown>
  ? OptionalTail<v.InferInput<v.TupleSchema<A, undefined>>>
  : never;
export type ResultOf<C extends RequestChannel> = Contract[C] extends RequestSpec<TupleItems, infer R> ? R : never;
export type PayloadOf<C extends EventChannel> = Contract[C] extends EventSpec<infer P> ? P : never;

/** Main's side: one handler per request channel. */
export type Handlers = {
  [C in RequestChannel]: (...args: ArgsOf<C>) => Promise<ResultOf<C>>;
};

type AreaOf<C extends string> = C extends `${infer A}:${string}` ? A : never;
type VerbOf<C extends string> = C extends `${string}:${infer V}` ? V : never;
type OnName<C extends string> = `on${Capitalize<VerbOf<C>>}`;

/** The API object the renderer sees as `window.studio`, in Electron and in web mode alike. */
export type StudioApi = {
  [A in AreaOf<Channel>]: {
    [C in RequestChannel as AreaOf<C> extends A ? VerbOf<C> : never]: (
      ...args: InputArgsOf<C>
    ) => Promise<ResultOf<C>>;
  } & {
    [C in EventChannel as AreaOf<C> extends A ? OnName<C> : never]: (
      listener: (payload: PayloadOf<C>) => void,
    ) => () => void;
  };
};

// ---------------------------------------------------------------- run-time checks

export function isChannelName(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
export function isRequestChannel(name: unknown): name is RequestChannel {
  return isChannelName(name) && contract[name].kind === 'request';
}
export function isEventChannel(name: unknown): name is EventChannel {
  return isChannelName(name) && contract[name].kind === 'event';
}
/** True when a name has the shape `area:verb` with a known area. */
export function hasKnownArea(name: unknown): boolean {
  if (typeof name !== 'string') return false;
  const area = name.split(':', 1)[0];
  return (CHANNEL_AREAS as readonly string[]).includes(area ?? '') && /^[a-z]+:[A-Za-z]+$/.test(name);
}

export type ParsedArgs<C extends RequestChannel> =
  | { ok: true; args: ArgsOf<C> }
  | { ok: false; message: string };

/** Validates a request's arguments against its channel's schema. */
export function parseArgs<C extends RequestChannel>(channel: C, args: unknown): ParsedArgs<C> {
  const spec = contract[channel] as RequestSpec<TupleItems, unknown>;
  const result = v.safeParse(spec.args, args);
  if (result.success) return { ok: true, args: result.output as ArgsOf<C> };
  const issue = result.issues[0];
  const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, message: `invalid argument${where ? ` ${where}` : ''} for ${channel}: ${issue.message}` };
}
