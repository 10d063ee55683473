import type { Finding, Sample, StyleGuide } from '../../types.js';
import { redactFinding, redactOptionsForBrand, redactSample, type RedactionCounts, type RedactOptions } from '../../redact/index.js';

/** How request texts are redacted: `false` sends them verbatim (`--no-redact`). */
export type RequestRedaction = false | RedactOptions;

/** What a request is built from: the sample and findings as they may leave the machine, and the way back. */
export interface RequestView {
  sample: Sample;
  findings: readonly Finding[];
  /** Placeholder → original (empty when nothing was redacted or redaction is off). */
  map: ReadonlyMap<string, string>;
  /** Replacements in the sample's texts; undefined when redaction is off. */
  counts?: RedactionCounts;
  /** Redacts more findings (a rewrite's re-check, shown in the retry) with the sample's numbering. */
  protect: (findings: readonly Finding[]) => Finding[];
}

/** The grader's redaction settings: on by default, with the brand's own words never taken for a person's name. */
export function resolveRequestRedaction(guide: StyleGuide, redact: boolean | RedactOptions | undefined): RequestRedaction {
  if (redact === false) return false;
  return redactOptionsForBrand(guide.brand, typeof redact === 'object' ? redact : {});
}

/**
 * The sample and findings every request (scoring, rewrite, batch, count_tokens) and cache key is
 * built from: redacted together, one placeholder numbering per sample, or as they are. Pure.
 */
export function requestView(sample: Sample, findings: readonly Finding[], redaction: RequestRedaction): RequestView {
  if (redaction === false) return { sample, findings, map: new Map(), protect: (more) => [...more] };
  const redacted = redactSample(sample, findings, redaction);
  return {
    sample: redacted.sample,
    findings: redacted.findings,
    map: redacted.session.map,
    counts: redacted.counts,
    protect: (more) => more.map((f) => redactFinding(f, redacted.session)),
  };
}
