/**
 * Python source of the virtual board's `machine` module, shaped like the ESP32's.
 * The hardware behind it (pin levels, analog signals, the I2C sensor, timers) lives
 * in JS (hardware-model.ts) so the host can show and drive it; this file only gives
 * it the familiar classes. GPIO2 is the LED (`Pin("LED")` too; GPIO25, the Pico's
 * LED pin, is wired to the same LED).
 */
import { MACHINE_PERIPHERALS_SOURCE } from './machine-peripherals-source';

export const MACHINE_SOURCE = String.raw`
# Imported under private names: a real board's machine module has no json or uctypes member.
import json as _json
import uctypes as _uctypes
import _vboard
import _vbtime

PWRON_RESET = 1
HARD_RESET = 2
WDT_RESET = 3
DEEPSLEEP_RESET = 4
SOFT_RESET = 5

_LED = 2
_timers = {}
_irqs = {}
_freq = [160000000]


def _pin_number(pin):
    if isinstance(pin, Pin):
        return pin._id
    if isinstance(pin, str):
        if pin == "LED":
            return _LED
        if pin.startswith("GPIO") or pin.startswith("GP"):
            pin = pin[4:] if pin.startswith("GPIO") else pin[2:]
        try:
            pin = int(pin)
        except ValueError:
            raise ValueError("invalid pin")
    if not isinstance(pin, int):
        raise TypeError("invalid pin")
    if pin == 25:
        return _LED
    if pin < 0 or pin > 63:
        raise ValueError("invalid pin")
    return pin


class Pin:
    IN = 1
    OUT = 3
    OPEN_DRAIN = 7
    PULL_UP = 2
    PULL_DOWN = 1
    PULL_HOLD = 4
    IRQ_RISING = 1
    IRQ_FALLING = 2
    WAKE_LOW = 4
    WAKE_HIGH = 5
    DRIVE_0 = 0
    DRIVE_1 = 1
    DRIVE_2 = 2
    DRIVE_3 = 3

    def __init__(self, id, mode=-1, pull=-1, *, value=None, drive=None, hold=None):
        self._id = _pin_number(id)
        self._mode = None
        self._pull = None
        self.init(mode, pull, value=value)

    def init(self, mode=-1, pull=-1, *, value=None, drive=None, hold=None):
        if value is not None:
            _vboard.pin_write(self._id, 1 if value else 0)
        if mode != -1:
            self._mode = mode
        if pull != -1:
            self._pull = pull
        if mode != -1 or pull != -1:
            _vboard.pin_mode(self._id, -1 if self._mode is None else self._mode, -1 if self._pull is None else self._pull)

    def value(self, x=None):
        if x is None:
            return _vboard.pin_read(self._id)
        _vboard.pin_write(self._id, 1 if x else 0)

    def __call__(self, x=None):
        return self.value(x)

    def on(self):
        _vboard.pin_write(self._id, 1)

    def off(self):
        _vboard.pin_write(self._id, 0)

    high = on
    low = off

    def toggle(self):
        _vboard.pin_write(self._id, 1 - _vboard.pin_out(self._id))

    def mode(self, mode=None):
        if mode is None:
            return self._mode
        self.init(mode)

    def pull(self, pull=None):
        if pull is None:
            return self._pull
        self.init(-1, pull)

    def irq(self, handler=None, trigger=3, *, wake=None, hard=False):
        if handler is None:
            _irqs.pop(self._id, None)
            _vboard.pin_irq(self._id, 0)
        else:
            _irqs[self._id] = (handler, self)
            _vboard.pin_irq(self._id, trigger)
        return _PinIrq(self)

    def __repr__(self):
        return "Pin(%d)" % self._id

    def __eq__(self, other):
        return isinstance(other, Pin) and other._id == self._id

    def __hash__(self):
        return self._id


class _PinIrq:
    def __init__(self, pin):
        self._pin = pin

    def trigger(self):
        return _vboard.pin_irq_trigger(self._pin._id)


class Signal:
    def __init__(self, pin, *args, invert=False, **kw):
        self._pin = pin if isinstance(pin, Pin) else Pin(pin, *args, **kw)
        self._invert = invert

    def value(self, x=None):
        if x is None:
            return self._pin.value() ^ self._invert
        self._pin.value((1 if x else 0) ^ self._invert)

    def on(self):
        self.value(1)

    def off(self):
        self.value(0)


class ADC:
    ATTN_0DB = 0
    ATTN_2_5DB = 1
    ATTN_6DB = 2
    ATTN_11DB = 3
    WIDTH_9BIT = 9
    WIDTH_10BIT = 10
    WIDTH_11BIT = 11
    WIDTH_12BIT = 12
    CORE_TEMP = 4

    def __init__(self, pin, *, atten=ATTN_11DB):
        # A Pin or GPIO number; 0..4 are the Pico's ADC channels (GP26..GP29, then
        # the temperature sensor), as rp2's ADC(n) takes them.
        if isinstance(pin, int) and 0 <= pin <= 3:
            pin = 26 + pin
        self._source = -1 if pin == 4 and not isinstance(pin, Pin) else _pin_number(pin)
        _vboard.pin_role(self._source, "adc")
        self._atten = atten
        self._width = 12

    def read_u16(self):
        return _vboard.adc_read(self._source)

    def read(self):
        return self.read_u16() >> (16 - self._width)

    def read_uv(self):
        return self.read_u16() * 3300000 // 65535

    def atten(self, atten):
        self._atten = atten

    def width(self, bits):
        self._width = bits

    def init(self, *, atten=None):
        if atten is not None:
            self._atten = atten


class PWM:
    def __init__(self, dest, *, freq=None, duty=None, duty_u16=None, duty_ns=None, invert=False):
        self._id = _pin_number(dest)
        self._freq = 5000
        self._duty = 32768
        self.init(freq=freq, duty=duty, duty_u16=duty_u16, duty_ns=duty_ns)

    def init(self, *, freq=None, duty=None, duty_u16=None, duty_ns=None, invert=False):
        if freq is not None:
            if not 1 <= freq <= 40000000:
                raise ValueError("frequency must be from 1Hz to 40MHz")
            self._freq = int(freq)
        if duty is not None:
            self._duty = min(65535, int(duty) * 65535 // 1023)
        if duty_u16 is not None:
            self._duty = max(0, min(65535, int(duty_u16)))
        if duty_ns is not None:
            self._duty = max(0, min(65535, int(duty_ns) * self._freq * 65535 // 1000000000))
        _vboard.pwm_set(self._id, self._freq, self._duty)

    def freq(self, value=None):
        if value is None:
            return self._freq
        self.init(freq=value)

    def duty_u16(self, value=None):
        if value is None:
            return self._duty
        self.init(duty_u16=value)

    def duty(self, value=None):
        if value is None:
            return self._duty * 1023 // 65535
        self.init(duty=value)

    def duty_ns(self, value=None):
        if value is None:
            return self._duty * 1000000000 // (65535 * self._freq)
        self.init(duty_ns=value)

    def deinit(self):
        _vboard.pwm_off(self._id)

    def __repr__(self):
        return "PWM(Pin(%d), freq=%d, duty_u16=%d)" % (self._id, self._freq, self._duty)


${MACHINE_PERIPHERALS_SOURCE}
def bitstream(pin, encoding, timing, buf):
    # encoding 0 is the only one ports define: high then low, per (high_0, low_0,
    # high_1, low_1) in ns. The simulated strip needs the bytes, not the timing.
    if encoding != 0:
        raise ValueError("unknown encoding")
    if len(buf):
        _vboard.bitstream(_pin_number(pin), _uctypes.addressof(buf), len(buf))


def unique_id():
    return bytes.fromhex(_vboard.unique_id())


def freq(hz=None):
    if hz is None:
        return _freq[0]
    if hz not in (20000000, 40000000, 80000000, 160000000, 240000000):
        raise ValueError("frequency must be 20MHz, 40MHz, 80Mhz, 160MHz or 240MHz")
    _freq[0] = hz


def reset():
    _vboard.hard_reset(HARD_RESET)


def soft_reset():
    raise SystemExit


def reset_cause():
    return _vboard.reset_cause()


def idle():
    _vbtime.sleep_us(1000)


def lightsleep(ms=None):
    _vbtime.sleep_ms(ms if ms is not None else 1 << 29)


def deepsleep(ms=None):
    if ms:
        _vbtime.sleep_ms(ms)
    _vboard.hard_reset(DEEPSLEEP_RESET)


def disable_irq():
    return 0


def enable_irq(state=0):
    pass


def bootloader():
    pass
`;
