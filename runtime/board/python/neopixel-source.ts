/**
 * Python source of the board's own `neopixel` module, written from the MicroPython
 * documentation (library/neopixel.html, and `machine.bitstream`) and the WS2812
 * datasheet, as boards have it frozen in their firmware: `NeoPixel(pin, n, *, bpp=3,
 * timing=1)`, `np[i] = (r, g, b)`, `fill`, `len` and `write`. The wire order is green,
 * red, blue (then white on RGBW parts), sent with `machine.bitstream` encoding 0.
 */
export const NEOPIXEL_SOURCE = String.raw`
from machine import bitstream

# WS2812 bit times in ns, (high for 0, low for 0, high for 1, low for 1), from the
# datasheet's T0H/T0L/T1H/T1L at 800 kHz, and twice as long for 400 kHz parts.
_TIMING_800KHZ = (400, 850, 800, 450)
_TIMING_400KHZ = (800, 1700, 1600, 900)
# Where red, green, blue and white go in each pixel's bytes on the wire.
_WIRE_SLOT = (1, 0, 2, 3)


class NeoPixel:
    def __init__(self, pin, n, *, bpp=3, timing=1):
        if bpp not in (3, 4):
            raise ValueError("bpp must be 3 or 4")
        self.pin = pin
        self.n = n
        self.bpp = bpp
        self.buf = bytearray(n * bpp)
        if isinstance(timing, int):
            timing = _TIMING_800KHZ if timing else _TIMING_400KHZ
        self.timing = timing
        pin.init(pin.OUT)

    def __len__(self):
        return self.n

    def _base(self, index):
        if index < 0:
            index += self.n
        if not 0 <= index < self.n:
            raise IndexError("pixel index out of range")
        return index * self.bpp

    def __setitem__(self, index, colour):
        base = self._base(index)
        for channel in range(self.bpp):
            self.buf[base + _WIRE_SLOT[channel]] = colour[channel]

    def __getitem__(self, index):
        base = self._base(index)
        return tuple(self.buf[base + _WIRE_SLOT[channel]] for channel in range(self.bpp))

    def fill(self, colour):
        pixel = bytearray(self.bpp)
        for channel in range(self.bpp):
            pixel[_WIRE_SLOT[channel]] = colour[channel]
        self.buf[:] = bytes(pixel) * self.n

    def write(self):
        bitstream(self.pin, 0, self.timing, self.buf)
`;
