/** The simulated hardware of the virtual board: pins, sensors, the OLED, NeoPixels and wiring. */

/** What a pin is used as: input, output, PWM, analog input or I2C line. */
export type PinRole = 'in' | 'out' | 'pwm' | 'adc' | 'i2c';

/** The SSD1306 OLED as shown. */
export interface OledState {
  on: boolean;
  /** 0..255, the display's contrast setting. */
  contrast: number;
  /** Base64 of 128×64 pixels, row by row, 16 bytes a row, bit 7 leftmost (framebuf MONO_HLSB). */
  frame: string;
}

/** The sliders besides the potentiometer; `null` means the sensor follows its simulated signal. */
export type VirtualSensor = 'light' | 'temperature' | 'humidity';

/** Which GPIO each movable part is wired to. */
export interface BoardWiring {
  button: number;
  servo: number;
  neopixel: number;
}

/** The simulated hardware of one running virtual board. */
export interface VirtualHardwareState {
  /** Pin number → level (0/1) for pins in use. */
  pins: Record<string, number>;
  /** The on-board LED level. */
  led: number;
  /** The potentiometer's position, 0..65535, as read by ADC on its pin. */
  potentiometer: number;
  /** PWM duty (0..65535) per pin, for pins driven as PWM. */
  pwm: Record<string, { freq: number; duty: number }>;
  /** Pin number → what the program uses it as. */
  modes: Record<string, PinRole>;
  /** The light sensor, 0..65535, or null while it follows its one-minute day. */
  light: number | null;
  /** The AHT20's air temperature (°C) and humidity (%), or null while they drift on their own. */
  temperature: number | null;
  humidity: number | null;
  /** The OLED on I2C 0x3C, null until a program first talks to it. */
  oled: OledState | null;
  /** Pin → colours (`#rrggbb`) of the 8 NeoPixels on that pin, for pins that sent a bitstream. */
  neopixels: Record<string, string[]>;
}

export interface VirtualBoardState extends VirtualHardwareState {
  /** Where the button, servo and NeoPixels are wired, remembered per virtual board. */
  wiring: BoardWiring;
}
