# Blink the on-board LED once a second.
# Runs unchanged on the virtual board, an ESP32 DevKit (LED on GPIO2) and a
# Raspberry Pi Pico or Pico W (the pin named "LED"). Stop it with Ctrl-C.
import time
from machine import Pin

try:
    led = Pin("LED", Pin.OUT)  # Pico, Pico W and the virtual board
except (TypeError, ValueError):
    led = Pin(2, Pin.OUT)  # ESP32 DevKit boards

while True:
    led.toggle()
    print("LED", "on" if led.value() else "off")
    time.sleep(0.5)
