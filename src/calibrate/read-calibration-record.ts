import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ConfigError } from '../errors.js';
import { formatPath } from '../load/styleguide/format-path.js';
import { calibrationRecordSchema, type CalibrationRecord } from './calibration-record.js';

/** Reads and validates a calibration record; every problem is a {@link ConfigError} naming the file. */
export async function readCalibrationRecord(path: string, file: string): Promise<{ record: CalibrationRecord; sha256: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`cannot read the calibration record ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? (error as Error).message)}`, {
      hint: 'write one with: tone-audit calibrate --labels <labels> <samples or --audit audit.json> --write <file>',
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new ConfigError(`the calibration record ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = calibrationRecordSchema.safeParse(data);
  if (!parsed.success) {
    throw new ConfigError(`${file} is not a tone-audit calibration record`, {
      problems: parsed.error.issues.map((issue) => ({
        location: { file, line: 1 },
        path: formatPath(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))),
        message: issue.message,
      })),
      hint: 'write one with: tone-audit calibrate … --write <file>',
    });
  }
  return { record: parsed.data as CalibrationRecord, sha256: createHash('sha256').update(bytes).digest('hex') };
}
