import type { GuideExample, StyleGuide } from '../../types.js';
import { mdCell, mdCode, mdTable, mdText } from '../markdown-syntax.js';
import { describeRule, examplesCatching, groupRulesByKind, humanise, type RuleDetail } from './guide-outline.js';

function detail(d: RuleDetail): string {
  switch (d.type) {
    case 'text':
      return mdText(d.text);
    case 'list':
      return `**${mdText(d.label)}:** ${d.items.map(mdCode).join(', ')}`;
    case 'pairs':
      return mdTable(
        d.headers.map(mdCell),
        d.pairs.map(([a, b]) => [mdCell(a), mdCell(b)]),
      );
  }
}

function exampleInBrief(example: GuideExample): string[] {
  return [
    `Example ${mdCode(example.id)}:`,
    '',
    `- **Customer:** ${mdText(example.customer)}`,
    `- ❌ **Bad:** ${mdText(example.bad)}`,
    `- ✅ **Good:** ${mdText(example.good)}`,
    '',
  ];
}

function renderVoice(guide: StyleGuide): string[] {
  const out = ['## Voice', '', mdText(guide.voice.summary), ''];
  for (const trait of guide.voice.traits) {
    out.push(`### ${mdText(humanise(trait.id))}`, '');
    if (trait.description) out.push(mdText(trait.description), '');
    if (trait.do.length > 0) out.push('**Do**', '', ...trait.do.map((item) => `- ✅ ${mdText(item)}`), '');
    if (trait.dont.length > 0) out.push('**Don’t**', '', ...trait.dont.map((item) => `- ❌ ${mdText(item)}`), '');
  }
  return out;
}

function renderDimensions(guide: StyleGuide): string[] {
  if (guide.dimensions.length === 0) return [];
  const out = ['## Dimensions', '', 'Every reply is scored from 1 (worst) to 5 (best) on each dimension. A reply below the minimum on any dimension is drifting.', ''];
  for (const d of guide.dimensions) {
    out.push(`### ${mdText(d.name ?? humanise(d.id))} (${mdCode(d.id)})`, '', mdText(d.description), '', `Minimum **${d.min}** · weight ${d.weight}`, '');
    const anchors = Object.entries(d.scale).sort(([a], [b]) => Number(a) - Number(b));
    out.push(mdTable(['Score', 'What it looks like'], anchors.map(([score, text]) => [score, mdCell(text)]), ['r', 'l']), '');
  }
  return out;
}

function renderRules(guide: StyleGuide): string[] {
  if (guide.rules.length === 0) return [];
  const out = ['## Rules', ''];
  for (const group of groupRulesByKind(guide.rules)) {
    out.push(`### ${mdText(group.title)}`, '');
    for (const rule of group.rules) {
      out.push(`#### ${mdCode(rule.id)} · ${rule.severity}`, '');
      if (rule.description) out.push(mdText(rule.description), '');
      if (rule.message) out.push(`Message: “${mdText(rule.message)}”`, '');
      for (const d of describeRule(rule)) out.push(detail(d), '');
      for (const example of examplesCatching(guide, rule.id)) out.push(...exampleInBrief(example));
    }
  }
  return out;
}

function renderEscalation(guide: StyleGuide): string[] {
  if (guide.escalation.length === 0) return [];
  const out = ['## Escalation', '', 'These topics always go to a person. A reply must hand over: a transfer to a person or team in any phrasing, or one of the handoff phrases.', ''];
  for (const trigger of guide.escalation) {
    out.push(`### ${mdCode(trigger.id)} · ${trigger.severity}`, '');
    if (trigger.description) out.push(mdText(trigger.description), '');
    if (trigger.customerMentions.length > 0) out.push(`**When the customer mentions:** ${trigger.customerMentions.map(mdCode).join(', ')}`, '');
    if (trigger.customerSignals.length > 0) {
      const label = trigger.signalsMatch === 'all' ? 'Or seems all of' : 'Or seems';
      out.push(`**${label}:** ${trigger.customerSignals.map(mdCode).join(', ')}`, '');
    }
    if (trigger.customerTopics.length > 0) out.push(`**Or raises (read by meaning):** ${trigger.customerTopics.map(mdCode).join(', ')}`, '');
    if (trigger.handoff.length > 0) out.push(`**Hand off with (besides any handoff to a person):** ${trigger.handoff.map(mdCode).join(', ')}`, '');
    if (trigger.message) out.push(`Message: “${mdText(trigger.message)}”`, '');
    for (const example of examplesCatching(guide, trigger.id)) out.push(...exampleInBrief(example));
  }
  return out;
}

function renderSignals(guide: StyleGuide): string[] {
  if (guide.signals.length === 0) return [];
  return [
    '## Customer signals',
    '',
    'How rules and escalation triggers tell how a customer feels: any of these phrases in the customer’s message.',
    '',
    mdTable(['Signal', 'Meaning', 'Phrases'], guide.signals.map((s) => [mdCell(s.id), mdCell(s.description ?? ''), mdCell(s.any.join(' · '))])),
    '',
  ];
}

function renderExamples(guide: StyleGuide): string[] {
  if (guide.examples.length === 0) return [];
  const out = ['## Examples', ''];
  for (const example of guide.examples) {
    out.push(`### ${mdCode(example.id)}`, '');
    if (example.customer) out.push(`**Customer:** ${mdText(example.customer)}`, '');
    out.push(`❌ **Bad:** ${mdText(example.bad)}`, '', `✅ **Good:** ${mdText(example.good)}`, '');
    if (example.why) out.push(`**Why:** ${mdText(example.why)}`, '');
    if (example.catches.length > 0) out.push(`**Caught by:** ${example.catches.map(mdCode).join(', ')}`, '');
  }
  return out;
}

function renderChangelog(guide: StyleGuide): string[] {
  if (guide.changelog.length === 0) return [];
  return ['## Changelog', '', mdTable(['Version', 'Date', 'What changed'], guide.changelog.map((e) => [mdCell(e.version), mdCell(e.date ?? ''), mdCell(e.note)])), ''];
}

/**
 * The style guide as a Markdown document for support agents and prompt engineers: voice and traits,
 * dimensions with their scales, rules by kind with the examples that show them, escalation,
 * customer signals, examples and changelog. The YAML stays the source of truth; this is a view of
 * it. Pure and deterministic.
 */
export function renderGuideMarkdown(guide: StyleGuide): string {
  const out = [
    `# ${mdText(guide.brand)}: voice and tone guide`,
    '',
    `Version **${mdText(guide.version)}** · generated from ${mdCode(guide.source.file)} (sha256 ${mdCode(guide.source.hash.slice(0, 12))}). The YAML file is the source of truth: change it, not this page.`,
    '',
    ...renderVoice(guide),
    ...renderDimensions(guide),
    ...renderRules(guide),
    ...renderEscalation(guide),
    ...renderSignals(guide),
    ...renderExamples(guide),
    ...renderChangelog(guide),
  ];
  return `${out.join('\n').trimEnd()}\n`;
}
