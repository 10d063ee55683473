import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import type { AuditResult, AuditSchemaVersion } from '../types.js';

/** Version 1 lacks only `samples[].conversation`, which every reader treats as optional. */
const READABLE_SCHEMA_VERSIONS: readonly AuditSchemaVersion[] = [1, 2];

/**
 * Reads an audit written by `--format json` (a baseline, or one point of a trend). Checks the shape
 * enough to fail with a clear message instead of a TypeError deep inside the comparison.
 */
export async function readAuditFile(file: string): Promise<AuditResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read audit ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      hint: 'write one with: tone-audit audit <samples> --format json --output <file>',
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    throw new InputError(`${file} is not valid JSON: ${message}`, {
      problems: [{ location: { file, line: lineOfJsonError(text, message) }, path: '', message: `not valid JSON: ${message}` }],
      hint: 'was the audit interrupted while being written? rerun it with --format json --output <file>',
    });
  }
  const audit = data as Partial<AuditResult>;
  const missing = (['schemaVersion', 'guide', 'grader', 'samples', 'summary'] as const).filter((key) => audit?.[key] === undefined);
  if (missing.length > 0) {
    throw new InputError(`${file} is not a tone-audit JSON result (missing ${missing.join(', ')})`, {
      problems: [{ location: { file, line: 1 }, path: missing[0]!, message: 'missing; expected the output of tone-audit audit --format json' }],
    });
  }
  if (!READABLE_SCHEMA_VERSIONS.includes(audit.schemaVersion as AuditSchemaVersion)) {
    throw new InputError(`${file} has schemaVersion ${String(audit.schemaVersion)}; this tone-audit reads schemaVersion ${READABLE_SCHEMA_VERSIONS.join(' and ')}`, {
      hint: 'rerun the baseline audit with this version of tone-audit',
    });
  }
  return audit as AuditResult;
}

function lineOfJsonError(text: string, message: string): number {
  const position = /position (\d+)/.exec(message);
  if (!position) return 1;
  return text.slice(0, Number(position[1])).split('\n').length;
}
