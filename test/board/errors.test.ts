/** Typed board errors and their one mapping onto the wire. */
import { describe, expect, it } from 'vitest';
import { BoardDisconnectedError, BoardExecError, DiskFullError, NotSupportedError, PortAccessError, TransferCancelledError, toWireError } from '../../main/board/errors';
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
