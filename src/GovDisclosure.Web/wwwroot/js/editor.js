// The report editor's small helpers. The server stays the authority: totals shown here are hints,
// drafts (暂存) are kept on the server and offered back, never saved into the report without the user pressing 保存.
(function () {
  'use strict';
  var form = document.getElementById('report-form');
  if (!form || form.dataset.editable !== 'true') { return; }
  document.documentElement.classList.add('js');

  var inputs = Array.prototype.slice.call(form.querySelectorAll('input.cell-input'));
  var byCode = {};
  inputs.forEach(function (i) { byCode[i.dataset.code] = i; });

  // ---- live totals -------------------------------------------------------------------------
  function parse(text) {
    var t = (text || '').replace(/[０-９]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); })
      .replace(/[，,\s]/g, '').replace('．', '.');
    if (t === '' || isNaN(Number(t))) { return null; }
    return Number(t);
  }
  function effective(code, depth) {
    var input = byCode[code];
    if (!input || depth > 5) { return 0; }
    var v = parse(input.value);
    if (v !== null) { return v; }
    if (input.dataset.sum) {
      return input.dataset.sum.split(' ').reduce(function (s, p) { return s + effective(p, depth + 1); }, 0);
    }
    return 0;
  }
  function recompute() {
    inputs.forEach(function (i) {
      if (i.dataset.sum) {
        var total = effective(i.dataset.code, 0);
        // Unrounded, so a mistyped fraction shows up in the total instead of being hidden by rounding.
        i.placeholder = i.dataset.kind === 'Amount' ? total.toFixed(4) : String(Math.round(total * 10000) / 10000);
      }
    });
  }

  // ---- carried-over cells need a reason when changed ----------------------------------------
  function markCarried() {
    inputs.forEach(function (i) {
      if (i.dataset.carried === undefined) { return; }
      var reason = form.querySelector('[data-carry-reason-for="' + i.dataset.code + '"]');
      var changed = parse(i.value) !== parse(i.dataset.carried);
      i.closest('td').classList.toggle('cell--carry-changed', changed);
      if (reason) { reason.required = changed; }
    });
  }

  // ---- keyboard: Enter moves down a column as in a spreadsheet (Shift+Enter up), Tab keeps its native move right ----
  function move(from, dRow, dCol) {
    var table = from.closest('table');
    var cells = Array.prototype.slice.call(table.querySelectorAll('input.cell-input'));
    var row = Number(from.dataset.row), col = Number(from.dataset.col);
    if (dCol !== 0) {
      var idx = inputs.indexOf(from) + dCol;
      return inputs[idx] || null;
    }
    var target = null;
    cells.forEach(function (c) {
      var r = Number(c.dataset.row);
      if (Number(c.dataset.col) === col && (dRow > 0 ? r > row : r < row)) {
        if (!target || (dRow > 0 ? r < Number(target.dataset.row) : r > Number(target.dataset.row))) { target = c; }
      }
    });
    return target;
  }
  form.addEventListener('keydown', function (e) {
    var t = e.target;
    if (!t.classList || !t.classList.contains('cell-input')) { return; }
    var next = null;
    var atStart = t.selectionStart === 0 && t.selectionEnd === 0;
    var atEnd = t.selectionStart === t.value.length;
    // Enter must never submit the form from a cell; at a column's foot it stays put rather than jumping elsewhere.
    if (e.key === 'Enter') { next = move(t, e.shiftKey ? -1 : 1, 0); e.preventDefault(); }
    else if (e.key === 'ArrowRight' && atEnd) { next = move(t, 0, 1); }
    else if (e.key === 'ArrowLeft' && atStart) { next = move(t, 0, -1); }
    else if (e.key === 'ArrowDown') { next = move(t, 1, 0); }
    else if (e.key === 'ArrowUp') { next = move(t, -1, 0); }
    if (next) { e.preventDefault(); next.focus(); next.select(); }
  });

  // ---- 暂存: unsaved input is kept on the server while typing, so another device can take it up ----------
  // The server answers with the status line to show; a refused save has already been kept by the server itself.
  var status = document.getElementById('save-status');
  var dirty = form.dataset.restored === 'true';
  var timer = null, inFlight = false, again = false;
  var DELAY = 3000;
  function say(text) { if (status) { status.textContent = text; } }
  function keep() {
    timer = null;
    if (inFlight) { again = true; return; }
    inFlight = true;
    say('正在暂存…');
    var body = new FormData(form);
    body.delete('handler');
    fetch(form.dataset.draftUrl, { method: 'POST', body: body, credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }, function () { return { ok: false, j: null }; }); })
      .then(function (res) {
        say(res.ok ? '未保存的修改（' + res.j.status + '）' : '未保存的修改（暂存未成功' + (res.j && res.j.status ? '：' + res.j.status : '') + '）');
      }, function () { say('未保存的修改（暂存未成功：网络中断）'); })
      .then(function () {
        inFlight = false;
        if (again) { again = false; schedule(); }
      });
  }
  function schedule() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(keep, DELAY);
  }

  // ---- 本表空白格填0: a blank counts as 0 but draws a warning that needs a 说明; most blanks are real zeros ----
  Array.prototype.slice.call(form.querySelectorAll('[data-fill-zero-tools]')).forEach(function (p) { p.hidden = false; });
  form.addEventListener('click', function (e) {
    var id = e.target.dataset && e.target.dataset.fillZero;
    if (!id) { return; }
    var table = form.querySelector('table[data-table="' + id + '"]');
    Array.prototype.slice.call(table.querySelectorAll('input.cell-input')).forEach(function (i) {
      // Totals stay blank so the server computes them; a typed total would have to be kept in step by hand.
      if (!i.dataset.sum && !i.readOnly && i.value.trim() === '') { i.value = '0'; }
    });
    form.dispatchEvent(new Event('input'));
  });

  // ---- 本表无数据: for a table nobody typed in, one click fills every cell with 0 and writes the standard sentence ----
  // into the section's text, where it stays editable. Offered only while the table is untouched.
  var noData = Array.prototype.slice.call(form.querySelectorAll('[data-no-data]'));
  function tableInputs(id) {
    var table = form.querySelector('table[data-table="' + id + '"]');
    return table ? Array.prototype.slice.call(table.querySelectorAll('input.cell-input')) : [];
  }
  function offerNoData() {
    noData.forEach(function (b) {
      b.hidden = tableInputs(b.dataset.noData).some(function (i) { return i.value.trim() !== ''; });
    });
  }
  form.addEventListener('click', function (e) {
    var b = e.target.closest ? e.target.closest('[data-no-data]') : null;
    if (!b) { return; }
    tableInputs(b.dataset.noData).forEach(function (i) { if (!i.dataset.sum && !i.readOnly) { i.value = '0'; } });
    var text = document.getElementById('section-text-' + b.dataset.noDataSection);
    if (text && text.value.indexOf(b.dataset.noDataText) < 0) {
      text.value = text.value.trim() === '' ? b.dataset.noDataText : text.value.replace(/\s+$/, '') + '\n' + b.dataset.noDataText;
      text.classList.add('section-text--filled');
    }
    form.dispatchEvent(new Event('input'));
  });

  form.addEventListener('input', function () { dirty = true; say('未保存的修改'); schedule(); recompute(); markCarried(); offerNoData(); });
  form.addEventListener('submit', function () {
    dirty = false;
    if (timer) { clearTimeout(timer); timer = null; }
    say('正在保存…');
  });
  window.addEventListener('beforeunload', function (e) {
    if (dirty) { e.preventDefault(); e.returnValue = ''; }
  });

  recompute();
  markCarried();
  offerNoData();
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }
})();
