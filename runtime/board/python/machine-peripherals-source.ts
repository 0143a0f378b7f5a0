/**
 * Python source of the virtual board's `machine.I2C`, `SoftI2C`, `Timer`, `WDT` and
 * `RTC`, spliced into the `machine` module (machine-source.ts). The bus and the timers
 * live in JS (i2c-bus.ts, board-events.ts); these classes give them the ESP32's shape.
 */
export const MACHINE_PERIPHERALS_SOURCE = String.raw`
def _buffer_arg(data):
    if isinstance(data, int):
        data = bytes([data])
    return data, _uctypes.addressof(data) if len(data) else 0


class I2C:
    def __init__(self, id=-1, *, scl=None, sda=None, freq=400000, timeout=50000):
        self._id = id
        self._freq = freq
        for pin in (scl, sda):
            if pin is not None:
                _vboard.pin_role(_pin_number(pin), "i2c")

    def init(self, *args, **kw):
        pass

    def deinit(self):
        pass

    def scan(self):
        return _json.loads(_vboard.i2c_scan())

    def writeto(self, addr, buf, stop=True):
        data, ptr = _buffer_arg(buf)
        result = _vboard.i2c_write(addr, ptr, len(data))
        if result < 0:
            raise OSError(-result)
        return result

    def writevto(self, addr, vector, stop=True):
        joined = bytearray()
        for part in vector:
            joined.extend(part)
        return self.writeto(addr, joined, stop)

    def readfrom_into(self, addr, buf, stop=True):
        if len(buf) == 0:
            return
        result = _vboard.i2c_read(addr, _uctypes.addressof(buf), len(buf))
        if result < 0:
            raise OSError(-result)

    def readfrom(self, addr, nbytes, stop=True):
        buf = bytearray(nbytes)
        self.readfrom_into(addr, buf, stop)
        return bytes(buf)

    def _mem_address(self, memaddr, addrsize):
        return bytes((memaddr >> shift) & 0xFF for shift in range(addrsize - 8, -1, -8))

    def writeto_mem(self, addr, memaddr, buf, *, addrsize=8):
        self.writeto(addr, self._mem_address(memaddr, addrsize) + bytes(buf))

    def readfrom_mem_into(self, addr, memaddr, buf, *, addrsize=8):
        self.writeto(addr, self._mem_address(memaddr, addrsize), False)
        self.readfrom_into(addr, buf)

    def readfrom_mem(self, addr, memaddr, nbytes, *, addrsize=8):
        buf = bytearray(nbytes)
        self.readfrom_mem_into(addr, memaddr, buf, addrsize=addrsize)
        return bytes(buf)

    def __repr__(self):
        return "I2C(%d, freq=%d)" % (self._id, self._freq)


class SoftI2C(I2C):
    def __init__(self, scl=None, sda=None, *, freq=400000, timeout=50000):
        super().__init__(-1, scl=scl, sda=sda, freq=freq, timeout=timeout)

    def __repr__(self):
        return "SoftI2C(freq=%d)" % self._freq


class Timer:
    ONE_SHOT = 0
    PERIODIC = 1
    _next_virtual = [1000]

    def __init__(self, id=-1, *args, **kw):
        if id == -1:
            id = Timer._next_virtual[0]
            Timer._next_virtual[0] += 1
        self._id = id
        self._callback = None
        if args or kw:
            self.init(*args, **kw)

    def init(self, *, mode=PERIODIC, period=-1, freq=-1, tick_hz=1000, callback=None):
        if freq > 0:
            period_ms = 1000 / freq
        elif period >= 0:
            period_ms = period * 1000 / tick_hz
        else:
            raise ValueError("period or freq required")
        self._callback = callback
        _timers[self._id] = self
        _vboard.timer_start(self._id, max(1, int(period_ms)), mode == Timer.PERIODIC)

    def deinit(self):
        _vboard.timer_stop(self._id)
        _timers.pop(self._id, None)

    def value(self):
        return 0

    def __repr__(self):
        return "Timer(%d)" % self._id


class WDT:
    def __init__(self, id=0, timeout=5000):
        self._timeout = timeout
        _vboard.wdt_feed(timeout)

    def feed(self):
        _vboard.wdt_feed(self._timeout)


class RTC:
    def __init__(self, id=0):
        pass

    def datetime(self, value=None):
        if value is None:
            t = _vbtime.localtime()
            us = (_vbtime.time_ns() // 1000) % 1000000
            return (t[0], t[1], t[2], t[6], t[3], t[4], t[5], us)
        year, month, day, weekday, hours, minutes, seconds = value[:7]
        wanted = _vbtime.mktime((year, month, day, hours, minutes, seconds, weekday, 0))
        _vbtime._offset += wanted - _vbtime.time()

    def init(self, value):
        self.datetime(value)
`;
