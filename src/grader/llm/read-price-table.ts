import { readFileSync } from 'node:fs';
import { packageFile } from '../../package-root.js';
import { GraderConfigError } from '../../errors.js';
import { priceTableSchema, type PriceTable } from './price-usage.js';

/** `data/prices.json` of the package. */
export const DEFAULT_PRICES_FILE = packageFile('data', 'prices.json');

let defaultTable: PriceTable | undefined;

/** Reads and validates a price table (synchronously: it is read once, before any grading). */
export function readPriceTable(file: string = DEFAULT_PRICES_FILE): PriceTable {
  if (file === DEFAULT_PRICES_FILE && defaultTable) return defaultTable;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new GraderConfigError(`cannot read the price table ${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = priceTableSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ location: { file, line: 1 }, path: issue.path.join('.'), message: issue.message }));
    throw new GraderConfigError(`invalid price table ${file}`, { problems });
  }
  if (file === DEFAULT_PRICES_FILE) defaultTable = parsed.data;
  return parsed.data;
}
