/**
 * Python source of `_vbboard`: installs the virtual board into a fresh interpreter
 * (flash at `/`, `machine`, board-like `time`, `input()` fed from the terminal,
 * `os.uname`) and runs boot.py/main.py and timer or pin callbacks for the host.
 */
export const BOARD_SOURCE = String.raw`
import builtins
import io
import json
import micropython
import os
import sys
import _vboard
import _vbtime
import _vbflash
import _vbfrozen
import machine

_BOARD_FRAMES = ('  File "<stdin>"', '  File "/_vboard/')


class _Uname(tuple):
    sysname = property(lambda self: self[0])
    nodename = property(lambda self: self[1])
    release = property(lambda self: self[2])
    version = property(lambda self: self[3])
    machine = property(lambda self: self[4])


def _uname():
    release = "%d.%d.%d" % sys.implementation.version[:3]
    # sys.version: "3.4.0; MicroPython v1.27.0 on 2025-12-10" -> "v1.27.0 on 2025-12-10"
    version = " ".join(sys.version.split("; ")[1].split(" ")[1:4])
    return _Uname(("webassembly", "virtual-board", release, version, _vboard.board_name()))


def _urandom(n):
    return bytes.fromhex(_vboard.urandom(n))


def _input(prompt=None):
    if prompt is not None:
        sys.stdout.write(str(prompt))
    line = bytearray()
    last = 0
    while True:
        c = _vboard.getch()
        if c < 0:
            # Ctrl-C: KeyboardInterrupt is already scheduled and fires right here.
            continue
        if c == 10 and last == 13:
            last = c
            continue
        last = c
        if c == 13 or c == 10:
            _vboard.put(13)
            _vboard.put(10)
            return str(line, "utf-8")
        if c == 4 and not line:
            raise EOFError
        if c == 3:
            raise KeyboardInterrupt
        if c == 8 or c == 127:
            if line:
                # Drop a whole UTF-8 character.
                while line and (line[-1] & 0xC0) == 0x80:
                    line.pop()
                if line:
                    line.pop()
                _vboard.put(8)
                _vboard.put(32)
                _vboard.put(8)
            continue
        if c >= 32 or c == 9:
            line.append(c)
            _vboard.put(c)


def print_exception(e):
    # Leave out the frames of this module and of the host's call, as a board's
    # own C code leaves none.
    buf = io.StringIO()
    sys.print_exception(e, buf)
    lines = buf.getvalue().split("\n")
    for line in lines[:-1]:
        if not any(line.startswith(frame) for frame in _BOARD_FRAMES):
            print(line)


def run_file(name):
    try:
        f = open(name)
    except OSError:
        return "missing"
    try:
        source = f.read()
    finally:
        f.close()
    import __main__

    try:
        exec(compile(source, name, "exec"), __main__.__dict__)
    except SystemExit:
        return "soft-reset"
    except BaseException as e:
        print_exception(e)
    return "done"


def _dispatch(_=None):
    for kind, ident in json.loads(_vboard.take_events()):
        try:
            if kind == "t":
                timer = machine._timers.get(ident)
                if timer is not None and timer._callback is not None:
                    timer._callback(timer)
            else:
                entry = machine._irqs.get(ident)
                if entry is not None:
                    entry[0](entry[1])
        except Exception as e:
            print_exception(e)


def _arm():
    try:
        micropython.schedule(_dispatch, None)
    except RuntimeError:
        # The schedule queue is full; the events wait for the next chance.
        _vboard.disarm()


def _fix_binascii():
    # The build's binascii is frozen Python whose a2b_base64 takes only bytes;
    # a board's C version takes str too.
    import binascii

    a2b = binascii.a2b_base64

    def a2b_base64(data):
        return a2b(data.encode() if isinstance(data, str) else data)

    binascii.a2b_base64 = a2b_base64
    sys.modules["ubinascii"] = binascii


def setup():
    _fix_binascii()
    sys.modules["time"] = _vbtime
    sys.modules["utime"] = _vbtime
    sys.modules["umachine"] = machine
    frozen = {}
    for name in os.listdir("/_vboard/frozen"):
        with open("/_vboard/frozen/" + name) as f:
            frozen[name] = f.read()
    os.umount("/")
    os.mount(_vbflash.FlashVfs(_vbfrozen.FrozenFiles(frozen)), "/")
    os.chdir("/")
    sys.path.clear()
    # ".frozen" names the firmware's frozen modules and is never looked up on a file
    # system, so the board's own frozen modules come from "/.frozen" just after.
    sys.path.extend(["", ".frozen", "/.frozen", "/lib"])
    builtins.input = _input
    os.uname = _uname
    os.urandom = _urandom
    _vboard.set_callbacks(_arm, _dispatch)
`;
