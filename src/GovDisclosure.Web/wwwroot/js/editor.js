// The report editor's small helpers. The server stays the authority: totals shown here are hints,
// drafts kept here are offered back, never submitted without the user pressing 保存.
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

  // ---- keyboard: Enter and arrows move along rows and columns ------------------------------
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
    if (e.key === 'Enter') { next = move(t, 0, e.shiftKey ? -1 : 1); e.preventDefault(); }
    else if (e.key === 'ArrowRight' && atEnd) { next = move(t, 0, 1); }
    else if (e.key === 'ArrowLeft' && atStart) { next = move(t, 0, -1); }
    else if (e.key === 'ArrowDown') { next = move(t, 1, 0); }
    else if (e.key === 'ArrowUp') { next = move(t, -1, 0); }
    if (next) { e.preventDefault(); next.focus(); next.select(); }
  });

  // ---- unsaved input survives a closed tab ---------------------------------------------------
  var key = form.dataset.draftKey;
  var prefix = 'gd-draft:' + form.dataset.reportId + ':';
  var dirty = false;
  function fields() {
    return Array.prototype.slice.call(form.elements).filter(function (el) {
      return el.name && el.name.indexOf('Input.') === 0 && el.name !== 'Input.RowVersion' && el.type !== 'hidden';
    });
  }
  // A 说明 is stored under its finding's key, not its field name: the boxes are numbered in the order the
  // warnings come, and that order can differ when the draft is offered back on a later visit.
  function slot(el) { return el.dataset && el.dataset.findingKey ? 'explanation:' + el.dataset.findingKey : el.name; }
  function snapshot() {
    var data = {};
    fields().forEach(function (el) { data[slot(el)] = el.value; });
    return data;
  }
  function store() {
    try { localStorage.setItem(key, JSON.stringify(snapshot())); } catch (err) { /* storage full or disabled: nothing to keep */ }
  }
  function clearAll() {
    try {
      for (var n = localStorage.length - 1; n >= 0; n--) {
        var k = localStorage.key(n);
        if (k && k.indexOf(prefix) === 0) { localStorage.removeItem(k); }
      }
    } catch (err) { /* nothing stored */ }
  }
  if (form.dataset.saved === 'true') { clearAll(); }
  var stored = null;
  try { stored = JSON.parse(localStorage.getItem(key) || 'null'); } catch (err) { stored = null; }
  var current = snapshot();
  if (stored && Object.keys(stored).some(function (name) { return (current[name] || '') !== (stored[name] || ''); })) {
    var offer = document.getElementById('draft-offer');
    offer.hidden = false;
    offer.addEventListener('click', function (e) {
      var action = e.target.dataset && e.target.dataset.draft;
      if (action === 'restore') {
        fields().forEach(function (el) { if (Object.prototype.hasOwnProperty.call(stored, slot(el))) { el.value = stored[slot(el)]; } });
        dirty = true; recompute(); markCarried();
      } else if (action === 'discard') {
        localStorage.removeItem(key);
      }
      if (action) { offer.hidden = true; }
    });
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

  form.addEventListener('input', function () { dirty = true; store(); recompute(); markCarried(); });
  form.addEventListener('submit', function () { dirty = false; });
  window.addEventListener('beforeunload', function (e) {
    if (dirty) { e.preventDefault(); e.returnValue = ''; }
  });

  recompute();
  markCarried();
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }
})();
