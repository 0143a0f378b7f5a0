/**
 * Python source of `_vbfrozen`: the modules a board freezes into its firmware
 * (`neopixel`), served read-only by the flash VFS under `/.frozen/` without showing
 * in any listing. `sys.path` is `['', '.frozen', '/.frozen', '/lib']` (".frozen"
 * itself is never looked up on a file system), so a module of the same name on the
 * flash still wins, as it does on real firmware.
 */
export const FROZEN_VFS_SOURCE = String.raw`
import io

PREFIX = "/.frozen/"
_S_IFREG = 0x8000


class FrozenFiles:
    def __init__(self, files):
        self._files = files

    def has(self, path):
        return path.startswith(PREFIX) and path[len(PREFIX):] in self._files

    def stat(self, path):
        size = len(self._files[path[len(PREFIX):]])
        return (_S_IFREG, 0, 0, 0, 0, 0, size, 0, 0, 0)

    def open(self, path, mode):
        if "w" in mode or "a" in mode or "x" in mode or "+" in mode:
            raise OSError(30)
        data = self._files[path[len(PREFIX):]]
        return io.BytesIO(data) if "b" in mode else io.StringIO(data)
`;
