/**
 * Python source of `_vbtime`, installed as `time` and `utime`. The build's own
 * `time.sleep` busy-waits and cannot be interrupted; this one waits in the host
 * (Atomics.wait), wakes for Ctrl-C and runs timer and pin callbacks meanwhile, and
 * gives a board's microsecond ticks. Everything else comes from the build's `time` module.
 */
export const TIME_SOURCE = String.raw`
import _vboard
import time as _t
from time import *

# Seconds added by machine.RTC().datetime(...), as setting a board's clock does.
_offset = 0


def ticks_us():
    return _vboard.ticks_us()


# Sleeping happens in the host: see sleep() in board-bridge.ts.
sleep = _vboard.sleep
sleep_ms = _vboard.sleep_ms
sleep_us = _vboard.sleep_us


def time():
    return _t.time() + _offset


def time_ns():
    return _t.time_ns() + _offset * 1000000000


def localtime(secs=None):
    return _t.localtime(time() if secs is None else secs)


def gmtime(secs=None):
    return _t.gmtime(time() if secs is None else secs)
`;
