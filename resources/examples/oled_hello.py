# "Hello" and a live bar graph of the potentiometer and the light sensor on an
# SSD1306 128x64 OLED, drawn with framebuf. No driver to install: the few commands
# below are the SSD1306 datasheet's (the ssd1306 driver from micropython-lib sends
# the same ones).
# Wiring (Raspberry Pi Pico, as on the virtual board): OLED SDA to GP4, SCL to GP5,
# VCC to 3V3, GND to GND; a potentiometer's wiper on GP26 (ADC0) and a light sensor
# divider on GP27 (ADC1). Stop with Ctrl-C.
import time
import framebuf
from machine import ADC, I2C, Pin

WIDTH, HEIGHT = 128, 64
OLED = 0x3C
i2c = I2C(0, sda=Pin(4), scl=Pin(5), freq=400000)
pot = ADC(26)
light = ADC(27)


def command(*codes):
    for code in codes:
        i2c.writeto(OLED, bytes((0x80, code)))  # 0x80: one command byte follows


# Display off; horizontal addressing; start line 0; column 127 on the left edge and
# COM scan reversed (the module is mounted upside down); 64 rows; no offset;
# alternative COM pins; clock; pre-charge; VCOMH; full contrast; show RAM; not
# inverted; charge pump on; display on.
command(0xAE, 0x20, 0x00, 0x40, 0xA1, 0xA8, 63, 0xC8, 0xD3, 0x00, 0xDA, 0x12,
        0xD5, 0x80, 0xD9, 0xF1, 0xDB, 0x30, 0x81, 0xFF, 0xA4, 0xA6, 0x8D, 0x14, 0xAF)

buffer = bytearray(WIDTH * HEIGHT // 8)
screen = framebuf.FrameBuffer(buffer, WIDTH, HEIGHT, framebuf.MONO_VLSB)


def show():
    command(0x21, 0, WIDTH - 1, 0x22, 0, HEIGHT // 8 - 1)  # the whole screen
    i2c.writevto(OLED, (b"\x40", buffer))  # 0x40: display data follows


def bar(y, label, value):
    screen.text(label, 0, y)
    screen.rect(40, y, 86, 8, 1)
    screen.fill_rect(41, y + 1, value * 84 // 65535, 6, 1)


while True:
    p, l = pot.read_u16(), light.read_u16()
    screen.fill(0)
    screen.text("Hello, Pico!", 16, 4)
    screen.hline(0, 16, WIDTH, 1)
    bar(28, "pot", p)
    bar(44, "lux", l)
    show()
    print("pot:%d light:%d" % (p, l))
    time.sleep_ms(100)
