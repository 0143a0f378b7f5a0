// Types for the tests that use the package inspection (the script itself is plain JavaScript).
export interface RequiredFile {
  reason: string;
  /** Loaded from disk (worker, ES module import, .wasm, native addon), so unpacked from app.asar. */
  onDisk: boolean;
}
export interface Inspection {
  problems: string[];
  required: Map<string, RequiredFile>;
  sizes: { asar: number; unpacked: number } | null;
}
export function inspectPackage(
  resourcesDir: string,
  target: { platform: string; arch: string; devDependencies: string[]; extraResources?: Array<{ from: string; to: string }> },
): Inspection;
