import type { Io, OutputStream } from './io.js';

/**
 * Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org);
 * FORCE_COLOR=0..3 overrides both, as chalk users expect.
 */
export function detectColorLevel(stream: Pick<OutputStream, 'isTTY'>, env: Io['env']): 0 | 1 | 2 | 3 {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    const level = force === 'true' ? 1 : Number(force);
    return level >= 3 ? 3 : level >= 2 ? 2 : level >= 1 ? 1 : 0;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!stream.isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return env.TERM?.includes('256') ? 2 : 1;
}
