/**
 * The page script, inlined: filters the replies table by toggling `hidden` on rows whose data
 * stays in the DOM. Plain ES5-level DOM code, no framework, fast enough for tens of thousands of
 * rows (the text index is built once). Without JavaScript the filter form stays hidden and the
 * table is simply complete.
 */
export const REPORT_SCRIPT = `
(function () {
  'use strict';
  // Drifting replies are collapsed <details>: expand-all toggles them, a link to one opens it,
  // and printing opens them all (a printed page cannot be clicked).
  var cards = Array.prototype.slice.call(document.querySelectorAll('details.detail'));
  var expand = document.getElementById('expand-all');
  function setAll(open) { cards.forEach(function (card) { card.open = open; }); }
  function openTarget() {
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target && target.tagName === 'DETAILS') target.open = true;
  }
  if (expand && cards.length > 0) {
    expand.parentNode.hidden = false;
    expand.addEventListener('click', function () {
      var opening = cards.some(function (card) { return !card.open; });
      setAll(opening);
      expand.textContent = opening ? 'Collapse all' : 'Expand all';
    });
  }
  window.addEventListener('hashchange', openTarget);
  window.addEventListener('beforeprint', function () { setAll(true); });
  openTarget();
})();
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var table = document.getElementById('replies-table');
  if (!form || !table || !table.tBodies[0]) return;
  var text = document.getElementById('filter-text');
  var verdict = document.getElementById('filter-verdict');
  var rule = document.getElementById('filter-rule');
  var severity = document.getElementById('filter-severity');
  var count = document.getElementById('filter-count');
  var empty = document.getElementById('filter-empty');
  var rows = Array.prototype.map.call(table.tBodies[0].rows, function (tr) {
    return {
      tr: tr,
      text: tr.textContent.toLowerCase(),
      verdict: tr.getAttribute('data-verdict'),
      severity: tr.getAttribute('data-severity'),
      rules: (tr.getAttribute('data-rules') || '').split('\\n')
    };
  });
  function apply() {
    var q = text.value.trim().toLowerCase();
    var v = verdict.value, r = rule.value, s = severity.value;
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var match = (!q || row.text.indexOf(q) !== -1) && (!v || row.verdict === v) &&
        (!s || row.severity === s) && (!r || row.rules.indexOf(r) !== -1);
      if (row.tr.hidden === match) row.tr.hidden = !match;
      if (match) shown++;
    }
    count.textContent = shown + ' of ' + rows.length + ' replies shown';
    empty.hidden = shown !== 0;
  }
  var timer = 0;
  text.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(apply, 80);
  });
  verdict.addEventListener('change', apply);
  rule.addEventListener('change', apply);
  severity.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); apply(); });
  // The reset event fires before the controls are cleared.
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  form.hidden = false;
  apply();
})();
`;
