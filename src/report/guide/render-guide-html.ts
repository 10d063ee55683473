import type { GuideExample, Severity, StyleGuide } from '../../types.js';
import { escapeHtml } from '../escape.js';
import { describeRule, examplesCatching, groupRulesByKind, humanise, type RuleDetail } from './guide-outline.js';
import { GUIDE_STYLE } from './guide-style.js';

const e = escapeHtml;
// Nothing to load: no scripts, no network, only the inline stylesheet.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function code(text: string): string {
  return `<code>${e(text)}</code>`;
}

function badge(severity: Severity): string {
  return `<span class="badge sev-${severity}">${severity}</span>`;
}

function phrases(label: string, items: readonly string[]): string {
  return `<p class="phrases"><strong>${e(label)}:</strong> ${items.map(code).join(' ')}</p>`;
}

function detail(d: RuleDetail): string {
  switch (d.type) {
    case 'text':
      return `<p>${e(d.text)}</p>`;
    case 'list':
      return phrases(d.label, d.items);
    case 'pairs':
      return (
        `<table><thead><tr><th>${e(d.headers[0])}</th><th>${e(d.headers[1])}</th></tr></thead><tbody>` +
        d.pairs.map(([a, b]) => `<tr><td>${code(a)}</td><td>${code(b)}</td></tr>`).join('') +
        '</tbody></table>'
      );
  }
}

function exampleCard(example: GuideExample, full: boolean): string {
  const rows = [
    full ? '' : `<p class="muted">Example <a href="#example-${e(example.id)}">${code(example.id)}</a></p>`,
    example.customer ? `<p><strong>Customer:</strong> ${e(example.customer)}</p>` : '',
    `<p class="bad"><strong>Bad:</strong> ${e(example.bad)}</p>`,
    `<p class="good"><strong>Good:</strong> ${e(example.good)}</p>`,
    full && example.why ? `<p><strong>Why:</strong> ${e(example.why)}</p>` : '',
    full && example.catches.length > 0 ? `<p class="muted">Caught by: ${example.catches.map((id) => `<a href="#rule-${e(id)}">${code(id)}</a>`).join(' ')}</p>` : '',
  ];
  return `<div class="example"${full ? ` id="example-${e(example.id)}"` : ''}>${rows.join('')}</div>`;
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${e(title)}</h2>\n${body}</section>\n`;
}

function renderVoice(guide: StyleGuide): string {
  const traits = guide.voice.traits.map((trait) => {
    const list = (items: readonly string[]) => `<ul>${items.map((item) => `<li>${e(item)}</li>`).join('')}</ul>`;
    return (
      `<h3 id="trait-${e(trait.id)}">${e(humanise(trait.id))}</h3>` +
      (trait.description ? `<p>${e(trait.description)}</p>` : '') +
      `<div class="do-dont"><div class="do"><strong>Do</strong>${list(trait.do)}</div><div class="dont"><strong>Don’t</strong>${list(trait.dont)}</div></div>\n`
    );
  });
  return section('voice', 'Voice', `<p class="summary">${e(guide.voice.summary)}</p>\n${traits.join('')}`);
}

function renderDimensions(guide: StyleGuide): string {
  if (guide.dimensions.length === 0) return '';
  const body = guide.dimensions.map((d) => {
    const anchors = Object.entries(d.scale)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([score, text]) => `<tr><td class="num">${e(score)}</td><td>${e(text)}</td></tr>`)
      .join('');
    return (
      `<h3 id="dimension-${e(d.id)}">${e(d.name ?? humanise(d.id))} ${code(d.id)}</h3><p>${e(d.description)}</p>` +
      `<p class="muted">Minimum <strong>${d.min}</strong> · weight ${d.weight}</p>` +
      `<table><thead><tr><th>Score</th><th>What it looks like</th></tr></thead><tbody>${anchors}</tbody></table>\n`
    );
  });
  const intro = '<p>Every reply is scored from 1 (worst) to 5 (best) on each dimension. A reply below the minimum on any dimension is drifting.</p>\n';
  return section('dimensions', 'Dimensions', intro + body.join(''));
}

function renderRules(guide: StyleGuide): string {
  if (guide.rules.length === 0) return '';
  const body = groupRulesByKind(guide.rules).map((group) => {
    const rules = group.rules.map(
      (rule) =>
        `<div class="rule" id="rule-${e(rule.id)}"><h4>${code(rule.id)} ${badge(rule.severity)}</h4>` +
        (rule.description ? `<p>${e(rule.description)}</p>` : '') +
        (rule.message ? `<p class="muted">Message: “${e(rule.message)}”</p>` : '') +
        describeRule(rule).map(detail).join('') +
        examplesCatching(guide, rule.id).map((x) => exampleCard(x, false)).join('') +
        '</div>\n',
    );
    return `<h3>${e(group.title)}</h3>\n${rules.join('')}`;
  });
  return section('rules', 'Rules', body.join(''));
}

function renderEscalation(guide: StyleGuide): string {
  if (guide.escalation.length === 0) return '';
  const body = guide.escalation.map(
    (t) =>
      `<div class="rule" id="rule-${e(t.id)}"><h3>${code(t.id)} ${badge(t.severity)}</h3>` +
      (t.description ? `<p>${e(t.description)}</p>` : '') +
      (t.customerMentions.length > 0 ? phrases('When the customer mentions', t.customerMentions) : '') +
      (t.customerSignals.length > 0 ? phrases(t.signalsMatch === 'all' ? 'Or seems all of' : 'Or seems', t.customerSignals) : '') +
      (t.customerTopics.length > 0 ? phrases('Or raises (read by meaning)', t.customerTopics) : '') +
      (t.handoff.length > 0 ? phrases('Hand off with (besides any handoff to a person)', t.handoff) : '') +
      (t.message ? `<p class="muted">Message: “${e(t.message)}”</p>` : '') +
      examplesCatching(guide, t.id).map((x) => exampleCard(x, false)).join('') +
      '</div>\n',
  );
  const intro = '<p>These topics always go to a person. A reply must hand over: a transfer to a person or team in any phrasing, or one of the handoff phrases.</p>\n';
  return section('escalation', 'Escalation', intro + body.join(''));
}

function renderSignals(guide: StyleGuide): string {
  if (guide.signals.length === 0) return '';
  const rows = guide.signals.map((s) => `<tr><td>${code(s.id)}</td><td>${e(s.description ?? '')}</td><td class="phrases">${s.any.map(code).join(' ')}</td></tr>`);
  return section(
    'signals',
    'Customer signals',
    '<p>How rules and escalation triggers tell how a customer feels: any of these phrases in the customer’s message.</p>\n' +
      `<table><thead><tr><th>Signal</th><th>Meaning</th><th>Phrases</th></tr></thead><tbody>${rows.join('')}</tbody></table>\n`,
  );
}

function renderExamples(guide: StyleGuide): string {
  if (guide.examples.length === 0) return '';
  return section('examples', 'Examples', guide.examples.map((x) => `<h3>${code(x.id)}</h3>${exampleCard(x, true)}\n`).join(''));
}

function renderChangelog(guide: StyleGuide): string {
  if (guide.changelog.length === 0) return '';
  const rows = guide.changelog.map((c) => `<tr><td>${code(c.version)}</td><td>${e(c.date ?? '')}</td><td>${e(c.note)}</td></tr>`);
  return section('changelog', 'Changelog', `<table><thead><tr><th>Version</th><th>Date</th><th>What changed</th></tr></thead><tbody>${rows.join('')}</tbody></table>\n`);
}

/**
 * The style guide as one self-contained HTML page (inline CSS, no scripts, nothing fetched; a CSP
 * forbids loading anything), with the same content and order as {@link renderGuideMarkdown}.
 * Every string from the guide is escaped. Pure and deterministic.
 */
export function renderGuideHtml(guide: StyleGuide): string {
  const sections: [string, string, string][] = [
    ['voice', 'Voice', renderVoice(guide)],
    ['dimensions', 'Dimensions', renderDimensions(guide)],
    ['rules', 'Rules', renderRules(guide)],
    ['escalation', 'Escalation', renderEscalation(guide)],
    ['signals', 'Signals', renderSignals(guide)],
    ['examples', 'Examples', renderExamples(guide)],
    ['changelog', 'Changelog', renderChangelog(guide)],
  ];
  const present = sections.filter(([, , html]) => html !== '');
  const title = `${guide.brand}: voice and tone guide`;
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n<link rel="icon" href="data:,">\n' +
    `<title>${e(title)}</title>\n<style>${GUIDE_STYLE}</style>\n</head>\n<body>\n` +
    `<header><h1>${e(title)}</h1><p class="muted">Version <strong>${e(guide.version)}</strong> · generated from ${code(guide.source.file)} (sha256 ${code(guide.source.hash.slice(0, 12))}). The YAML file is the source of truth: change it, not this page.</p></header>\n` +
    `<nav class="toc" aria-label="Sections">${present.map(([id, label]) => `<a href="#${id}">${label}</a>`).join('')}</nav>\n` +
    `<main>\n${present.map(([, , html]) => html).join('')}</main>\n` +
    `<footer>${e(guide.brand)} · guide ${e(guide.version)}</footer>\n</body>\n</html>\n`
  );
}
