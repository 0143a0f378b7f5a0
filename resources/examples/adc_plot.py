# Read a potentiometer and a light sensor and print them for the plotter.
# Wiring: the potentiometer's wiper on GPIO34 (ESP32) or GP26 (Pico), a light
# sensor (LDR divider) on GPIO35 (ESP32) or GP27 (Pico). The virtual board has
# both: move its potentiometer and watch the light level rise and fall.
# Each line is "name:value name:value", which the plotter draws as two series.
import sys
import time
from machine import ADC, Pin

if sys.platform == "rp2":
    pot, light = ADC(Pin(26)), ADC(Pin(27))
else:
    pot, light = ADC(Pin(34)), ADC(Pin(35))
    if sys.platform == "esp32":
        pot.atten(ADC.ATTN_11DB)  # the full 0..3.3 V range
        light.atten(ADC.ATTN_11DB)

while True:
    print("pot:%d light:%d" % (pot.read_u16(), light.read_u16()))
    time.sleep_ms(100)
