import { afterEach, describe, expect, it, vi } from 'vitest';
import { processIo } from '../../src/cli/io.js';

describe('processIo().onInterrupt', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps its SIGINT listener after the first Ctrl-C, so signal-exit does not re-raise it and kill the run', () => {
    const before = process.listenerCount('SIGINT');
    const handler = vi.fn();
    const remove = processIo().onInterrupt!(handler);
    try {
      process.emit('SIGINT');
      expect(handler).toHaveBeenCalledTimes(1);
      expect(process.listenerCount('SIGINT')).toBe(before + 1);
    } finally {
      remove();
    }
    expect(process.listenerCount('SIGINT')).toBe(before);
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
