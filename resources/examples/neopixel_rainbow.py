# A rainbow running along a strip of 8 NeoPixels (WS2812).
# Wiring (Raspberry Pi Pico, as on the virtual board): the strip's DIN to GP16,
# 5V to VBUS, GND to GND. Stop with Ctrl-C.
import time
import neopixel
from machine import Pin

COUNT = 8
strip = neopixel.NeoPixel(Pin(16), COUNT)
BRIGHTNESS = 64  # of 255: NeoPixels at full power are dazzling


def wheel(position):
    """A colour of the rainbow for a position 0..255: red, green, blue, back to red."""
    position %= 256
    if position < 85:
        return (255 - position * 3, position * 3, 0)
    if position < 170:
        position -= 85
        return (0, 255 - position * 3, position * 3)
    position -= 170
    return (position * 3, 0, 255 - position * 3)


print("rainbow on GP16")
step = 0
while True:
    for i in range(COUNT):
        r, g, b = wheel(step + i * 256 // COUNT)
        strip[i] = (r * BRIGHTNESS // 255, g * BRIGHTNESS // 255, b * BRIGHTNESS // 255)
    strip.write()
    step += 4
    time.sleep_ms(40)
