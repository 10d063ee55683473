import type { ReportContext } from '../report/reporter.js';
import type { Io, OutputStream } from './io.js';

/**
 * The colour level for a stream, strongest say first: `--color` / `--no-color` (`flag`), then
 * FORCE_COLOR=0..3 (as chalk users expect), then NO_COLOR (https://no-color.org), then whether
 * the stream is a terminal. `--color` on a stream that is not a terminal means 16 colours.
 */
export function detectColorLevel(stream: Pick<OutputStream, 'isTTY'>, env: Io['env'], flag?: boolean): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    const level = force === 'true' ? 1 : Number(force);
    const forced = level >= 3 ? 3 : level >= 2 ? 2 : level >= 1 ? 1 : 0;
    return flag === true ? (forced === 0 ? 1 : forced) : forced;
  }
  if (flag === true) return stream.isTTY ? detectDepth(env) : 1;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!stream.isTTY || env.TERM === 'dumb') return 0;
  return detectDepth(env);
}

function detectDepth(env: Io['env']): 1 | 2 | 3 {
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return env.TERM?.includes('256') ? 2 : 1;
}

/** Used when stdout is not a terminal and COLUMNS is not set: what most terminals and CI log viewers show. */
export const DEFAULT_COLUMNS = 80;

/**
 * Columns to wrap the terminal report at: the terminal's width; when stdout is not a terminal
 * (a pipe, a CI log), `COLUMNS` if set, else {@link DEFAULT_COLUMNS}.
 */
export function detectColumns(stream: Pick<OutputStream, 'isTTY' | 'columns'>, env: Io['env']): number {
  if (stream.isTTY && stream.columns !== undefined && stream.columns > 0) return stream.columns;
  const fromEnv = Number(env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_COLUMNS;
}

/**
 * How the terminal report is laid out: wrapped to the columns of stdout (not wrapped when it goes
 * to a file), how many replies it lists.
 */
export function terminalLayout(options: { quiet: boolean; show: number | 'all'; output?: string }, io: Pick<Io, 'stdout' | 'env'>): Pick<ReportContext, 'width' | 'quiet' | 'showLimit'> {
  return {
    ...(options.output ? {} : { width: detectColumns(io.stdout, io.env) }),
    ...(options.quiet ? { quiet: true } : {}),
    ...(options.show === 'all' ? {} : { showLimit: options.show }),
  };
}
