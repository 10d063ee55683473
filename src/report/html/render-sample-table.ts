import type { SampleResult } from '../../types.js';
import { escapeHtml } from '../escape.js';
import { channelOf, ruleIdsOf, sampleAnchor, worstSeverity } from './sample-facts.js';

/**
 * Every reply in one table with filter controls (text, verdict, rule, worst severity). The data
 * stays in the DOM: each row carries `data-verdict`, `data-severity` and newline-separated
 * `data-rules`, and the page script toggles `hidden`. The reply cell holds the full text, clamped
 * by CSS, so a search finds words past the visible part. `detailed` holds the indexes of samples
 * with a detail card; their ids link to it.
 */
export function renderSampleTable(samples: readonly SampleResult[], detailed: ReadonlySet<number>): string {
  const ruleIds = [...new Set(samples.flatMap(ruleIdsOf))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const option = (value: string, label = value): string => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;
  const controls =
    '<form class="filters" id="filters" hidden role="search" aria-controls="replies-table">' +
    '<label>Search <input type="search" id="filter-text" placeholder="id, text, rule…" autocomplete="off"></label>' +
    `<label>Verdict <select id="filter-verdict">${option('', 'any')}${option('drift')}${option('pass')}${option('ungraded')}</select></label>` +
    `<label>Rule <select id="filter-rule">${option('', 'any')}${ruleIds.map((id) => option(id)).join('')}</select></label>` +
    `<label>Worst severity <select id="filter-severity">${option('', 'any')}${option('error')}${option('warning')}${option('info')}${option('none', 'no findings')}</select></label>` +
    '<button type="reset" id="filter-reset">Reset</button>' +
    `<output id="filter-count" aria-live="polite">${samples.length} of ${samples.length} replies shown</output></form>`;
  const rows = samples.map((sample, index) => renderRow(sample, index, detailed.has(index))).join('\n');
  return (
    controls +
    '<div class="table-wrap"><table id="replies-table" class="replies"><thead><tr><th>ID</th><th>Verdict</th><th>Channel</th><th>Worst</th><th>Rules</th><th>Reply</th></tr></thead>' +
    `<tbody>\n${rows}\n</tbody></table></div><p class="note" id="filter-empty" hidden>No reply matches these filters.</p>`
  );
}

function renderRow(sample: SampleResult, index: number, hasDetail: boolean): string {
  const severity = worstSeverity(sample);
  const rules = ruleIdsOf(sample);
  const id = escapeHtml(sample.id);
  const idCell = hasDetail ? `<a href="#${sampleAnchor(index)}">${id}</a>` : id;
  return (
    `<tr data-verdict="${sample.verdict}" data-severity="${severity ?? 'none'}" data-rules="${escapeHtml(rules.join('\n'))}">` +
    `<td class="id">${idCell}</td><td><span class="verdict verdict-${sample.verdict}">${sample.verdict}</span></td>` +
    `<td>${escapeHtml(channelOf(sample) ?? '')}</td><td>${severity ? `<span class="sev sev-${severity}">${severity}</span>` : ''}</td>` +
    `<td class="rules">${rules.map((r) => `<code>${escapeHtml(r)}</code>`).join(' ')}</td><td class="reply"><div class="clamp">${escapeHtml(sample.response)}</div></td></tr>`
  );
}
