import { anthropic } from './anthropic.js';
import type { ImportFormat } from './format-names.js';
import { freshdesk } from './freshdesk.js';
import type { Importer } from './importer.js';
import { intercom } from './intercom.js';
import { langfuse } from './langfuse.js';
import { openai } from './openai.js';
import { salesforce } from './salesforce.js';
import { zendesk } from './zendesk.js';

/** Every importer, by its `--input-format` name. Adding a platform is one module and one entry here. */
export const IMPORTERS: Readonly<Record<ImportFormat, Importer>> = {
  zendesk,
  intercom,
  freshdesk,
  salesforce,
  openai,
  anthropic,
  langfuse,
};

/**
 * The importer whose shape a record unmistakably has, or undefined (then the record is read as a
 * plain sample). Only one importer may claim a shape: when two would, neither is chosen.
 */
export function detectImporter(record: unknown): Importer | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  const matches = Object.values(IMPORTERS).filter((importer) => importer.detect?.(record as Record<string, unknown>) === true);
  return matches.length === 1 ? matches[0] : undefined;
}
