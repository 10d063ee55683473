import { afterEach, describe, expect, it, vi } from 'vitest';
import { processIo } from '../../src/cli/io.js';

describe('processIo().onInterrupt', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps one SIGINT and one SIGTERM listener for the whole process, so signal-exit does not re-raise a signal and kill the run', () => {
    processIo();
    const before = { int: process.listenerCount('SIGINT'), term: process.listenerCount('SIGTERM') };
    const handler = vi.fn();
    const remove = processIo().onInterrupt!(handler);
    try {
      process.emit('SIGINT');
      expect(handler).toHaveBeenCalledTimes(1);
    } finally {
      remove();
    }
    expect({ int: process.listenerCount('SIGINT'), term: process.listenerCount('SIGTERM') }).toEqual(before);
  });

  it('handles SIGTERM like Ctrl-C, and exits 143 on the second', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const handler = vi.fn();
    const remove = processIo().onInterrupt!(handler);
    try {
      process.emit('SIGTERM');
      expect(handler).toHaveBeenCalledTimes(1);
      process.emit('SIGTERM');
    } finally {
      remove();
    }
    expect(handler).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(143);
  });

  it('exits 130 on the second Ctrl-C without calling the handler again', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const handler = vi.fn();
    const remove = processIo().onInterrupt!(handler);
    try {
      process.emit('SIGINT');
      process.emit('SIGINT');
    } finally {
      remove();
    }
    expect(handler).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(130);
  });
});
