/**
 * Python source of `_vbflash`: the board's flash as a MicroPython VFS object whose
 * every call goes to the host folder through `_vboard` (see flash-store.ts). Mounted
 * at `/` in place of the WebAssembly build's in-memory file system, so `open`,
 * `os.*` and `import` all see the host folder, with the errno numbers of an ESP32.
 * Buffers cross to JS by address (uctypes) instead of being copied through strings.
 */
export const FLASH_VFS_SOURCE = String.raw`
import io
import json
import uctypes
import _vboard

_S_IFDIR = 0x4000


def _ok(result):
    if isinstance(result, int) and result < 0:
        raise OSError(-result)
    return result


class FlashFile(io.IOBase):
    def __init__(self, handle, text):
        self._h = handle
        self._text = text
        self._closed = False

    def _check(self):
        if self._closed:
            raise OSError(9)

    def readinto(self, buf, n=-1):
        self._check()
        if n < 0 or n > len(buf):
            n = len(buf)
        if n == 0:
            return 0
        return _ok(_vboard.fs_read(self._h, uctypes.addressof(buf), n))

    def _read_bytes(self, n):
        left = _ok(_vboard.fs_remaining(self._h))
        if n is None or n < 0 or n > left:
            n = left
        if n == 0:
            return b""
        buf = bytearray(n)
        got = self.readinto(buf)
        return bytes(buf) if got == n else bytes(buf[:got])

    def _read_text(self, n):
        if n is None or n < 0:
            return str(self._read_bytes(-1), "utf-8")
        data = bytearray()
        text = ""
        while len(text) < n:
            chunk = self._read_bytes(n - len(text))
            if not chunk:
                break
            data.extend(chunk)
            # Finish a character cut in half by the byte count.
            while True:
                try:
                    text = str(data, "utf-8")
                    break
                except UnicodeError:
                    more = self._read_bytes(1)
                    if not more:
                        raise
                    data.extend(more)
        return text

    def read(self, n=-1):
        self._check()
        return self._read_text(n) if self._text else self._read_bytes(n)

    def readline(self, limit=-1):
        self._check()
        out = bytearray()
        while limit < 0 or len(out) < limit:
            want = 64 if limit < 0 else min(64, limit - len(out))
            chunk = self._read_bytes(want)
            if not chunk:
                break
            i = chunk.find(b"\n")
            if i >= 0:
                out.extend(chunk[: i + 1])
                extra = len(chunk) - i - 1
                if extra:
                    _vboard.fs_seek(self._h, -extra, 1)
                break
            out.extend(chunk)
        return str(out, "utf-8") if self._text else bytes(out)

    def readlines(self):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, data):
        self._check()
        if isinstance(data, str):
            raw = data.encode()
            if raw:
                _ok(_vboard.fs_write(self._h, uctypes.addressof(raw), len(raw)))
            return len(data)
        n = len(data)
        if n:
            _ok(_vboard.fs_write(self._h, uctypes.addressof(data), n))
        return n

    def seek(self, offset, whence=0):
        self._check()
        return _ok(_vboard.fs_seek(self._h, offset, whence))

    def tell(self):
        return self.seek(0, 1)

    def flush(self):
        self._check()
        _ok(_vboard.fs_flush(self._h))

    def close(self):
        if not self._closed:
            self._closed = True
            _ok(_vboard.fs_close(self._h))

    def ioctl(self, request, arg):
        if request == 1:  # MP_STREAM_FLUSH
            self.flush()
        elif request == 4:  # MP_STREAM_CLOSE
            self.close()
        elif request == 11:  # MP_STREAM_GET_BUFFER_SIZE: the importer's read size
            return 249
        else:
            return -1
        return 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return "<io.%s %d>" % ("TextIOWrapper" if self._text else "FileIO", self._h)


class FlashVfs:
    def __init__(self, frozen=None):
        self._cwd = "/"
        # The firmware's frozen modules (_vbfrozen.FrozenFiles), read-only and unlisted.
        self._frozen = frozen

    def _abs(self, path):
        if not path.startswith("/"):
            path = self._cwd + "/" + path
        parts = []
        for part in path.split("/"):
            if part == "" or part == ".":
                continue
            if part == "..":
                if parts:
                    parts.pop()
            else:
                parts.append(part)
        return "/" + "/".join(parts)

    def mount(self, readonly, mkfs):
        pass

    def umount(self):
        pass

    def ilistdir(self, path):
        for name, kind, size in json.loads(_ok(_vboard.fs_list(self._abs(path)))):
            yield (name, kind, 0, size)

    def stat(self, path):
        path = self._abs(path)
        if self._frozen and self._frozen.has(path):
            return self._frozen.stat(path)
        mode, size, mtime = json.loads(_ok(_vboard.fs_stat(path)))
        return (mode, 0, 0, 0, 0, 0, size, mtime, mtime, mtime)

    def statvfs(self, path):
        return tuple(json.loads(_vboard.fs_statvfs()))

    def mkdir(self, path):
        _ok(_vboard.fs_mkdir(self._abs(path)))

    def rmdir(self, path):
        _ok(_vboard.fs_remove(self._abs(path)))

    def remove(self, path):
        _ok(_vboard.fs_remove(self._abs(path)))

    def rename(self, old, new):
        _ok(_vboard.fs_rename(self._abs(old), self._abs(new)))

    def chdir(self, path):
        path = self._abs(path)
        if not self.stat(path)[0] & _S_IFDIR:
            raise OSError(20)
        self._cwd = path.rstrip("/") or "/"

    def getcwd(self):
        return self._cwd

    def open(self, path, mode):
        flags = ""
        for c in mode:
            if c in "rwax+":
                flags += c
            elif c not in "bt":
                raise ValueError("invalid mode")
        path = self._abs(path)
        if self._frozen and self._frozen.has(path):
            return self._frozen.open(path, mode)
        handle = _ok(_vboard.fs_open(path, flags or "r"))
        return FlashFile(handle, "b" not in mode)
`;
