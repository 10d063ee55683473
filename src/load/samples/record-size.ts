import type { Problem, Sample, SourceLocation } from '../../types.js';

/**
 * Default cap on one record's text — reply, customer message and transcript together, UTF-8 — in kB
 * (1 kB = 1,000 bytes). A support reply is rarely over 5 kB; 100 kB is a pasted log or a runaway
 * generation, which would be sent (and paid for) as one huge request. `--max-record-kb` changes it.
 */
export const DEFAULT_MAX_RECORD_KB = 100;

/** UTF-8 bytes of the texts a grader reads: the reply, the customer message and every transcript turn. */
export function measureRecordText(sample: Pick<Sample, 'response' | 'customer' | 'transcript'>): number {
  let bytes = Buffer.byteLength(sample.response) + Buffer.byteLength(sample.customer);
  for (const turn of sample.transcript ?? []) bytes += Buffer.byteLength(turn.text);
  return bytes;
}

export const formatKb = (bytes: number): string => `${(bytes / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} kB`;

/** The problem of a record over `maxKb`, or undefined when it fits. */
export function checkRecordSize(sample: Sample, maxKb: number, location: SourceLocation): Problem | undefined {
  const bytes = measureRecordText(sample);
  if (bytes <= maxKb * 1000) return undefined;
  return {
    location,
    path: 'response',
    message: `the record holds ${formatKb(bytes)} of text (reply, customer message and transcript), over the ${formatKb(maxKb * 1000)} limit per record; skipped`,
    hint: 'raise the limit with --max-record-kb (config maxRecordKb) if replies this long are real',
  };
}
