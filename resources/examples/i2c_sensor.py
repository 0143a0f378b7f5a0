# Scan the I2C bus and read an AHT20 temperature and humidity sensor (address 0x38).
# Wiring: SDA to GPIO21 and SCL to GPIO22 (ESP32), or SDA to GP4 and SCL to GP5
# (Pico). The virtual board has an AHT20 on its bus whatever the pins.
import sys
import time
from machine import I2C, Pin

AHT20 = 0x38

if sys.platform == "rp2":
    i2c = I2C(0, sda=Pin(4), scl=Pin(5), freq=100000)
else:
    i2c = I2C(0, sda=Pin(21), scl=Pin(22), freq=100000)

found = i2c.scan()
print("I2C devices:", [hex(address) for address in found])


def read_aht20():
    i2c.writeto(AHT20, b"\xac\x33\x00")  # start a measurement
    time.sleep_ms(80)
    while i2c.readfrom(AHT20, 1)[0] & 0x80:  # busy bit
        time.sleep_ms(5)
    data = i2c.readfrom(AHT20, 6)
    humidity = ((data[1] << 12) | (data[2] << 4) | (data[3] >> 4)) * 100 / 1048576
    celsius = (((data[3] & 0x0F) << 16) | (data[4] << 8) | data[5]) * 200 / 1048576 - 50
    return celsius, humidity


if AHT20 in found:
    i2c.writeto(AHT20, b"\xbe\x08\x00")  # initialise (calibrate)
    time.sleep_ms(10)
    for _ in range(5):
        print("temperature:%.2f humidity:%.1f" % read_aht20())
        time.sleep(1)
else:
    print("No AHT20 at 0x38: check the wiring.")
