/** Typed board errors and their one mapping onto the wire. */
import { describe, expect, it } from 'vitest';
import { BoardDisconnectedError, BoardExecError, BoardMemoryError, DiskFullError, NotSupportedError, PortAccessError, TransferCancelledError, isCompileMemoryError, toWireError } from '../../main/board/errors';
import { classifyOpenError } from '../../main/board/serial-transport';

describe('board errors', () => {
  it('reads the exception type and errno from a traceback', () => {
    const error = new BoardExecError('Traceback (most recent call last):\r\n  File "<stdin>", line 1, in <module>\r\nOSError: [Errno 2] ENOENT');
    expect(error.exceptionType).toBe('OSError');
    expect(error.errno).toBe(2);
    expect(error.errnoName).toBe('ENOENT');
    expect(new BoardExecError('OSError: 28').errno).toBe(28);
    expect(new BoardExecError('OSError: no more storage space').errno).toBe(28);
    expect(toWireError(error)).toMatchObject({ code: 'board-exec', errno: 2, detail: expect.stringContaining('Traceback') });
  });

  it('tells a MemoryError of the compiler (nothing ran) from one of running code', () => {
    // As the QEMU micro:bit (MicroPython 1.9.2) printed them: the guarded command's exec, the outer source, running code.
    expect(isCompileMemoryError('Traceback (most recent call last):\r\n  File "<stdin>", line 4, in <module>\r\n  File "<string>", line 1\r\nMemoryError: parser could not allocate enough memory')).toBe(true);
    expect(isCompileMemoryError('MemoryError: memory allocation failed, allocating 606 bytes')).toBe(true);
    expect(isCompileMemoryError('Traceback (most recent call last):\r\n  File "<stdin>", line 2, in <module>\r\nMemoryError: memory allocation failed, allocating 128 bytes')).toBe(false);
    expect(isCompileMemoryError('Traceback (most recent call last):\r\n  File "<stdin>", line 1\r\nSyntaxError: invalid syntax')).toBe(false);
    const wire = toWireError(new BoardMemoryError('MemoryError: parser could not allocate enough memory'));
    expect(wire).toMatchObject({ code: 'board-exec', message: expect.stringContaining('out of memory'), hint: expect.stringContaining('Soft-reset') });
  });

  it('names the group and the usermod command for permission problems', () => {
    const wire = toWireError(new PortAccessError('/dev/ttyACM0', 'dialout'));
    expect(wire.code).toBe('permission-denied');
    if (process.platform === 'linux') expect(wire.hint).toContain('sudo usermod -aG dialout $USER');
    const classified = classifyOpenError('/dev/ttyACM0', Object.assign(new Error('Error: Permission denied, cannot open /dev/ttyACM0'), { code: 'EACCES' }));
    expect(classified).toBeInstanceOf(PortAccessError);
  });

  it('maps every error class to its wire code and keeps the cause', () => {
    const cause = new Error('EIO');
    expect(toWireError(new BoardDisconnectedError(undefined, cause)).code).toBe('disconnected');
    expect(new BoardDisconnectedError(undefined, cause).cause).toBe(cause);
    expect(toWireError(new DiskFullError('/a.py')).code).toBe('disk-full');
    expect(toWireError(new NotSupportedError('no folders')).code).toBe('not-supported');
    expect(toWireError(new TransferCancelledError()).code).toBe('cancelled');
    expect(toWireError(new Error('boom'))).toEqual({ code: 'internal', message: 'boom' });
    expect(new DiskFullError('/a.py').toWire().message).toContain('unchanged');
  });
});
