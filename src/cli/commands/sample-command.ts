import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { formatProblem } from '../../errors.js';
import { formatRecords, runSample, type Allocation } from '../../sample/index.js';
import type { InputFormat } from '../../types.js';
import type { Io } from '../io.js';
import { openOutputFile } from '../output-file.js';

/**
 * `tone-audit sample`: a reproducible random sample of logs, written in the format the audit reads,
 * so `sample … | audit -` works. Without `--seed` a random one is drawn and printed, so any sample
 * can be reproduced later.
 */
export async function runSampleCommand(logs: string[], flags: Record<string, unknown>, io: Io): Promise<number> {
  const seed = (flags.seed as string | undefined) ?? randomBytes(4).toString('hex');
  let shown = 0;
  const { records, stats } = await runSample(
    {
      inputs: logs,
      seed,
      ...(flags.size !== undefined ? { size: flags.size as number } : {}),
      ...(flags.margin !== undefined ? { margin: flags.margin as number } : {}),
      ...(flags.confidence !== undefined ? { confidence: flags.confidence as number } : {}),
      ...(flags.stratifyBy ? { stratifyBy: flags.stratifyBy as string } : {}),
      ...(flags.allocation ? { allocation: flags.allocation as Allocation } : {}),
      ...(flags.since ? { since: flags.since as string } : {}),
      ...(flags.until ? { until: flags.until as string } : {}),
      ...(flags.timestampField ? { timestampField: flags.timestampField as string } : {}),
      ...(flags.inputFormat ? { inputFormat: flags.inputFormat as InputFormat } : {}),
      strict: flags.strict === true,
      onProblem: (problem) => {
        shown += 1;
        if (shown <= 20) io.stderr.write(`warning: ${formatProblem(problem)} (record skipped)\n`);
      },
    },
    { stdin: io.stdin, cwd: io.cwd },
  );
  const text = formatRecords(records, stats.format);
  if (typeof flags.output === 'string') {
    const file = path.resolve(io.cwd, flags.output);
    const writer = await openOutputFile(file);
    await writer.write(text);
    await writer.close();
  } else io.stdout.write(text);
  if (shown > 20) io.stderr.write(`warning: … and ${shown - 20} more skipped records\n`);
  io.stderr.write(`${stats.explanation}\n`);
  if (stats.strata) io.stderr.write(`strata: ${stats.strata.map((s) => `${s.key} ${s.allocated}/${s.population}`).join(', ')}\n`);
  if (flags.seed === undefined) io.stderr.write(`seed: ${seed} (pass --seed ${seed} to draw the same sample again)\n`);
  return 0;
}
