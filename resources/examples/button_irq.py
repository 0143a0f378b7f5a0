# Count presses of a push button with a pin interrupt; the LED shows the button.
# Wiring (Raspberry Pi Pico, as on the virtual board): a push button between GP14
# and GND. The pin's pull-up holds it at 1; pressed, it reads 0. Stop with Ctrl-C.
import time
from machine import Pin

button = Pin(14, Pin.IN, Pin.PULL_UP)
led = Pin("LED", Pin.OUT)
DEBOUNCE_MS = 30  # a real button bounces for a few milliseconds

presses = 0
changed = False


def on_edge(pin):
    # Runs for each edge; keep it short and let the main loop do the rest.
    global changed
    changed = True


button.irq(on_edge, Pin.IRQ_FALLING | Pin.IRQ_RISING)
print("Press the button on GP14")
was_pressed = False
while True:
    if changed:
        changed = False
        time.sleep_ms(DEBOUNCE_MS)  # let the contacts settle, then look
        pressed = button.value() == 0
        if pressed != was_pressed:
            was_pressed = pressed
            led.value(pressed)
            if pressed:
                presses += 1
                print("pressed", presses)
            else:
                print("released")
    time.sleep_ms(10)
