// Pasting a block into the report editor's grid: what Excel or WPS copies (tab-separated text) or a Word or web
// table (text/html on the clipboard) fills the grid from the cell pasted into, rightwards and downwards. A block that
// carries its own row labels goes to the rows those labels name (the labels the importer matches, from the
// #paste-labels data block), not to whatever rows lie under the cursor. Every cell is checked as typed text is
// (the rules of CellText.Read on the server, which stays the authority on 保存), and Ctrl+Z puts back the cells
// the last paste changed.
(function () {
  'use strict';
  var form = document.getElementById('report-form');
  if (!form || form.dataset.editable !== 'true') { return; }

  var labelData = {};
  var labelBlock = document.getElementById('paste-labels');
  if (labelBlock) {
    try { labelData = JSON.parse(labelBlock.textContent) || {}; } catch (e) { labelData = {}; }
  }

  var status = document.createElement('p');
  status.className = 'hint paste-status';
  status.id = 'paste-status';
  status.setAttribute('role', 'status');
  form.insertBefore(status, form.firstChild);

  // ---- cell text, read as CellText.Read reads it -------------------------------------------------------------
  var MAX_VALUE = 1000000000;
  var AMOUNT_DECIMALS = 4;
  function fold(text) {
    return String(text)
      .replace(/[０-９]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); })
      .replace(/＋/g, '+').replace(/[－−–]/g, '-').replace(/．/g, '.').replace(/，/g, ',')
      .replace(/[\s\u00a0\u3000\u200b\ufeff]/g, '');
  }
  function isBlank(text) { return String(text || '').replace(/[\s\u00a0\u3000\u200b\ufeff]/g, '') === ''; }
  function nameOf(input) { return input.getAttribute('aria-label') || ''; }

  // The sentence the server would answer for this text in this cell, or null when it is a value (or blank).
  function refusal(input, raw) {
    if (isBlank(raw)) { return null; }
    var shown = String(raw).trim();
    var name = nameOf(input);
    var folded = fold(raw).replace(/,/g, '');
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(folded)) { return '“' + name + '”应填写数字，“' + shown + '”无法识别。'; }
    var value = Number(folded);
    var kind = input.dataset.kind;
    var fraction = (folded.split('.')[1] || '').replace(/0+$/, '');
    if (kind !== 'Amount' && fraction.length > 0) { return '“' + name + '”应为整数（件数不能有小数），当前为“' + shown + '”。'; }
    if (kind !== 'SignedCount' && value < 0) { return '“' + name + '”不能为负数，当前为“' + shown + '”。'; }
    if (kind === 'Amount' && fraction.length > AMOUNT_DECIMALS) { return '“' + name + '”以万元为单位，最多保留' + AMOUNT_DECIMALS + '位小数。'; }
    if (Math.abs(value) >= MAX_VALUE) { return '“' + name + '”数值过大，请核对。'; }
    return null;
  }
  function isNumberLike(text) { return !isBlank(text) && /^[+-]?[\d.,]+$/.test(fold(text)); }

  // Shows or clears this script's message at the cell; a message the server rendered stays until the next 保存.
  function showCheck(input) {
    var td = input.closest('td');
    var message = refusal(input, input.value);
    var id = 'paste-error-' + input.dataset.code;
    var span = document.getElementById(id);
    var described = (input.getAttribute('aria-describedby') || '').split(' ').filter(function (x) { return x && x !== id; });
    if (message) {
      if (!span) {
        span = document.createElement('span');
        span.className = 'cell-error cell-error--client';
        span.id = id;
        td.appendChild(span);
      }
      span.textContent = message;
      described.push(id);
      input.setAttribute('aria-invalid', 'true');
      td.classList.add('cell--invalid');
    } else {
      if (span) { span.parentNode.removeChild(span); }
      if (!td.querySelector('.cell-error')) {
        input.removeAttribute('aria-invalid');
        td.classList.remove('cell--invalid');
      }
    }
    if (described.length) { input.setAttribute('aria-describedby', described.join(' ')); } else { input.removeAttribute('aria-describedby'); }
    return message;
  }

  // ---- reading the clipboard ---------------------------------------------------------------------------------
  function cellText(node) {
    // Paragraphs and line breaks inside a Word cell are one value; spaces are folded by the check anyway.
    return (node.innerText !== undefined && node.innerText !== '' ? node.innerText : node.textContent || '').replace(/\s+/g, ' ').trim();
  }
  function fromHtml(html) {
    if (!html || !/<t[dh][\s>]/i.test(html)) { return null; }
    // DOMParser builds an inert document: nothing in the clipboard's HTML runs or loads.
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var table = doc.querySelector('table');
    if (!table) { return null; }
    var rows = [];
    var carried = []; // rowspan: cells that continue down into the next rows, by column
    Array.prototype.slice.call(table.rows).forEach(function (tr) {
      var row = [];
      var col = 0;
      function fillCarried() {
        while (carried[col] && carried[col].left > 0) { carried[col].left--; row.push(''); col++; }
      }
      Array.prototype.slice.call(tr.cells).forEach(function (td) {
        fillCarried();
        var span = Math.max(1, Math.min(50, Number(td.getAttribute('colspan')) || 1));
        var down = Math.max(1, Math.min(200, Number(td.getAttribute('rowspan')) || 1));
        row.push(cellText(td));
        for (var k = 0; k < span; k++) {
          if (k > 0) { row.push(''); }
          carried[col] = { left: down - 1 };
          col++;
        }
      });
      fillCarried();
      rows.push(row);
    });
    return rows;
  }
  function fromText(text) {
    if (!text) { return null; }
    var lines = text.replace(/\r\n?/g, '\n').split('\n');
    while (lines.length && lines[lines.length - 1] === '') { lines.pop(); }
    return lines.map(function (l) { return l.split('\t'); });
  }

  // ---- where the block goes ----------------------------------------------------------------------------------
  function normalize(text) {
    var t = String(text || '')
      .replace(/[０-９]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); })
      .replace(/[（〔\[【]/g, '(').replace(/[）〕\]】]/g, ')').replace(/[，,]/g, '、').replace(/：/g, ':').replace(/／/g, '/')
      .replace(/[\s“”"‘’'「」*\u200b\ufeff]/g, '')
      .replace(/^(\d{1,2})[、．。]/, '$1.')
      .replace(/:+$/, '');
    return t;
  }
  // 「（三）不予公开」, 「1.属于国家秘密」, 「三、本年度办理结果」 without their numbering, for a typist who left it out.
  function bare(text) { return text.replace(/^(\(?[一二三四五六七八九十\d]{1,3}[)、.])+/, ''); }

  function gridOf(table) {
    var inputs = Array.prototype.slice.call(table.querySelectorAll('input.cell-input'));
    var rows = [];
    var byRow = {};
    inputs.forEach(function (i) {
      var r = i.dataset.row;
      if (!byRow[r]) { byRow[r] = []; rows.push(byRow[r]); }
      byRow[r][Number(i.dataset.col)] = i;
    });
    var byCode = {};
    inputs.forEach(function (i) { byCode[i.dataset.code] = i; });
    return { rows: rows, byCode: byCode };
  }

  // The table's data rows whose labels match, narrowed by the group label seen last, then the first after the
  // row matched before (labels such as 「3.其他」 recur under several groups; a block lists them in order).
  function matchRow(rowsData, labels, group, after) {
    var found = [];
    labels.forEach(function (label) {
      var n = normalize(label);
      if (!n) { return; }
      rowsData.forEach(function (row, index) {
        if (found.indexOf(index) >= 0) { return; }
        var hit = row.labels.some(function (l) { var m = normalize(l); return m === n || (bare(m) !== '' && bare(m) === bare(n)); });
        if (hit) { found.push(index); }
      });
    });
    if (found.length > 1 && group) {
      var g = bare(normalize(group));
      var inGroup = found.filter(function (i) { return rowsData[i].group && bare(normalize(rowsData[i].group)) === g; });
      if (inGroup.length) { found = inGroup; }
    }
    if (found.length > 1) {
      var later = found.filter(function (i) { return i > after; });
      if (later.length) { found = later; }
    }
    return found.length ? found[0] : -1;
  }

  function isGroupLabel(rowsData, text) {
    var n = bare(normalize(text));
    return n !== '' && rowsData.some(function (r) { return r.group && bare(normalize(r.group)) === n; });
  }

  // [{input, text}] for a block carrying row labels, or null when it carries none this table knows.
  function byLabels(block, table, target, grid) {
    var rowsData = labelData[table.dataset.table] || [];
    if (!rowsData.length) { return null; }
    var placements = [];
    var matchedAny = false;
    var group = null;
    var last = -1;
    block.forEach(function (cells) {
      // The labels are the text cells before the first number; blanks among them are merged label columns.
      var firstNumber = cells.length;
      for (var n = 0; n < cells.length; n++) { if (isNumberLike(cells[n])) { firstNumber = n; break; } }
      var labels = [];
      var lastLabel = -1;
      for (var k = 0; k < firstNumber; k++) {
        if (!isBlank(cells[k])) { labels.push(cells[k]); lastLabel = k; }
      }
      labels.forEach(function (l) { if (isGroupLabel(rowsData, l)) { group = l; } });
      if (!labels.length) { return; }
      var index = matchRow(rowsData, labels.slice().reverse(), group, last);
      if (index < 0) { return; }
      matchedAny = true;
      last = index;
      var values = cells.slice(lastLabel + 1);
      var width = rowsData[index].cells.length;
      while (values.length > width && isBlank(values[0])) { values.shift(); }
      while (values.length > width && isBlank(values[values.length - 1])) { values.pop(); }
      var codes = rowsData[index].cells;
      // A full row starts at the first column; a shorter one at the column pasted into.
      var start = values.length >= codes.length ? 0 : Math.min(Number(target.dataset.col), codes.length - 1);
      values.forEach(function (v, j) {
        var input = grid.byCode[codes[start + j]];
        if (input) { placements.push({ input: input, text: v }); }
      });
    });
    return matchedAny ? placements : null;
  }

  function byPosition(block, target, grid) {
    var placements = [];
    var startRow = -1;
    grid.rows.forEach(function (r, i) { if (r.indexOf(target) >= 0) { startRow = i; } });
    var startCol = Number(target.dataset.col);
    var outside = 0;
    block.forEach(function (cells, i) {
      var row = grid.rows[startRow + i];
      cells.forEach(function (v, j) {
        var input = row && row[startCol + j];
        if (input) { placements.push({ input: input, text: v }); } else if (!isBlank(v)) { outside++; }
      });
    });
    placements.outside = outside;
    return placements;
  }

  // ---- paste and undo ----------------------------------------------------------------------------------------
  var undo = [];
  var applying = false;

  form.addEventListener('paste', function (e) {
    var target = e.target;
    if (!target.classList || !target.classList.contains('cell-input') || target.readOnly) { return; }
    var data = e.clipboardData || window.clipboardData;
    if (!data) { return; }
    var block = fromHtml(data.getData('text/html')) || fromText(data.getData('text/plain'));
    if (!block || !block.length) { return; }
    // One plain value is an ordinary paste into one input: the browser does it, and the input's own check follows.
    if (block.length === 1 && block[0].length === 1 && !data.getData('text/html')) { return; }
    e.preventDefault();

    var table = target.closest('table');
    var grid = gridOf(table);
    var placements = byLabels(block, table, target, grid) || byPosition(block, target, grid);
    var changed = [];
    placements.forEach(function (p) {
      if (p.input.readOnly) { return; }
      var text = String(p.text).trim();
      if (p.input.value === text) { return; }
      changed.push({ input: p.input, before: p.input.value });
      p.input.value = text;
    });
    var refused = 0;
    placements.forEach(function (p) { if (showCheck(p.input)) { refused++; } });
    if (changed.length) { undo.push(changed); }

    applying = true;
    form.dispatchEvent(new Event('input', { bubbles: true }));
    applying = false;

    var said = '已粘贴' + changed.length + '个单元格' + (changed.length ? '（按 Ctrl+Z 撤销）' : '');
    if (refused) { said += '，其中' + refused + '个无法识别，请按提示修改'; }
    if (placements.outside) { said += '；有' + placements.outside + '个值超出表格范围，未粘贴'; }
    status.textContent = said + '。';
  });

  form.addEventListener('keydown', function (e) {
    if (!(e.ctrlKey || e.metaKey) || e.shiftKey || (e.key !== 'z' && e.key !== 'Z')) { return; }
    if (!e.target.classList || !e.target.classList.contains('cell-input') || !undo.length) { return; }
    e.preventDefault();
    var changed = undo.pop();
    changed.forEach(function (c) { c.input.value = c.before; showCheck(c.input); });
    applying = true;
    form.dispatchEvent(new Event('input', { bubbles: true }));
    applying = false;
    status.textContent = '已撤销粘贴，恢复了' + changed.length + '个单元格。';
  });

  // Typing checks the cell as a paste does, and after it Ctrl+Z is the input's own undo again.
  form.addEventListener('input', function (e) {
    if (applying) { return; }
    if (e.target.classList && e.target.classList.contains('cell-input')) { undo = []; }
  });
  form.addEventListener('change', function (e) {
    if (e.target.classList && e.target.classList.contains('cell-input')) { showCheck(e.target); }
  });
})();
