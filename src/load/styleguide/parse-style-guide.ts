import { createHash } from 'node:crypto';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { ConfigError } from '../../errors.js';
import type { Problem, RuleConfig, StyleGuide } from '../../types.js';
import { checkStyleGuide } from './check-style-guide.js';
import { explainIssues } from './explain-issues.js';
import { collectPositions } from './locate.js';
import type { GuidePositions } from './locate.js';
import { RULE_COMMON_KEYS } from './rule-kinds.js';
import { styleGuideSchema } from './style-guide-schema.js';
import type { RawStyleGuide } from './style-guide-schema.js';

/**
 * Parses and validates a style guide (YAML text, see docs/styleguide-format.md).
 * `file` is only used to label positions. Throws {@link ConfigError} listing every problem
 * found (YAML syntax, shape, unknown keys, duplicate ids, dangling `catches`), each at its
 * `file:line:col`; kind-specific rule options are left for the rule engine to validate.
 */
export function parseStyleGuide(text: string, file: string): StyleGuide {
  const lineCounter = new LineCounter();
  // Editors do not count a byte-order mark as a column; the hash below still covers it.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const doc = parseDocument(body, { lineCounter, prettyErrors: false, uniqueKeys: true });

  if (doc.errors.length > 0) {
    throw invalid(
      file,
      doc.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return { location: { file, line, col }, path: '', message: `YAML syntax error: ${error.message}` };
      }),
    );
  }
  if (doc.contents === null) {
    throw invalid(file, [{ location: { file, line: 1, col: 1 }, path: '', message: 'the style guide is empty' }]);
  }

  keepVersionsAsWritten(doc);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // yaml refuses aliases that expand too far ("billion laughs"): the guide's fault, not ours.
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid(file, [{ location: { file, line: 1, col: 1 }, path: '', message: `YAML aliases expand too far (${reason}); write the repeated lists out instead of nesting *aliases` }]);
  }
  const positions = collectPositions(doc, lineCounter, file);
  const result = styleGuideSchema.safeParse(data);
  const problems = [
    ...(result.success ? [] : explainIssues(result.error.issues, data, styleGuideSchema, positions, file)),
    ...checkStyleGuide(data, positions, file),
  ];
  if (!result.success || problems.length > 0) throw invalid(file, problems);

  return toStyleGuide(result.data, { file, hash: createHash('sha256').update(text, 'utf8').digest('hex') }, positions);
}

function invalid(file: string, problems: Problem[]): ConfigError {
  const sorted = dedupe(problems).sort(
    (a, b) => a.location.line - b.location.line || (a.location.col ?? 0) - (b.location.col ?? 0) || a.message.localeCompare(b.message),
  );
  const count = sorted.length === 1 ? '1 problem' : `${sorted.length} problems`;
  return new ConfigError(`invalid style guide ${file} (${count})`, {
    problems: sorted,
    hint: 'see docs/styleguide-format.md for the format',
  });
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.location.line}:${p.location.col}:${p.path}:${p.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

// YAML reads `version: 2026.10` as the float 2026.1; a version means what the author typed.
function keepVersionsAsWritten(doc: Document): void {
  const keep = (node: unknown) => {
    if (isScalar(node) && typeof node.value === 'number' && typeof node.source === 'string' && node.source !== '') {
      node.value = node.source;
    }
  };
  if (!isMap(doc.contents)) return;
  keep(doc.contents.get('version', true));
  const changelog = doc.contents.get('changelog', true);
  if (isSeq(changelog)) for (const entry of changelog.items) if (isMap(entry)) keep(entry.get('version', true));
}

function toStyleGuide(raw: RawStyleGuide, source: StyleGuide['source'], positions: GuidePositions): StyleGuide {
  return {
    brand: raw.brand,
    version: String(raw.version),
    changelog: raw.changelog.map((entry) => ({
      version: String(entry.version),
      ...(entry.date !== undefined && { date: entry.date }),
      note: entry.note,
    })),
    voice: {
      summary: raw.voice.summary,
      traits: raw.voice.traits.map((t) => ({ id: t.id, ...(t.description !== undefined && { description: t.description }), do: t.do, dont: t.dont })),
    },
    dimensions: raw.dimensions.map((d) => ({
      id: d.id,
      ...(d.name !== undefined && { name: d.name }),
      description: d.description,
      scale: Object.fromEntries(Object.entries(d.scale).map(([score, anchor]) => [Number(score), anchor as string])),
      min: d.min,
      weight: d.weight,
    })),
    rules: raw.rules.map(toRuleConfig),
    escalation: raw.escalation.map((e) => ({
      id: e.id,
      ...(e.description !== undefined && { description: e.description }),
      customerMentions: e.customer_mentions,
      customerSignals: e.customer_signals,
      signalsMatch: e.signals_match,
      customerTopics: e.customer_topics,
      handoff: e.handoff,
      severity: e.severity,
      ...(e.message !== undefined && { message: e.message }),
    })),
    signals: Object.entries(raw.signals).map(([id, signal]) => ({
      id,
      ...(signal.description !== undefined && { description: signal.description }),
      any: signal.any,
    })),
    examples: raw.examples.map((example, index) => ({
      id: example.id ?? `example-${index + 1}`,
      ...(example.transcript !== undefined && { transcript: example.transcript }),
      customer: example.customer,
      bad: example.bad,
      good: example.good,
      why: example.why,
      catches: example.catches,
    })),
    scoredExamples: raw.scored_examples.map((example, index) => ({
      id: example.id ?? `scored-example-${index + 1}`,
      customer: example.customer,
      reply: example.reply,
      verdict: example.verdict,
      scores: example.scores,
      why: example.why,
    })),
    source,
    positions: positions.values,
  };
}

function toRuleConfig(rule: RawStyleGuide['rules'][number], index: number): RuleConfig {
  const common = new Set<string>(RULE_COMMON_KEYS);
  const options = Object.fromEntries(Object.entries(rule).filter(([key]) => !common.has(key)));
  const customer = rule.when?.customer;
  return {
    id: rule.id,
    kind: rule.kind,
    severity: rule.severity,
    ...(rule.message !== undefined && { message: rule.message }),
    ...(rule.description !== undefined && { description: rule.description }),
    ...(rule.when !== undefined && { when: customer === undefined ? {} : { customer: typeof customer === 'string' ? [customer] : customer } }),
    options,
    index,
  };
}
