/**
 * Python source of `_vbfrozen`: a read-only VFS mounted at `/.frozen` holding the
 * modules a board freezes into its firmware (`neopixel`). `sys.path` is
 * `['', '.frozen', '/lib']` as on a board, so a module of the same name on the flash
 * still wins, as it does on real firmware.
 */
export const FROZEN_VFS_SOURCE = String.raw`
import io

_S_IFDIR = 0x4000
_S_IFREG = 0x8000


class FrozenVfs:
    def __init__(self, files):
        self._files = files

    def mount(self, readonly, mkfs):
        pass

    def umount(self):
        pass

    def _name(self, path):
        return path.strip("/")

    def ilistdir(self, path):
        for name in self._files:
            yield (name, _S_IFREG, 0, len(self._files[name]))

    def stat(self, path):
        name = self._name(path)
        if not name:
            return (_S_IFDIR, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        if name not in self._files:
            raise OSError(2)
        return (_S_IFREG, 0, 0, 0, 0, 0, len(self._files[name]), 0, 0, 0)

    def statvfs(self, path):
        return (4096, 4096, 0, 0, 0, 0, 0, 0, 0, 255)

    def open(self, path, mode):
        name = self._name(path)
        if name not in self._files:
            raise OSError(2)
        if "w" in mode or "a" in mode or "+" in mode:
            raise OSError(30)
        data = self._files[name]
        return io.BytesIO(data) if "b" in mode else io.StringIO(data)

    def chdir(self, path):
        pass

    def getcwd(self):
        return "/"
`;
