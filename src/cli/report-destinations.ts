import path from 'node:path';
import { UsageError } from '../errors.js';
import { REPORTERS, isReportFormat } from '../report/registry.js';
import type { ReportContext, Reporter } from '../report/reporter.js';
import type { Io } from './io.js';
import { openOutputFile, streamWriter, type OutputWriter } from './output-file.js';
import { detectColorLevel } from './terminal-support.js';

export interface ReportDestination {
  format: string;
  reporter: Reporter;
  writer: OutputWriter;
  /** Colour is decided per destination: only a terminal gets it. */
  colorLevel: ReportContext['colorLevel'];
  /** The file written, or undefined for stdout. */
  file?: string;
}

/**
 * Where each `--format` goes: one format → stdout or `--output`; several → `--output-dir`
 * (`tone-audit.<ext>` each), with `terminal` still on stdout so a person sees the run.
 */
export async function openDestinations(formats: string[], target: { output?: string; outputDir?: string }, io: Io): Promise<ReportDestination[]> {
  const unknown = formats.filter((f) => !isReportFormat(f));
  if (unknown.length > 0) {
    throw new UsageError(`unknown --format ${unknown.join(', ')}`, { hint: `choose from: ${Object.keys(REPORTERS).join(', ')}` });
  }
  const unique = [...new Set(formats)];
  if (unique.length > 1 && target.output) {
    throw new UsageError('--output takes one format, but several --format values were given', { hint: 'use --output-dir <dir> to write one file per format' });
  }
  const toStdout = unique.filter((f) => (target.outputDir ? f === 'terminal' : !target.output));
  if (toStdout.length > 1) {
    throw new UsageError(`several formats (${toStdout.join(', ')}) cannot share stdout`, { hint: 'add --output-dir <dir> to write one file per format' });
  }
  const destinations: ReportDestination[] = [];
  try {
    for (const format of unique) {
      const reporter = REPORTERS[format as keyof typeof REPORTERS] as Reporter;
      const file = target.outputDir && format !== 'terminal' ? path.join(target.outputDir, `tone-audit.${reporter.extension}`) : toStdout.includes(format) ? undefined : target.output;
      destinations.push({
        format,
        reporter,
        writer: file ? await openOutputFile(file) : streamWriter(io.stdout),
        colorLevel: file ? 0 : detectColorLevel(io.stdout, io.env),
        ...(file ? { file } : {}),
      });
    }
  } catch (error) {
    await Promise.all(destinations.map((d) => d.writer.abort()));
    throw error;
  }
  return destinations;
}
