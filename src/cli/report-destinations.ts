import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { UsageError } from '../errors.js';
import { createGithubAnnotator } from '../report/github.js';
import { countJunitCases, prepareJunitCase, renderJunitCase, renderJunitHead, renderJunitTail, type JunitCase } from '../report/junit.js';
import { REPORTERS, isReportFormat } from '../report/registry.js';
import type { AuditFooter, ReportContext, Reporter } from '../report/reporter.js';
import { createTerminalReporter } from '../report/terminal.js';
import type { AuditHeader } from '../types.js';
import { displayPath } from './display-path.js';
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
 *
 * `github` always goes to stdout, because that is where the Actions runner reads workflow commands
 * (only `--format github --output <file>` alone writes it to a file): with `--output-dir`, with
 * `--output` for another format, and beside `terminal`, whose report then comes first and the
 * annotations after it. Whenever a terminal report shares stdout with annotations, or runs on
 * Actions (`GITHUB_ACTIONS=true`), it is fenced with `::stop-commands::` so a line of bot text
 * such as `::add-mask::…` is shown, never run.
 */
export async function openDestinations(formats: string[], target: { output?: string; outputDir?: string; color?: boolean }, io: Io): Promise<ReportDestination[]> {
  const unknown = formats.filter((f) => !isReportFormat(f));
  if (unknown.length > 0) {
    throw new UsageError(`unknown --format ${unknown.join(', ')}`, { hint: `choose from: ${Object.keys(REPORTERS).join(', ')}` });
  }
  const unique = [...new Set(formats)];
  const githubToFile = unique.length === 1 && unique[0] === 'github' && target.output !== undefined && !target.outputDir;
  const annotations = unique.includes('github') && !githubToFile;
  const others = unique.filter((f) => f !== 'github' || githubToFile);
  if (others.length > 1 && target.output) {
    throw new UsageError('--output takes one format, but several --format values were given', { hint: 'use --output-dir <dir> to write one file per format' });
  }
  const toStdout = others.filter((f) => (target.outputDir ? f === 'terminal' : !target.output));
  if (toStdout.length > 1) {
    throw new UsageError(`several formats (${toStdout.join(', ')}) cannot share stdout`, { hint: 'add --output-dir <dir> to write one file per format' });
  }
  if (annotations && toStdout.some((f) => f !== 'terminal')) {
    throw new UsageError(`--format github prints workflow commands on stdout, which ${toStdout.join(', ')} cannot share`, {
      hint: `add --output-dir <dir>, or --output <file> for ${toStdout.join(', ')}`,
    });
  }
  const fileOf = (format: string): string | undefined => {
    const reporter = REPORTERS[format as keyof typeof REPORTERS] as Reporter;
    if (target.outputDir && format !== 'terminal') return path.join(target.outputDir, `tone-audit.${reporter.extension}`);
    return toStdout.includes(format) ? undefined : target.output;
  };
  const fenceTerminal = annotations || io.env.GITHUB_ACTIONS === 'true';

  const destinations: ReportDestination[] = [];
  try {
    for (const format of others) {
      const file = fileOf(format);
      // The terminal reporter counts the replies it lists, so each run gets its own.
      const plain = format === 'terminal' ? createTerminalReporter() : (REPORTERS[format as keyof typeof REPORTERS] as Reporter);
      const { reporter, writer } = format === 'junit' ? await openJunitDestination(file, io) : { reporter: plain, writer: file ? await openOutputFile(file) : streamWriter(io.stdout) };
      destinations.push({
        format,
        reporter,
        writer: !file && format === 'terminal' && fenceTerminal ? fenceWorkflowCommands(writer, randomBytes(16).toString('hex')) : writer,
        colorLevel: file ? 0 : detectColorLevel(io.stdout, io.env, target.color),
        ...(file ? { file } : {}),
      });
    }
    // Last, so the annotations follow every other report on stdout.
    if (annotations) {
      const fullReport = [
        ...destinations.filter((d) => d.file && d.format !== 'terminal').map((d) => displayPath(io.cwd, d.file!)),
        ...(io.env.GITHUB_ACTIONS === 'true' && io.env.GITHUB_STEP_SUMMARY ? ['the job summary'] : []),
        ...(destinations.some((d) => d.format === 'terminal' && !d.file) ? ['the terminal report in this step’s log'] : []),
      ];
      destinations.push({ format: 'github', reporter: createGithubAnnotator({ fullReport }), writer: streamWriter(io.stdout), colorLevel: 0 });
    }
  } catch (error) {
    await Promise.all(destinations.map((d) => d.writer.abort()));
    throw error;
  }
  return destinations;
}

/**
 * Brackets everything written with `::stop-commands::<token>` … `::<token>::`: the Actions runner
 * runs no workflow command in between. The token is random per run, so bot text cannot end it.
 */
export function fenceWorkflowCommands(writer: OutputWriter, token: string): OutputWriter {
  let started = false;
  let endsWithNewline = true;
  const stop = async () => {
    if (!started) return;
    started = false;
    await writer.write(`${endsWithNewline ? '' : '\n'}::${token}::\n`);
  };
  return {
    write: async (chunk) => {
      if (chunk === '') return;
      if (!started) await writer.write(`::stop-commands::${token}\n`);
      started = true;
      endsWithNewline = chunk.endsWith('\n');
      await writer.write(chunk);
    },
    close: async () => {
      await stop();
      await writer.close();
    },
    abort: async () => {
      await stop();
      await writer.abort();
    },
  };
}

/**
 * JUnit needs the samples suite's counts in its opening tag, known only once the gate is. So each
 * sample's prepared testcase (and the time since the previous one) is spooled as a JSON line to a
 * temp file as it is judged, and the document is assembled on close: head with counts, the
 * spooled cases, tail. Memory stays bounded however many samples; the spool costs about the
 * report's size in temp disk space, and is removed.
 */
async function openJunitDestination(file: string | undefined, io: Io): Promise<{ reporter: Reporter; writer: OutputWriter }> {
  const final = file ? await openOutputFile(file) : streamWriter(io.stdout);
  const spoolFile = path.join(tmpdir(), `tone-audit-junit-${randomBytes(8).toString('hex')}.jsonl`);
  let spool: OutputWriter;
  try {
    spool = await openOutputFile(spoolFile);
  } catch (error) {
    await final.abort();
    throw error;
  }
  const counts = countJunitCases([]);
  let run: { header: AuditHeader; started: number; last: number } | undefined;
  let finished: { footer: AuditFooter; ctx: ReportContext; seconds: number } | undefined;
  const clock = () => io.now().getTime();

  const reporter: Reporter = {
    extension: 'xml',
    begin: (header) => {
      const now = clock();
      run = { header, started: now, last: now };
      return '';
    },
    sample: (result) => {
      const now = clock();
      // With one reply judged at a time this is the time spent on it; with concurrent LLM calls, its
      // share of the wall clock. Either way the testcases add up to the suite's time.
      const seconds = run ? (now - run.last) / 1000 : 0;
      if (run) run.last = now;
      const prepared = prepareJunitCase(result);
      const counted = countJunitCases([prepared]);
      counts.samples += counted.samples;
      counts.drifting += counted.drifting;
      counts.ungraded += counted.ungraded;
      return `${JSON.stringify([seconds, prepared])}\n`;
    },
    end: (_header, footer, ctx) => {
      finished = { footer, ctx, seconds: run ? (run.last - run.started) / 1000 : 0 };
      return '';
    },
  };

  const writer: OutputWriter = {
    write: (chunk) => (chunk === '' ? Promise.resolve() : spool.write(chunk)),
    close: async () => {
      try {
        await spool.close();
        if (!run || !finished) throw new Error('the JUnit report was closed before the audit ended');
        const { footer, ctx, seconds } = finished;
        await final.write(renderJunitHead(run.header, footer, ctx, counts, { timestamp: new Date(run.started).toISOString().slice(0, 19), seconds }));
        const lines = createInterface({ input: createReadStream(spoolFile, 'utf8'), crlfDelay: Infinity });
        for await (const line of lines) {
          if (line === '') continue;
          const [caseSeconds, prepared] = JSON.parse(line) as [number, JunitCase];
          await final.write(renderJunitCase(prepared, footer.gate.passed, caseSeconds));
        }
        await final.write(renderJunitTail(run.header, footer));
        await final.close();
      } catch (error) {
        await final.abort();
        throw error;
      } finally {
        await rm(spoolFile, { force: true });
      }
    },
    abort: async () => {
      await spool.abort();
      await rm(spoolFile, { force: true });
      await final.abort();
    },
  };
  return { reporter, writer };
}
