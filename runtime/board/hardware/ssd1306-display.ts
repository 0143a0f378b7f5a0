/**
 * A simulated SSD1306 128×64 OLED on I2C at 0x3C, written from the Solomon Systech
 * SSD1306 datasheet (rev 1.1): a 128×8-page display RAM (GDDRAM), the command set's
 * three addressing modes, column and page address windows, display on/off, normal or
 * inverse, entire-display-on, contrast, segment remap, COM scan direction, start line,
 * display offset and multiplex ratio. `frame()` gives what the glass shows.
 */
import type { I2cDevice } from './i2c-bus';

export const SSD1306_ADDRESS = 0x3c;
export const OLED_WIDTH = 128;
export const OLED_HEIGHT = 64;
const PAGES = OLED_HEIGHT / 8;

/** Control byte after the address (datasheet 8.1.5.2): Co (bit 7) and D/C# (bit 6). */
const CONTROL_CONTINUATION = 0x80; // Co=1: one byte follows, then another control byte
const CONTROL_DATA = 0x40; // D/C#=1: the bytes are display RAM data

/** How many argument bytes follow each multi-byte command (datasheet table 9-1). */
const ARGUMENT_COUNTS: Record<number, number> = {
  0x20: 1, // memory addressing mode
  0x21: 2, // column address: start, end
  0x22: 2, // page address: start, end
  0x26: 6, // right horizontal scroll setup
  0x27: 6, // left horizontal scroll setup
  0x29: 5, // vertical and right horizontal scroll setup
  0x2a: 5, // vertical and left horizontal scroll setup
  0x81: 1, // contrast
  0x8d: 1, // charge pump (application note)
  0xa3: 2, // vertical scroll area
  0xa8: 1, // multiplex ratio
  0xad: 1, // internal IREF (SSD1306B)
  0xd3: 1, // display offset
  0xd5: 1, // display clock divide ratio / oscillator frequency
  0xd9: 1, // pre-charge period
  0xda: 1, // COM pins hardware configuration
  0xdb: 1, // VCOMH deselect level
};

type AddressingMode = 'horizontal' | 'vertical' | 'page';
const ADDRESSING_MODES: AddressingMode[] = ['horizontal', 'vertical', 'page'];

/** What the panel needs to draw the display. */
export interface OledPicture {
  on: boolean;
  contrast: number;
  /** 128×64 pixels as shown, row by row, 16 bytes a row, bit 7 leftmost (framebuf's MONO_HLSB). */
  frame: Uint8Array;
}

export class Ssd1306Display implements I2cDevice {
  private readonly ram = new Uint8Array(OLED_WIDTH * PAGES);
  private pending: number[] = [];
  private needed = 0;
  private on = false;
  private inverse = false;
  private entireOn = false;
  private contrast = 0x7f;
  private mode: AddressingMode = 'page';
  private columnStart = 0;
  private columnEnd = OLED_WIDTH - 1;
  private pageStart = 0;
  private pageEnd = PAGES - 1;
  private column = 0;
  private page = 0;
  private segmentRemap = false;
  private comReversed = false;
  private startLine = 0;
  private offset = 0;
  private multiplex = OLED_HEIGHT;
  private dirty = true;

  /** Called whenever what the display shows may have changed. */
  onChange: () => void = () => {};

  write(data: Uint8Array): boolean {
    let i = 0;
    while (i < data.length) {
      const control = data[i++]!;
      const isData = (control & CONTROL_DATA) !== 0;
      // Co=1: exactly one byte under this control byte; Co=0: the rest of the transaction.
      const end = control & CONTROL_CONTINUATION ? Math.min(i + 1, data.length) : data.length;
      for (; i < end; i++) {
        if (isData) this.writeRam(data[i]!);
        else this.command(data[i]!);
      }
    }
    this.touch();
    return true;
  }

  read(length: number): Uint8Array {
    // A read returns the status byte: bit 6 set while the display is off.
    return new Uint8Array(length).fill(this.on ? 0x00 : 0x40);
  }

  picture(): OledPicture {
    return { on: this.on, contrast: this.contrast, frame: this.frame() };
  }

  /** True once since the last call when the picture changed. */
  takeDirty(): boolean {
    const dirty = this.dirty;
    this.dirty = false;
    return dirty;
  }

  /** The glass, pixel for pixel: RAM through remap, scan direction, start line, offset and mux. */
  frame(): Uint8Array {
    const frame = new Uint8Array((OLED_WIDTH * OLED_HEIGHT) / 8);
    if (!this.on) return frame;
    for (let com = 0; com < this.multiplex; com++) {
      const row = (com + this.startLine + this.offset) % OLED_HEIGHT;
      // The common module is mounted so that remap 1 and COM scan reversed show RAM upright.
      const y = this.comReversed ? com : this.multiplex - 1 - com;
      for (let x = 0; x < OLED_WIDTH; x++) {
        const column = this.segmentRemap ? x : OLED_WIDTH - 1 - x;
        let lit = this.entireOn || ((this.ram[(row >> 3) * OLED_WIDTH + column]! >> (row & 7)) & 1) === 1;
        if (this.inverse) lit = !lit;
        if (lit) frame[y * (OLED_WIDTH / 8) + (x >> 3)]! |= 0x80 >> (x & 7);
      }
    }
    return frame;
  }

  private touch(): void {
    this.dirty = true;
    this.onChange();
  }

  private writeRam(byte: number): void {
    this.ram[this.page * OLED_WIDTH + this.column] = byte;
    if (this.mode === 'horizontal') {
      if (++this.column > this.columnEnd) {
        this.column = this.columnStart;
        this.page = this.page >= this.pageEnd ? this.pageStart : this.page + 1;
      }
    } else if (this.mode === 'vertical') {
      if (++this.page > this.pageEnd) {
        this.page = this.pageStart;
        this.column = this.column >= this.columnEnd ? this.columnStart : this.column + 1;
      }
    } else {
      // Page mode: the column wraps to the start address, the page stays (datasheet 10.1.3).
      if (++this.column >= OLED_WIDTH) this.column = this.columnStart;
    }
  }

  private command(byte: number): void {
    if (this.needed > 0) {
      this.pending.push(byte);
      if (--this.needed === 0) this.withArguments(this.pending[0]!, this.pending.slice(1));
      return;
    }
    const count = ARGUMENT_COUNTS[byte];
    if (count) {
      this.pending = [byte];
      this.needed = count;
      return;
    }
    if (byte <= 0x0f) this.column = this.columnStart = (this.columnStart & 0xf0) | byte; // lower column nibble (page mode)
    else if (byte <= 0x1f) this.column = this.columnStart = (this.columnStart & 0x0f) | ((byte & 0x07) << 4); // higher nibble
    else if (byte >= 0x40 && byte <= 0x7f) this.startLine = byte & 0x3f;
    else if (byte === 0xa0 || byte === 0xa1) this.segmentRemap = byte === 0xa1;
    else if (byte === 0xa4 || byte === 0xa5) this.entireOn = byte === 0xa5;
    else if (byte === 0xa6 || byte === 0xa7) this.inverse = byte === 0xa7;
    else if (byte === 0xae || byte === 0xaf) this.on = byte === 0xaf;
    else if (byte >= 0xb0 && byte <= 0xb7) this.page = byte & 0x07;
    else if (byte === 0xc0 || byte === 0xc8) this.comReversed = byte === 0xc8;
    // 0x2E/0x2F (scrolling off/on) and 0xE3 (NOP): accepted, not simulated.
  }

  private withArguments(command: number, args: number[]): void {
    const [a = 0, b = 0] = args;
    switch (command) {
      case 0x20:
        this.mode = ADDRESSING_MODES[a & 0x03] ?? this.mode;
        break;
      case 0x21:
        this.columnStart = this.column = a & 0x7f;
        this.columnEnd = b & 0x7f;
        break;
      case 0x22:
        this.pageStart = this.page = a & 0x07;
        this.pageEnd = b & 0x07;
        break;
      case 0x81:
        this.contrast = a;
        break;
      case 0xa8:
        this.multiplex = Math.max(16, Math.min(OLED_HEIGHT, (a & 0x3f) + 1));
        break;
      case 0xd3:
        this.offset = a & 0x3f;
        break;
    }
  }
}
