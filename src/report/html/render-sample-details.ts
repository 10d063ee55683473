import { applySuggestions, diffWords } from '../../diff/index.js';
import type { Finding, Grade, SampleResult } from '../../types.js';
import { escapeHtml } from '../escape.js';
import { markSpans } from './mark-spans.js';
import { channelOf, sampleAnchor } from './sample-facts.js';

/** One detail card per selected sample, in the order given (worst first). */
export function renderSampleDetails(samples: readonly SampleResult[], indexes: readonly number[], omitted: number): string {
  if (indexes.length === 0) return '<p class="note">No reply drifted.</p>';
  let out = '';
  if (omitted > 0) out += `<p class="callout info">Showing the ${indexes.length} worst drifting replies; ${omitted} more are listed in the table above only.</p>`;
  // Collapsed by default so the page stays short; the button (shown only with JavaScript) opens them all.
  out += '<p class="detail-controls" hidden><button type="button" id="expand-all" aria-controls="details">Expand all</button></p>';
  for (const index of indexes) out += renderCard(samples[index]!, index);
  return out;
}

function renderCard(sample: SampleResult, index: number): string {
  const channel = channelOf(sample);
  const where = `${sample.source.file}:${sample.source.line}`;
  const rules = [...new Set(sample.findings.map((f) => f.ruleId))];
  let out = `<details class="detail" id="${sampleAnchor(index)}"><summary><h3><span class="detail-id">${escapeHtml(sample.id)}</span> <span class="verdict verdict-${sample.verdict}">${sample.verdict}</span>`;
  out += ` <span class="muted detail-where">${escapeHtml(where)}${channel ? ` · ${escapeHtml(channel)}` : ''}</span>`;
  out += `${rules.length > 0 ? ` <span class="detail-rules">${rules.map((r) => `<code>${escapeHtml(r)}</code>`).join(' ')}</span>` : ''}<a class="back" href="#replies">back to table ↑</a></h3></summary>`;
  out += `<div class="exchange"><div><h4>Customer</h4><blockquote class="text customer">${sample.customer ? escapeHtml(sample.customer) : '<span class="muted">(no customer message)</span>'}</blockquote></div>`;
  out += `<div><h4>Reply</h4><blockquote class="text reply">${markSpans(sample.response, sample.findings)}</blockquote></div></div>`;
  if (sample.findings.length > 0) out += `<h4>Findings</h4><ul class="findings">${sample.findings.map(renderFinding).join('')}</ul>`;
  if (sample.grade) out += renderGrade(sample.grade);
  out += renderRewrite(sample);
  return `${out}</details>`;
}

function renderFinding(f: Finding): string {
  let out = `<li><span class="sev sev-${f.severity}">${f.severity}</span> <code>${escapeHtml(f.ruleId)}</code>`;
  if (f.origin === 'grader') out += ' <span class="muted">(grader)</span>';
  if (f.match) out += ` <q>${escapeHtml(f.match)}</q>`;
  out += ` — ${escapeHtml(f.message)}`;
  if (f.suggestion) out += ` <span class="suggestion">→ <q>${escapeHtml(f.suggestion.replacement)}</q></span>`;
  return `${out}</li>`;
}

function renderGrade(grade: Grade): string {
  const who = `${grade.grader}${grade.model ? ` · ${grade.model}` : ''}${grade.call === 'conversation' ? ' · one call for the conversation' : ''}${grade.cached ? ' · cached' : ''}`;
  if (grade.status === 'error') return `<h4>Grader · ${escapeHtml(who)}</h4><p class="callout warn">The ${escapeHtml(who)} grader could not decide: ${escapeHtml(grade.error ?? 'no reason given')}</p>`;
  const rows = Object.entries(grade.scores).map(([id, s]) => {
    const cues = (s.cues ?? []).map(
      (c) => `<li><span class="${c.effect < 0 ? 'cue-down' : 'cue-up'}">${c.effect > 0 ? '+' : c.effect < 0 ? '−' : '±'}${Math.abs(c.effect)}</span> ${escapeHtml(c.label)}${c.evidence ? ` <q>${escapeHtml(c.evidence)}</q>` : ''}</li>`,
    );
    return `<tr><td><code>${escapeHtml(id)}</code></td><td class="num score score-${Math.min(5, Math.max(1, Math.round(s.score)))}">${s.score.toFixed(1)}</td><td>${escapeHtml(s.reason)}${cues.length > 0 ? `<ul class="cues">${cues.join('')}</ul>` : ''}</td></tr>`;
  });
  const drift = `<span class="drift drift-${grade.drift}">${grade.drift}</span>`;
  return `<h4>Grader · ${escapeHtml(who)} ${drift}</h4><table class="compact scores"><thead><tr><th>Dimension</th><th class="num">Score</th><th>Why</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The grader's rewrite when there is one, else the rules' suggestions applied, as a word diff. */
function renderRewrite(sample: SampleResult): string {
  const graderRewrite = sample.grade?.status === 'graded' ? sample.grade.rewrite : undefined;
  const rewrite = graderRewrite ?? applySuggestions(sample.response, sample.findings);
  if (rewrite === undefined || rewrite === sample.response) return '<p class="note">No rewrite: the grader gave none and no finding carries a suggestion.</p>';
  const label = graderRewrite !== undefined ? 'Suggested rewrite (grader)' : 'Suggested fix (rule suggestions applied)';
  const parts = diffWords(sample.response, rewrite).map((part) =>
    part.type === 'same' ? escapeHtml(part.text) : part.type === 'removed' ? `<del>${escapeHtml(part.text)}</del>` : `<ins>${escapeHtml(part.text)}</ins>`,
  );
  return `<h4>${label}</h4><div class="text diff">${parts.join('')}</div>`;
}
