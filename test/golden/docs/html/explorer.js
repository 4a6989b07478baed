// gpforge policy explorer: the live gpedit-style dialog of a policy page and the index's search.
// Plain script, no framework, works from file://. Registry rows come precomputed from gpforge's
// registry plan (in the page's gp-data JSON); this script only picks rows and fills in values.
(function () {
  'use strict';

  var RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

  /** A YAML scalar: plain when it cannot be read as anything else, else double-quoted (JSON). */
  function yamlScalar(s) {
    return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(s) && !RESERVED.test(s) ? s : JSON.stringify(s);
  }

  function lines(text) {
    return text.split(/\r?\n/).filter(function (line) { return line !== ''; });
  }

  /** The value of element `i` from its control: { yaml, key } for choices, { yaml, value } else; null when empty. */
  function readControl(element, rows, i) {
    var control = document.getElementById('gp-el-' + i);
    if (!control) return null;
    control.removeAttribute('aria-invalid');
    if (rows.kind === 'choice') {
      if (element.type === 'boolean') return { yaml: String(control.checked), key: String(control.checked) };
      if (control.value === '') return null;
      return { yaml: yamlScalar(element.items[Number(control.value)]), key: control.value };
    }
    var text = control.value;
    if (element.type === 'decimal' || element.type === 'longDecimal') {
      text = text.trim();
      if (text === '') return null;
      if (!/^[0-9]+$/.test(text)) { control.setAttribute('aria-invalid', 'true'); return null; }
      var digits = BigInt(text).toString();
      return { yaml: digits, value: digits };
    }
    if (element.type === 'text') return text === '' ? null : { yaml: yamlScalar(text), value: text };
    var entries = lines(text);
    if (entries.length === 0) return null;
    if (element.type === 'multiText') return { yaml: '[' + entries.map(yamlScalar).join(', ') + ']', value: entries.join('\n'), entries: entries };
    if (rows.explicit) {
      var pairs = entries.map(function (line) {
        var at = line.indexOf('=');
        return at < 0 ? { name: line, value: '' } : { name: line.slice(0, at), value: line.slice(at + 1) };
      });
      return { yaml: '{ ' + pairs.map(function (p) { return yamlScalar(p.name) + ': ' + yamlScalar(p.value); }).join(', ') + ' }', entries: pairs };
    }
    return { yaml: '[' + entries.map(yamlScalar).join(', ') + ']', entries: entries.map(function (v) { return { value: v }; }) };
  }

  /** The rows element `rows` writes for `value` (see src/docs/dialog-data.ts for their shapes). */
  function elementRows(rows, value) {
    if (rows.kind === 'choice') {
      if (value) return rows.rows[value.key] || [];
      return rows.rows['false'] && rows.rows['true'] ? rows.rows['false'] : [];
    }
    if (rows.kind === 'scalar') {
      if (!value) return [];
      return rows.rows.map(function (row) { return row.data === null ? Object.assign({}, row, { data: value.value }) : row; });
    }
    var entries = value ? value.entries : [];
    var naming = rows.entry.naming;
    return rows.clear.concat(entries.map(function (entry, n) {
      var name = naming === 'name' ? entry.name : naming === 'value' ? entry.value : naming.prefix + (n + 1);
      return { key: rows.entry.key, name: name, type: rows.entry.type, data: entry.value };
    }));
  }

  function policyPage(data) {
    var form = document.getElementById('gp-dialog');
    var options = document.getElementById('gp-options');
    var yamlOut = document.getElementById('gp-yaml');
    var body = document.getElementById('gp-registry');
    var none = document.getElementById('gp-registry-none');

    function update() {
      var state = form.querySelector('input[name=state]:checked').value;
      if (options) options.disabled = state !== 'enabled';
      var rows = [];
      var yaml;
      var head = data.side + ':\n  policies:\n    ' + data.ref + ': ';
      if (state === 'notConfigured') {
        yaml = '# Not configured: leave the policy out of the GPO file.';
      } else if (state === 'disabled') {
        yaml = head + 'disabled';
        rows = data.rows.disabled;
      } else {
        var fields = ['state: enabled'];
        rows = data.rows.enabled.slice();
        data.elements.forEach(function (element, i) {
          var elementData = data.rows.elements[i];
          var value = readControl(element, elementData, i);
          if (value) fields.push(yamlScalar(element.id) + ': ' + value.yaml);
          rows = rows.concat(elementRows(elementData, value));
        });
        yaml = head + '{ ' + fields.join(', ') + ' }';
      }
      yamlOut.textContent = yaml;
      showRows(rows);
    }

    function showRows(rows) {
      while (body.firstChild) body.removeChild(body.firstChild);
      rows.forEach(function (row) {
        var tr = document.createElement('tr');
        [data.hive + '\\' + row.key, row.name === '' ? '(Default)' : row.name, row.type, row.data].forEach(function (text, n) {
          var td = document.createElement('td');
          if (n < 2) { var code = document.createElement('code'); code.textContent = text; td.appendChild(code); } else td.textContent = text;
          if (n === 3) td.className = 'data';
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
      none.hidden = rows.length > 0;
    }

    form.addEventListener('input', update);
    form.addEventListener('change', update);
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    document.getElementById('gp-copy').addEventListener('click', function () {
      var status = document.getElementById('gp-copied');
      var text = yamlOut.textContent;
      var done = function () { status.textContent = 'Copied.'; };
      var fallback = function () {
        var range = document.createRange();
        range.selectNodeContents(yamlOut);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        status.textContent = document.execCommand('copy') ? 'Copied.' : 'Selected: press Ctrl+C to copy.';
      };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
      else fallback();
    });
    update();
  }

  /** Word-prefix matches in explain texts: a set of policy numbers. */
  function explainMatches(index, token) {
    var found = new Set();
    Object.keys(index.w).forEach(function (word) {
      if (word.lastIndexOf(token, 0) !== 0) return;
      var n = 0;
      index.w[word].split(',').forEach(function (delta) { n += parseInt(delta, 36); found.add(n); });
    });
    return found;
  }

  function searchPage(input) {
    var index = window.GPFORGE_SEARCH;
    var results = document.getElementById('gp-results');
    var status = document.getElementById('gp-search-status');
    var LIMIT = 100;
    function run() {
      var tokens = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      while (results.firstChild) results.removeChild(results.firstChild);
      if (tokens.length === 0 || !index) { status.textContent = ''; return; }
      var explain = tokens.map(function (t) { return explainMatches(index, t); });
      var hits = [];
      index.p.forEach(function (entry, n) {
        var name = entry[0].toLowerCase();
        var other = (entry[1] + ' ' + entry[3] + ' ' + entry[4]).toLowerCase();
        var score = 0;
        for (var t = 0; t < tokens.length; t++) {
          if (name.indexOf(tokens[t]) >= 0) score += 10;
          else if (other.indexOf(tokens[t]) >= 0) score += 5;
          else if (explain[t].has(n)) score += 1;
          else return;
        }
        hits.push({ score: score, n: n });
      });
      hits.sort(function (a, b) { return b.score - a.score || a.n - b.n; });
      status.textContent = hits.length === 0 ? 'No policy matches.' : hits.length + (hits.length === 1 ? ' policy matches.' : ' policies match.') + (hits.length > LIMIT ? ' The first ' + LIMIT + ' are shown.' : '');
      hits.slice(0, LIMIT).forEach(function (hit) {
        var entry = index.p[hit.n];
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = entry[2];
        a.textContent = entry[0];
        var where = document.createElement('span');
        where.className = 'where';
        where.textContent = entry[1] + ' · ' + entry[3];
        li.appendChild(a);
        li.appendChild(where);
        results.appendChild(li);
      });
    }
    input.addEventListener('input', run);
    document.getElementById('gp-search-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var first = results.querySelector('a');
      if (first) window.location.href = first.href;
    });
    run();
  }

  function start() {
    var data = document.getElementById('gp-data');
    if (data) policyPage(JSON.parse(data.textContent));
    var search = document.getElementById('gp-search');
    if (search) searchPage(search);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
