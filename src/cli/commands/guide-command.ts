import { readConfig } from '../../config/load-config.js';
import { resolveOptions } from '../../config/resolve-options.js';
import { formatProblem } from '../../errors.js';
import { readStyleGuide, styleGuideJsonSchema } from '../../load/styleguide/index.js';
import { compileRules, lintExamples } from '../../rules/index.js';
import path from 'node:path';
import { displayPath } from '../display-path.js';
import type { Io } from '../io.js';
import { openOutputFile } from '../output-file.js';
import { guideDisplayPath } from '../prepare-judging.js';

/**
 * `guide lint`: the guide must parse and validate (else exit 2, every problem listed), and its rules
 * must hold on its own examples: a rule that flags a good reply or misses what an example says it
 * catches fails the lint (exit 1). Rules that no example exercises are warnings.
 */
export async function runGuideLintCommand(file: string | undefined, flags: Record<string, unknown>, io: Io): Promise<number> {
  const { config } = await readConfig(io.cwd, flags.config as string | undefined);
  const options = resolveOptions(config, file ? { guide: file } : {}, io.cwd);
  const guide = await readStyleGuide(options.guide, guideDisplayPath(options.guide, io.cwd));
  const rules = compileRules(guide);
  const { errors, warnings } = lintExamples(guide, rules);
  for (const problem of errors) io.stderr.write(`error: ${formatProblem(problem)}\n`);
  for (const problem of warnings) io.stderr.write(`warning: ${formatProblem(problem)}\n`);
  const summary =
    `${guide.source.file}: ${guide.brand} guide ${guide.version} — ${guide.rules.length} rules, ` +
    `${guide.escalation.length} escalation triggers, ${guide.dimensions.length} dimensions, ${guide.examples.length} examples: ` +
    `${errors.length} error(s), ${warnings.length} warning(s)\n`;
  io.stdout.write(summary);
  return errors.length > 0 ? 1 : 0;
}

/** `guide render`: the YAML stays the single source of truth; this is the document people read. */
export async function runGuideRenderCommand(file: string | undefined, flags: Record<string, unknown>, io: Io): Promise<number> {
  const { config } = await readConfig(io.cwd, flags.config as string | undefined);
  const options = resolveOptions(config, file ? { guide: file } : {}, io.cwd);
  const guide = await readStyleGuide(options.guide, guideDisplayPath(options.guide, io.cwd));
  const { renderGuideHtml, renderGuideMarkdown } = await import('../../report/guide/index.js');
  const text = flags.format === 'html' ? renderGuideHtml(guide) : renderGuideMarkdown(guide);
  if (typeof flags.output === 'string') {
    const target = path.resolve(io.cwd, flags.output);
    const writer = await openOutputFile(target);
    await writer.write(text);
    await writer.close();
    io.stderr.write(`wrote ${displayPath(io.cwd, target)}\n`);
  } else io.stdout.write(text);
  return 0;
}

export async function runGuideSchemaCommand(io: Io): Promise<number> {
  io.stdout.write(`${JSON.stringify(styleGuideJsonSchema(), null, 2)}\n`);
  return 0;
}
