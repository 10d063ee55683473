import { Chalk, type ChalkInstance } from 'chalk';
import type { Severity } from '../../types.js';
import type { ReportContext } from '../reporter.js';

export function paint(ctx: ReportContext): ChalkInstance {
  return new Chalk({ level: ctx.colorLevel });
}

/** Error red, warning yellow, info blue: the same in every format. */
export function severityColor(c: ChalkInstance, severity: Severity): ChalkInstance {
  return severity === 'error' ? c.red : severity === 'warning' ? c.yellow : c.blue;
}
