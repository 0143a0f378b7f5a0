/**
 * MOCK ESP32 ROM loader, for tests only: no ESP32 or emulator runs here. It sits on
 * the peer end of a socat pty pair and answers esptool-js the way the ESP32's ROM
 * and then esptool's flasher stub do, as far as esptool-js's flow needs:
 * SLIP framing; SYNC (answered 8 times, as the ROM does); READ_REG (the chip-detect
 * magic); GET_SECURITY_INFO refused as an unknown command (the ESP32 ROM has none);
 * the RAM download of the stub (MEM_BEGIN/DATA/END, then the stub's "OHAI");
 * CHANGE_BAUDRATE; compressed flash writes (FLASH_DEFL_*), inflated into a flash
 * image held here; SPI_FLASH_MD5 over that image; ERASE_FLASH. Checksums of data
 * packets are checked like the ROM does.
 */
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { SerialPort } from 'serialport';

const SLIP_END = 0xc0; // frame delimiter
const SLIP_ESC = 0xdb; // escape: next byte is ESC_END or ESC_ESC
const SLIP_ESC_END = 0xdc; // stands for 0xC0 inside a frame
const SLIP_ESC_ESC = 0xdd; // stands for 0xDB inside a frame

const OP = {
  FLASH_BEGIN: 0x02,
  FLASH_DATA: 0x03,
  FLASH_END: 0x04,
  MEM_BEGIN: 0x05,
  MEM_END: 0x06,
  MEM_DATA: 0x07,
  SYNC: 0x08,
  WRITE_REG: 0x09,
  READ_REG: 0x0a,
  SPI_SET_PARAMS: 0x0b,
  SPI_ATTACH: 0x0d,
  CHANGE_BAUDRATE: 0x0f,
  FLASH_DEFL_BEGIN: 0x10,
  FLASH_DEFL_DATA: 0x11,
  FLASH_DEFL_END: 0x12,
  SPI_FLASH_MD5: 0x13,
  GET_SECURITY_INFO: 0x14,
  ERASE_FLASH: 0xd0,
} as const;

/** Where esptool reads the chip-detect magic, and the ESP32's value there. */
const CHIP_DETECT_MAGIC_REG = 0x40001000;
const ESP32_MAGIC = 0x00f01d83;
/** The ROM's "invalid command" error code in the status bytes. */
const ROM_INVALID_RECV_MSG = 0x05;
/** XOR seed of the data checksum. */
const CHECKSUM_MAGIC = 0xef;

export interface MockRomLog {
  commands: number[];
  stubUploaded: boolean;
  baudChanges: number[];
  erased: boolean;
}

export interface MockEspRomLoader {
  log: MockRomLog;
  /** The flash as written, 4 MiB of 0xFF to start with. */
  flash: Uint8Array;
  close(): Promise<void>;
}

export function slipEncode(payload: Uint8Array): Uint8Array {
  const out: number[] = [SLIP_END];
  for (const byte of payload) {
    if (byte === SLIP_END) out.push(SLIP_ESC, SLIP_ESC_END);
    else if (byte === SLIP_ESC) out.push(SLIP_ESC, SLIP_ESC_ESC);
    else out.push(byte);
  }
  out.push(SLIP_END);
  return Uint8Array.from(out);
}

export async function startMockEspRomLoader(peerPath: string): Promise<MockEspRomLoader> {
  const port = new SerialPort({ path: peerPath, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  const flash = new Uint8Array(4 * 1024 * 1024).fill(0xff);
  const log: MockRomLog = { commands: [], stubUploaded: false, baudChanges: [], erased: false };
  let stub = false;
  let frame: number[] | null = null;
  let escaping = false;
  let deflate: { offset: number; size: number; chunks: Buffer[] } | null = null;
  let plain: { offset: number; written: number } | null = null;

  const send = (payload: Uint8Array) => port.write(Buffer.from(slipEncode(payload)));
  const reply = (op: number, value = 0, data: Uint8Array = new Uint8Array(0), status: number[] = [0, 0]) => {
    // The ESP32 ROM sends 4 status bytes, the stub 2; esptool-js reads the first two.
    const tail = stub ? status : [...status, 0, 0];
    const body = new Uint8Array(8 + data.length + tail.length);
    const view = new DataView(body.buffer);
    body[0] = 0x01; // direction: response
    body[1] = op;
    view.setUint16(2, data.length + tail.length, true);
    view.setUint32(4, value >>> 0, true);
    body.set(data, 8);
    body.set(tail, 8 + data.length);
    send(body);
  };
  const checksum = (data: Uint8Array) => data.reduce((state, byte) => state ^ byte, CHECKSUM_MAGIC);

  const handle = (packet: Uint8Array) => {
    if (packet.length < 8 || packet[0] !== 0x00) return;
    const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
    const op = packet[1] as number;
    const size = view.getUint16(2, true);
    const chk = view.getUint32(4, true);
    const data = packet.subarray(8, 8 + size);
    const word = (i: number) => new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(i * 4, true);
    log.commands.push(op);
    switch (op) {
      case OP.SYNC:
        // The ROM answers one SYNC with eight responses; the stub with one.
        for (let i = 0; i < (stub ? 1 : 8); i++) reply(op, stub ? 0 : 0x20120707);
        return;
      case OP.READ_REG:
        return reply(op, word(0) === CHIP_DETECT_MAGIC_REG ? ESP32_MAGIC : 0);
      case OP.GET_SECURITY_INFO:
        // Unknown to the ESP32 ROM: it answers with the "invalid message" status and
        // no matching op, which esptool-js reads as "unsupported, fall back to the magic".
        return reply(0x00, 0, new Uint8Array(0), [1, ROM_INVALID_RECV_MSG]);
      case OP.WRITE_REG:
      case OP.SPI_ATTACH:
      case OP.SPI_SET_PARAMS:
      case OP.MEM_BEGIN:
        return reply(op);
      case OP.MEM_DATA:
        return reply(op, 0, undefined, checksum(data.subarray(16)) === chk ? [0, 0] : [1, 7]);
      case OP.MEM_END:
        reply(op);
        // The stub starts and says hello, as a SLIP frame of its own.
        stub = true;
        log.stubUploaded = true;
        send(new TextEncoder().encode('OHAI'));
        return;
      case OP.CHANGE_BAUDRATE:
        log.baudChanges.push(word(0));
        // A pseudo-terminal has no line speed, so only the request is recorded. serialport's
        // update() would tcflush(TCIOFLUSH) the pty: that throws away this reply whenever
        // socat has not read it yet (drain() returns once the bytes are in the pty, not once
        // they are read), and the host's next command if it came first. Under load that
        // made esptool-js time out on the reply. The real ROM drops nothing either.
        return reply(op);
      case OP.ERASE_FLASH:
        flash.fill(0xff);
        log.erased = true;
        return reply(op);
      case OP.FLASH_DEFL_BEGIN:
        deflate = { size: word(0), offset: word(3), chunks: [] };
        return reply(op);
      case OP.FLASH_DEFL_DATA: {
        const block = data.subarray(16);
        if (checksum(block) !== chk) return reply(op, 0, undefined, [1, 7]);
        deflate?.chunks.push(Buffer.from(block));
        return reply(op);
      }
      case OP.FLASH_DEFL_END: {
        if (deflate) {
          const image = inflateSync(Buffer.concat(deflate.chunks));
          flash.set(image, deflate.offset);
          deflate = null;
        }
        return reply(op);
      }
      case OP.FLASH_BEGIN:
        plain = { offset: word(3), written: 0 };
        return reply(op);
      case OP.FLASH_DATA: {
        const block = data.subarray(16);
        if (checksum(block) !== chk) return reply(op, 0, undefined, [1, 7]);
        if (plain) {
          flash.set(block, plain.offset + plain.written);
          plain.written += block.length;
        }
        return reply(op);
      }
      case OP.FLASH_END:
        plain = null;
        return reply(op);
      case OP.SPI_FLASH_MD5: {
        const digest = createHash('md5').update(flash.subarray(word(0), word(0) + word(1))).digest();
        return reply(op, 0, stub ? new Uint8Array(digest) : new TextEncoder().encode(digest.toString('hex')));
      }
      default:
        return reply(0x00, 0, new Uint8Array(0), [1, ROM_INVALID_RECV_MSG]);
    }
  };

  port.on('data', (chunk: Buffer) => {
    for (const byte of chunk) {
      if (byte === SLIP_END) {
        if (frame && frame.length > 0) handle(Uint8Array.from(frame));
        frame = [];
        escaping = false;
      } else if (frame) {
        if (escaping) {
          frame.push(byte === SLIP_ESC_END ? SLIP_END : byte === SLIP_ESC_ESC ? SLIP_ESC : byte);
          escaping = false;
        } else if (byte === SLIP_ESC) escaping = true;
        else frame.push(byte);
      }
    }
  });

  return {
    log,
    flash,
    close: () => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
}
