# Sweep a hobby servo (SG90) from 0 to 180 degrees and back.
# Wiring (Raspberry Pi Pico, as on the virtual board): the servo's signal (orange)
# to GP15, its power (red) to VBUS, ground (brown) to GND. Stop with Ctrl-C.
import time
from machine import PWM, Pin

servo = PWM(Pin(15))
servo.freq(50)  # a pulse every 20 ms


def move(angle):
    # 0.5 ms is 0 degrees, 2.5 ms is 180 degrees.
    servo.duty_ns(500_000 + angle * 2_000_000 // 180)


while True:
    for angle in list(range(0, 181, 15)) + list(range(165, 0, -15)):
        move(angle)
        print("angle:", angle)
        time.sleep_ms(250)
