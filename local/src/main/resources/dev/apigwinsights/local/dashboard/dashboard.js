/*
 * apigw-insights dashboard. Plain JavaScript, no build step, no network beyond its own server.
 *
 * The page is generated from the insight catalog it is given: sheets become tabs, insights become
 * panels drawn by chart kind, the catalog's units format the numbers and its filters become the
 * controls. Two sources answer the panels:
 *   - live (`serve`): GET api/insights/ID?from=&to=&FILTER=VALUE, the catalog run on DuckDB;
 *   - snapshot (`dashboard --out`): answers embedded in the file for one range. A time sub-range or
 *     a filter narrows the embedded rows of the panels that carry that column (time buckets, a
 *     route, a customer...); every other panel keeps the snapshot's numbers and says it needs
 *     `serve`. No number is ever computed here: rows are only selected.
 * The URL holds the view (sheet, range, comparison, filters), so a view can be shared.
 */
(function () {
  'use strict';

  // ---------------------------------------------------------------- test hooks and errors
  var apigw = window.__apigw = { errors: [], timings: [], views: 0, ready: false };
  window.addEventListener('error', function (e) { apigw.errors.push(String(e.message || e)); });
  window.addEventListener('unhandledrejection', function (e) {
    apigw.errors.push(String((e.reason && e.reason.message) || e.reason));
  });

  var boot = JSON.parse(document.getElementById('apigw-boot').textContent);
  var LIVE = boot.mode === 'live';
  var MINUTE = 60e3, HOUR = 3600e3, DAY = 86400e3;
  var PRIMARY_FILTERS = ['api', 'stage', 'route', 'status_class', 'usage_plan', 'customer', 'api_key', 'client_ip', 'user', 'auth_method'];
  var PRESETS = [
    { id: '1h', label: '1 h', ms: HOUR }, { id: '6h', label: '6 h', ms: 6 * HOUR }, { id: '24h', label: '24 h', ms: DAY },
    { id: '7d', label: '7 days', ms: 7 * DAY }, { id: '30d', label: '30 days', ms: 30 * DAY }, { id: 'all', label: 'All' }
  ];
  var STATUS_COLORS = { '1xx': '#98a2b3', '2xx': '#12b76a', '3xx': '#2e90fa', '4xx': '#f79009', '5xx': '#f04438' };
  var PALETTE = ['#3b5bdb', '#12b76a', '#f79009', '#7a5af8', '#06aed4', '#ee46bc', '#f04438', '#84cc16', '#875bf7', '#98a2b3'];
  var DARK_PALETTE = ['#7c93ff', '#32d583', '#fdb022', '#a48afb', '#22ccee', '#f670c7', '#f97066', '#a3e635', '#bdb4fe', '#98a2b3'];
  var WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

  // ---------------------------------------------------------------- small DOM helpers
  function $(selector, root) { return (root || document).querySelector(selector); }
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') node.textContent = attrs[k];
        else if (k === 'class') node.className = attrs[k];
        else if (k.indexOf('on') === 0) node.addEventListener(k.substring(2), attrs[k]);
        else if (attrs[k] !== undefined && attrs[k] !== null) node.setAttribute(k, attrs[k]);
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function toast(content) {
    var t = el('div', { class: 'toast', role: 'status' });
    if (typeof content === 'string') t.textContent = content; else t.appendChild(content);
    document.body.appendChild(t);
    setTimeout(function () { t.remove(); }, 4000);
  }

  // ---------------------------------------------------------------- formatting (the catalog's units)
  var INT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  function fixed(v, digits) {
    return new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits }).format(v);
  }
  function compact(v) {
    var a = Math.abs(v);
    if (a >= 1e9) return fixed(v / 1e9, a >= 1e10 ? 1 : 2) + 'B';
    if (a >= 1e6) return fixed(v / 1e6, a >= 1e7 ? 1 : 2) + 'M';
    if (a >= 1e4) return fixed(v / 1e3, a >= 1e5 ? 0 : 1) + 'k';
    return fixed(v, Number.isInteger(v) ? 0 : 1);
  }
  function bytes(v) {
    var units = ['B', 'kB', 'MB', 'GB', 'TB'];
    var i = 0, x = Math.abs(v);
    while (x >= 1000 && i < units.length - 1) { x /= 1000; i++; }
    return fixed(v < 0 ? -x : x, x >= 100 || i === 0 ? 0 : 1) + ' ' + units[i];
  }
  function millis(v) {
    if (Math.abs(v) >= 10000) return fixed(v / 1000, 1) + ' s';
    if (Math.abs(v) >= 1000) return fixed(v / 1000, 2) + ' s';
    return fixed(v, Math.abs(v) >= 100 ? 0 : 1) + ' ms';
  }
  function percent(v) {
    var a = Math.abs(v);
    var digits = a >= 99 && a < 100 ? 3 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
    return fixed(v, digits) + '%';
  }
  /** A value of `unit` as text; `short` uses compact counts (KPIs, axes). */
  function format(value, unit, short) {
    if (value === null || value === undefined) return '–';
    if (typeof value !== 'number') return String(value);
    switch (unit) {
      case 'count': return short ? compact(value) : (Number.isInteger(value) ? INT.format(value) : fixed(value, 1));
      case 'percent': return percent(value);
      case 'milliseconds': return millis(value);
      case 'seconds': return fixed(value, 1) + ' s';
      case 'bytes': return bytes(value);
      case 'currency': return fixed(value, value !== 0 && Math.abs(value) < 1 ? 4 : 2);
      case 'ratio': return fixed(value, 2) + '×';
      case 'score': return fixed(value, 2);
      default: return short ? compact(value) : (Number.isInteger(value) ? INT.format(value) : fixed(value, 2));
    }
  }
  function pad(n) { return n < 10 ? '0' + n : String(n); }
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  /** UTC date-time text at the precision a step (ms) needs. */
  function timeText(ms, step) {
    var d = new Date(ms);
    var day = d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()];
    if (step >= DAY) return day + (step >= 28 * DAY ? ' ' + d.getUTCFullYear() : '');
    return day + ' ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
  }
  function fullTime(ms) {
    var d = new Date(ms);
    return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' ' + pad(d.getUTCHours()) + ':'
      + pad(d.getUTCMinutes()) + ':' + pad(d.getUTCSeconds());
  }
  function isoMinute(ms) { return new Date(ms).toISOString().substring(0, 16); }
  function cellText(value, column) {
    if (value === null || value === undefined) return '–';
    if (column.type === 'timestamp') return fullTime(Date.parse(value));
    if (column.axis === 'day_of_week') return WEEKDAYS[value - 1] || String(value);
    if (column.axis === 'hour_of_day') return pad(value) + ':00';
    if (column.axis === 'bins') return binLabel(value, column);
    if (typeof value === 'number') return format(value, column.unit, false);
    return String(value);
  }
  /** A histogram bin from its lower edge to the next one, in the column's unit (ms become s from 1 s up). */
  function binLabel(value, column) {
    var edges = column.edges || [];
    var i = edges.indexOf(value);
    var seconds = column.unit === 'milliseconds' && value >= 1000;
    var scale = seconds ? 1000 : 1;
    var suffix = seconds ? ' s' : unitSuffix(column.unit);
    if (i >= 0 && i < edges.length - 1) return fixed(value / scale, 2) + '–' + fixed(edges[i + 1] / scale, 2) + suffix;
    return '≥ ' + fixed(value / scale, 2) + suffix;
  }
  function unitSuffix(unit) { var s = catalog.units[unit]; return s ? ' ' + s : ''; }

  // ---------------------------------------------------------------- catalog
  var catalog = boot.catalog || null;
  var store = boot.store || null;
  var emptyStates = boot.emptyStates || { sheets: {}, insights: {} };
  var insightsById = {};
  var filtersByKey = {};

  function indexCatalog() {
    catalog.insights.forEach(function (i) { insightsById[i.id] = i; });
    catalog.filters.forEach(function (f) { filtersByKey[f.key] = f; });
  }
  function columnsOf(insight, role) { return insight.columns.filter(function (c) { return c.role === role; }); }

  // ---------------------------------------------------------------- view state and URL
  var state = { sheet: null, preset: '7d', from: null, to: null, compare: true, filters: {} };
  var bounds = { first: null, last: null, end: null };

  function readUrl() {
    var q = new URLSearchParams(location.search);
    if (q.get('sheet')) state.sheet = q.get('sheet');
    if (q.get('compare') === '0') state.compare = false;
    var range = q.get('range');
    if (range === 'custom' && q.get('from') && q.get('to')) {
      var f = Date.parse(q.get('from')), t = Date.parse(q.get('to'));
      if (!isNaN(f) && !isNaN(t) && f < t) { state.preset = 'custom'; state.from = f; state.to = t; }
    } else if (range && PRESETS.some(function (p) { return p.id === range; })) {
      state.preset = range;
    } else {
      state.preset = defaultPreset();
    }
    q.forEach(function (value, key) {
      var f = filterByName(key);
      if (f && value !== '') state.filters[f.key] = value;
    });
  }
  function filterByName(name) {
    var n = String(name).toLowerCase();
    for (var i = 0; i < catalog.filters.length; i++) {
      if (catalog.filters[i].names.indexOf(n) >= 0) return catalog.filters[i];
    }
    return null;
  }
  function writeUrl(push) {
    var q = new URLSearchParams();
    q.set('sheet', state.sheet);
    q.set('range', state.preset);
    if (state.preset === 'custom') { q.set('from', new Date(state.from).toISOString()); q.set('to', new Date(state.to).toISOString()); }
    if (!state.compare) q.set('compare', '0');
    Object.keys(state.filters).forEach(function (k) { q.set(k, state.filters[k]); });
    var url = location.pathname + '?' + q.toString();
    if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
  }
  function resolveRange() {
    if (state.preset === 'custom') return;
    if (!LIVE) {
      var r = boot.range;
      var sFrom = Date.parse(r.from), sTo = Date.parse(r.to);
      var p = presetById(state.preset);
      state.to = sTo;
      state.from = p && p.ms ? Math.max(sFrom, sTo - p.ms) : sFrom;
      return;
    }
    if (bounds.end === null) {
      var now = Math.ceil(Date.now() / MINUTE) * MINUTE;
      state.to = now; state.from = now - (presetById(state.preset).ms || 7 * DAY);
      return;
    }
    var preset = presetById(state.preset);
    state.to = bounds.end;
    state.from = preset.ms ? bounds.end - preset.ms : Math.floor(bounds.first / DAY) * DAY;
  }
  /** The last 7 days of data, or all of it when there is less (a snapshot: all of it). */
  function defaultPreset() {
    if (!LIVE || !store || !store.first) return LIVE ? '7d' : 'all';
    return Date.parse(store.last) - Date.parse(store.first) > 7 * DAY ? '7d' : 'all';
  }
  function presetById(id) { return PRESETS.filter(function (p) { return p.id === id; })[0] || PRESETS[3]; }
  function isWholeSnapshot() {
    return !LIVE && state.from === Date.parse(boot.range.from) && state.to === Date.parse(boot.range.to);
  }

  // ---------------------------------------------------------------- sources
  /** Live: the server runs the catalog. Answers are cached per URL for the page's life. */
  var liveCache = new Map();
  function liveAnswer(insight, range, filters) {
    var q = new URLSearchParams();
    q.set('from', new Date(range.from).toISOString());
    q.set('to', new Date(range.to).toISOString());
    var unfiltered = [];
    Object.keys(filters).forEach(function (k) {
      if (insight.filters.indexOf(k) >= 0) q.append(k, filters[k]); else unfiltered.push(filtersByKey[k].label);
    });
    var url = boot.api + 'insights/' + encodeURIComponent(insight.id) + '?' + q.toString();
    if (!liveCache.has(url)) {
      liveCache.set(url, fetch(url, { headers: { Accept: 'application/json' } }).then(function (res) {
        return res.json().then(function (body) {
          if (!res.ok) { liveCache.delete(url); throw answerError(body.error || ('HTTP ' + res.status), 'http'); }
          if (body.unavailable) throw answerError(body.unavailable.message, body.unavailable.reason);
          return body;
        });
      }, function (e) { liveCache.delete(url); throw answerError('the server did not answer (' + e.message + '); is `serve` still running?', 'network'); }));
    }
    return liveCache.get(url).then(function (body) {
      return { columns: body.columns, rows: body.rows, unapplied: unfiltered, narrowed: false };
    });
  }
  function answerError(message, reason) { var e = new Error(message); e.reason = reason; return e; }

  /**
   * Snapshot: the embedded answer, its rows narrowed where the panel carries the column a condition
   * is about. What cannot be narrowed is reported, and the panel shows it needs `serve`.
   */
  function snapshotAnswer(insight, range, filters, previous) {
    var source = previous ? (boot.previous || {})[insight.id] : boot.answers[insight.id];
    if (!source) return Promise.reject(answerError(previous ? 'no previous period in this snapshot' : 'not in this snapshot', 'absent'));
    if (source.unavailable) return Promise.reject(answerError(source.unavailable.message, source.unavailable.reason));
    var rows = source.rows;
    var unapplied = [];
    var narrowed = false;
    var wholeRange = range.from === Date.parse(boot.range.from) && range.to === Date.parse(boot.range.to);
    if (!wholeRange && !previous) {
      var timeIndex = insight.columns.findIndex(function (c) { return c.role === 'time' || (c.role === 'detail' && c.type === 'timestamp' && c.name === 'request_time'); });
      if (timeIndex >= 0) {
        rows = rows.filter(function (r) { var t = Date.parse(r[timeIndex]); return t >= range.from && t < range.to; });
        narrowed = true;
      } else {
        unapplied.push('time range');
      }
    }
    Object.keys(filters).forEach(function (k) {
      var i = insight.columns.findIndex(function (c) { return c.filter === k; });
      if (i < 0) { unapplied.push(filtersByKey[k].label); return; }
      var want = String(filters[k]);
      var closed = filtersByKey[k].allowedValues.length > 0;
      rows = rows.filter(function (r) {
        var v = r[i];
        if (v === null || v === undefined) return false;
        return closed ? String(v).toUpperCase() === want.toUpperCase() : String(v) === want;
      });
      narrowed = true;
    });
    return Promise.resolve({ columns: source.columns, rows: rows, unapplied: unapplied, narrowed: narrowed });
  }

  function answer(insight, range, filters, previous) {
    return LIVE ? liveAnswer(insight, range, filters) : snapshotAnswer(insight, range, filters, previous);
  }

  /** Values a filter control offers: the server's ranking (live) or the values in the embedded rows (snapshot). */
  function suggestions(filter) {
    if (LIVE) {
      var q = new URLSearchParams();
      q.set('from', new Date(state.from).toISOString());
      q.set('to', new Date(state.to).toISOString());
      Object.keys(state.filters).forEach(function (k) { if (k !== filter.key) q.append(k, state.filters[k]); });
      return fetch(boot.api + 'values/' + encodeURIComponent(filter.key) + '?' + q.toString())
        .then(function (r) { return r.ok ? r.json() : { values: [] }; })
        .then(function (b) { return b.values.map(function (v) { return v.value; }); }, function () { return []; });
    }
    var seen = {};
    catalog.insights.forEach(function (insight) {
      var a = boot.answers[insight.id];
      if (!a || a.unavailable) return;
      insight.columns.forEach(function (c, i) {
        if (c.filter !== filter.key) return;
        a.rows.forEach(function (r) { if (r[i] !== null && r[i] !== undefined) seen[String(r[i])] = true; });
      });
    });
    return Promise.resolve(Object.keys(seen).sort().slice(0, 200));
  }

  // ---------------------------------------------------------------- scheduling and timings
  var viewVersion = 0;
  var queue = [];
  var running = 0;
  // The server's queries are CPU-bound and DuckDB already uses every core for each: more at once
  // would only delay the first panels.
  var MAX_PARALLEL = 2;
  var tracker = null;
  var panels = [];
  var observer = null;

  function schedule(panel) {
    if (panel.queued) return;
    panel.queued = true;
    queue.push(panel);
    pump();
  }
  function pump() {
    while (running < MAX_PARALLEL && queue.length) {
      var panel = queue.shift();
      panel.queued = false;
      if (panel.version === viewVersion || !panel.connected()) continue;
      running++;
      panel.load(viewVersion).then(done, done);
    }
    function done() { running--; pump(); }
  }

  /** Times one view (first load, filter change, sheet switch) until every panel then visible has drawn. */
  function startTracking(kind) {
    var mark = 'apigw:view:' + (++apigw.views);
    performance.mark(mark);
    tracker = { kind: kind, mark: mark, version: viewVersion, pending: new Set(), started: performance.now(), first: null };
  }
  function trackVisible(panel) {
    if (tracker && tracker.version === viewVersion && panel.version !== viewVersion) tracker.pending.add(panel);
  }
  function panelDone(panel, version) {
    if (!tracker || tracker.version !== version) return;
    if (tracker.first === null) {
      tracker.first = performance.now();
      if (tracker.kind === 'load') {
        performance.mark('apigw:first-panel');
        apigw.firstPanelMs = Math.round(tracker.first);
      }
    }
    tracker.pending.delete(panel);
    if (tracker.pending.size === 0) finishTracking();
  }
  function finishTracking() {
    var t = tracker;
    tracker = null;
    var name = 'apigw:' + t.kind;
    performance.measure(name, t.mark);
    var entry = { kind: t.kind, ms: Math.round(performance.now() - t.started), sinceNavigationMs: Math.round(performance.now()), sheet: state.sheet };
    apigw.timings.push(entry);
    apigw.ready = true;
    document.documentElement.setAttribute('data-view', String(apigw.views));
  }

  // ---------------------------------------------------------------- panels
  /** The width (of 12 columns) a chart kind reads best at on a laptop screen. */
  function preferredWidth(insight) {
    var n = insight.columns.length;
    switch (insight.chart) {
      case 'kpi': case 'map': return 12;
      case 'line': case 'stacked_bar': return 8;
      case 'heatmap': case 'pivot': return 6;
      case 'table': return n >= 7 ? 12 : 6;
      default: return 4;
    }
  }
  /**
   * Rows of 12 columns in catalog order: a panel that does not fit starts a new row, and the room
   * left in a row goes to its panels (equal shares when they are alike, else to the widest).
   */
  function layout(list) {
    var rows = [], row = [], used = 0;
    list.forEach(function (p) {
      var w = preferredWidth(p.insight);
      if (used + w > 12) { rows.push(row); row = []; used = 0; }
      row.push({ panel: p, width: w });
      used += w;
    });
    if (row.length) rows.push(row);
    rows.forEach(function (r) {
      var sum = r.reduce(function (s, x) { return s + x.width; }, 0);
      var left = 12 - sum;
      if (left > 0) {
        var alike = r.every(function (x) { return x.width === r[0].width; });
        if (alike && 12 % r.length === 0) r.forEach(function (x) { x.width = 12 / r.length; });
        else r.reduce(function (a, b) { return b.width > a.width ? b : a; }).width += left;
      }
      r.forEach(function (x) { x.panel.node.classList.add('w' + x.width); });
    });
  }

  function Panel(insight) {
    this.insight = insight;
    this.version = -1;
    this.charts = [];
    var node = document.getElementById('panel-template').content.firstElementChild.cloneNode(true);
    node.classList.add(insight.chart + '-panel');
    node.dataset.insight = insight.id;
    $('.panel-title', node).textContent = insight.title;
    $('.panel-question', node).textContent = insight.question;
    var self = this;
    $('.panel-cli', node).addEventListener('click', function () { self.copyCli(); });
    this.node = node;
    this.body = $('.panel-body', node);
    this.foot = $('.panel-foot', node);
    this.badge = $('.panel-badge', node);
  }
  Panel.prototype.connected = function () { return this.node.isConnected; };
  Panel.prototype.load = function (version) {
    var self = this;
    var insight = this.insight;
    var range = { from: state.from, to: state.to };
    var filters = Object.assign({}, state.filters);
    this.node.classList.add('loading');
    if (this.version >= 0) this.node.classList.add('stale');
    var wantPrevious = state.compare && insight.comparable;
    var previousRange = { from: range.from - (range.to - range.from), to: range.from };
    var current = answer(insight, range, filters, false);
    // A snapshot embeds the previous period for its whole range only, without filters. The previous
    // period is asked for after the current one: the tiles come first.
    var canCompare = wantPrevious && (LIVE || (isWholeSnapshot() && Object.keys(filters).length === 0));
    var previous = canCompare
      ? current.then(function () { return answer(insight, previousRange, filters, true); }).catch(function () { return null; })
      : Promise.resolve(null);
    this.loadingVersion = version;
    // Only the newest load of a panel may draw it; an answer for an older view leaves it stale.
    function settle(draw) {
      if (self.loadingVersion !== version) return;
      self.node.classList.remove('loading');
      if (version !== viewVersion) { self.node.classList.add('stale'); return; }
      self.version = version;
      self.node.classList.remove('stale');
      draw();
      panelDone(self, version);
    }
    // Draw the answer as soon as it is there; the previous period's deltas follow when they arrive.
    return current.then(function (answerNow) {
      settle(function () { self.render(answerNow, null); });
      return previous.then(function (before) {
        if (before && self.version === version && version === viewVersion && self.result === answerNow) self.render(answerNow, before);
      });
    }, function (e) {
      settle(function () { self.showError(e); });
    });
  };
  Panel.prototype.disposeCharts = function () {
    this.charts.forEach(function (c) { c.dispose(); });
    this.charts = [];
  };
  Panel.prototype.showEmpty = function (text, isError) {
    this.disposeCharts();
    var empty = document.getElementById('empty-template').content.firstElementChild.cloneNode(true);
    if (isError) empty.classList.add('error');
    $('.empty-text', empty).textContent = text;
    clear(this.body).appendChild(empty);
  };
  Panel.prototype.showError = function (e) {
    this.setBadge(null);
    this.foot.textContent = '';
    if (e.reason === 'missing_column') this.showEmpty(e.message.charAt(0).toUpperCase() + e.message.substring(1) + '.', false);
    else this.showEmpty('Could not load this panel: ' + e.message, true);
  };
  Panel.prototype.setBadge = function (text, kind, title) {
    if (!text) { this.badge.hidden = true; return; }
    this.badge.hidden = false;
    this.badge.textContent = text;
    this.badge.className = 'panel-badge' + (kind ? ' ' + kind : '');
    this.badge.title = title || '';
  };
  Panel.prototype.emptyReason = function () {
    var i = this.insight;
    if (store && store.rows === 0) return 'The store is empty: ingest your logs (`apigw-insights ingest`) or run `apigw-insights demo`.';
    if (viewRequests === 0) return 'No requests match this time range and these filters.';
    return emptyStates.insights[i.id] || emptyStates.sheets[i.sheet] || 'Nothing to show for this time range and these filters.';
  };
  Panel.prototype.render = function (result, previous) {
    var insight = this.insight;
    this.disposeCharts();
    clear(this.body);
    this.result = result;
    this.previous = previous;
    var notes = [];
    if (result.unapplied.length) {
      if (LIVE) {
        this.setBadge('Not filtered', '', 'This insight does not take: ' + result.unapplied.join(', '));
        notes.push('This insight does not take ' + result.unapplied.join(', ') + '.');
      } else {
        this.setBadge('Needs serve', '', 'Shown for the whole snapshot: ' + result.unapplied.join(', ') + ' can only be applied by `apigw-insights serve`.');
        notes.push('Whole snapshot: ' + result.unapplied.join(', ') + ' needs `serve`.');
        this.node.classList.add('stale');
      }
    } else if (result.narrowed) {
      this.setBadge('Narrowed', 'narrowed', 'The embedded rows were narrowed in the page to the time range and filters.');
    } else {
      this.setBadge(null);
    }
    var narrowedTopN = !LIVE && result.narrowed && insight.limit;
    if (narrowedTopN) notes.push('Among the ' + insight.limit + ' rows the file holds for the whole snapshot.');
    else if (insight.limit && insight.chart !== 'kpi') notes.push('Top ' + insight.limit + ' rows.');
    this.foot.textContent = notes.join(' ');
    if (!result.rows.length) {
      this.showEmpty(narrowedTopN ? 'None of the ' + insight.limit + ' rows this file holds match; `apigw-insights serve` answers for this view.'
        : this.emptyReason());
      return;
    }
    var draw = RENDERERS[insight.chart] || renderTable;
    draw(this, insight, result, previous);
  };
  Panel.prototype.copyCli = function () {
    var parts = ['./apigw-insights query --insight ' + this.insight.id,
      '--from ' + isoMinute(state.from), '--to ' + isoMinute(state.to)];
    var self = this;
    Object.keys(state.filters).forEach(function (k) {
      if (self.insight.filters.indexOf(k) >= 0) parts.push("--filter '" + k + '=' + String(state.filters[k]).replace(/'/g, "'\\''") + "'");
    });
    var command = parts.join(' ');
    var shown = el('span', null, 'Copied: ', el('code', { text: command }));
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(command).then(function () { toast(shown); }, function () { toast(command); });
    } else {
      toast(command);
    }
  };
  Panel.prototype.chart = function (container) {
    var chart = echarts.init(container, null, { renderer: 'canvas' });
    this.charts.push(chart);
    return chart;
  };

  // ---------------------------------------------------------------- chart helpers
  function theme() {
    var css = getComputedStyle(document.documentElement);
    var dark = document.documentElement.getAttribute('data-theme') === 'dark';
    return {
      dark: dark,
      text: css.getPropertyValue('--text').trim(),
      muted: css.getPropertyValue('--muted').trim(),
      faint: css.getPropertyValue('--faint').trim(),
      border: css.getPropertyValue('--border').trim(),
      panel: css.getPropertyValue('--panel').trim(),
      panel2: css.getPropertyValue('--panel-2').trim(),
      accent: css.getPropertyValue('--accent').trim(),
      palette: dark ? DARK_PALETTE : PALETTE
    };
  }
  function base(t) {
    return {
      useUTC: true,
      animationDuration: 300,
      color: t.palette,
      textStyle: { color: t.text, fontFamily: 'inherit' },
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      tooltip: {
        confine: true,
        backgroundColor: t.panel,
        borderColor: t.border,
        textStyle: { color: t.text, fontSize: 12 },
        extraCssText: 'box-shadow: 0 4px 16px rgba(0,0,0,.15); border-radius: 8px;'
      }
    };
  }
  function axis(t, extra) {
    return Object.assign({
      axisLine: { lineStyle: { color: t.border } },
      axisTick: { show: false },
      axisLabel: { color: t.muted, fontSize: 11 },
      splitLine: { lineStyle: { color: t.border, type: 'dashed' } }
    }, extra || {});
  }
  function colorFor(name, i, t) {
    return STATUS_COLORS[name] || t.palette[i % t.palette.length];
  }
  function shorten(text, n) { text = String(text); return text.length > n ? text.substring(0, n - 1) + '…' : text; }
  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
  }
  function container(panel, cls) {
    var div = el('div', { class: 'chart' + (cls ? ' ' + cls : '') });
    panel.body.appendChild(div);
    return div;
  }
  function idx(result, name) { return result.columns.indexOf(name); }
  /** The smallest gap between consecutive times: the bucket width. */
  function stepOf(times) {
    var sorted = Array.from(new Set(times)).sort(function (a, b) { return a - b; });
    var step = Infinity;
    for (var i = 1; i < sorted.length; i++) step = Math.min(step, sorted[i] - sorted[i - 1]);
    return isFinite(step) ? step : DAY;
  }
  function drill(panel, column, value) {
    if (!column || !column.filter || value === null || value === undefined) return;
    setFilter(column.filter, String(value), true);
  }
  /** Measures plotted together: those sharing the first one's unit (others go to the tooltip). */
  function plotted(measures) {
    return measures.filter(function (m) { return m.unit === measures[0].unit; });
  }
  function tooltipRows(pairs) {
    return pairs.map(function (p) {
      return '<div style="display:flex;justify-content:space-between;gap:14px"><span>' + (p.marker || '') + escapeHtml(p.label)
        + '</span><b>' + escapeHtml(p.value) + '</b></div>';
    }).join('');
  }

  // ---------------------------------------------------------------- renderers by chart kind
  function direction(column) {
    var n = column.name;
    if (/availability|within|budget_remaining|_2xx|success/.test(n)) return 1;
    if (column.unit === 'milliseconds' || column.unit === 'seconds' || /error|4xx|5xx|fail|burn|throttl|quota|anomal|z$/.test(n)) return -1;
    return 0;
  }
  function renderKpi(panel, insight, result, previous) {
    var grid = el('div', { class: 'kpis' });
    var row = result.rows[0];
    var prev = previous && previous.rows && previous.rows[0];
    var firstCount = insight.columns.findIndex(function (c) { return c.role === 'measure' && c.unit === 'count'; });
    var quietBefore = prev && firstCount >= 0 && !prev[firstCount];
    insight.columns.forEach(function (c, i) {
      if (c.role !== 'measure') return;
      var v = row[i];
      var value = el('div', { class: 'kpi-value' });
      var text = format(v, c.unit, true);
      var suffix = /^(.*?)(\s?(ms|s|%|×|kB|MB|GB|TB|B))$/.exec(text);
      if (suffix && c.unit !== 'count') { value.appendChild(document.createTextNode(suffix[1])); value.appendChild(el('small', { text: suffix[2].trim() })); } else { value.textContent = text; }
      value.title = format(v, c.unit, false);
      var tile = el('div', { class: 'kpi', 'data-column': c.name }, el('div', { class: 'kpi-label', text: c.label, title: c.label }), value);
      if (quietBefore) tile.appendChild(el('div', { class: 'kpi-delta', text: 'no data in the previous period' }));
      else if (prev) tile.appendChild(delta(c, v, prev[i]));
      grid.appendChild(tile);
    });
    panel.body.appendChild(grid);
  }
  function delta(column, now, before) {
    var line = el('div', { class: 'kpi-delta' });
    if (now === null || before === null || before === undefined) { line.textContent = 'no previous value'; return line; }
    var diff = now - before;
    var text;
    if (column.unit === 'percent') text = (diff >= 0 ? '+' : '−') + fixed(Math.abs(diff), 2) + ' pp';
    else if (before === 0) text = now === 0 ? '±0%' : 'new';
    else text = (diff >= 0 ? '+' : '−') + fixed(Math.abs(diff / before * 100), 1) + '%';
    var dir = direction(column);
    var mood = diff === 0 || dir === 0 ? 'neutral' : (diff > 0) === (dir > 0) ? 'good' : 'bad';
    line.appendChild(el('span', { class: (diff > 0 ? 'up ' : diff < 0 ? 'down ' : '') + mood, text: (diff > 0 ? '▲ ' : diff < 0 ? '▼ ' : '') + text }));
    line.appendChild(document.createTextNode(' vs ' + format(before, column.unit, true)));
    line.title = 'Previous period: ' + format(before, column.unit, false);
    return line;
  }

  function renderLine(panel, insight, result) {
    var t = theme();
    var time = columnsOf(insight, 'time')[0];
    var series = columnsOf(insight, 'series')[0];
    var measures = columnsOf(insight, 'measure');
    var ti = idx(result, time.name);
    var times = result.rows.map(function (r) { return Date.parse(r[ti]); });
    var step = stepOf(times);
    var chart = panel.chart(container(panel));
    var out = [];
    var axes = [];
    if (series) {
      var si = idx(result, series.name), mi = idx(result, measures[0].name);
      var groups = new Map();
      result.rows.forEach(function (r, k) {
        var key = r[si] === null ? '(none)' : String(r[si]);
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push([times[k], r[mi]]);
      });
      var keys = Array.from(groups.keys());
      keys.sort(function (a, b) { return total(groups.get(b)) - total(groups.get(a)); });
      keys.slice(0, 10).forEach(function (k, n) {
        out.push({ name: k, type: 'line', showSymbol: false, smooth: 0.2, data: groups.get(k), color: colorFor(k, n, t), lineStyle: { width: 1.8 } });
      });
      axes.push(measures[0].unit);
      if (keys.length > 10) panel.foot.textContent = (panel.foot.textContent + ' The 10 largest of ' + keys.length + ' series.').trim();
    } else {
      measures.forEach(function (m, n) {
        var mi = idx(result, m.name);
        var a = axes.indexOf(m.unit);
        if (a < 0 && axes.length < 2) { axes.push(m.unit); a = axes.length - 1; }
        if (a < 0) return;
        out.push({
          name: m.label, type: 'line', showSymbol: false, smooth: 0.2, yAxisIndex: a,
          data: result.rows.map(function (r, k) { return [times[k], r[mi]]; }),
          color: colorFor(/5xx|error/.test(m.name) ? '5xx' : '', n, t),
          areaStyle: measures.length === 1 || n === 0 ? { opacity: 0.08 } : undefined,
          lineStyle: { width: 1.8, type: a === 1 ? 'dashed' : 'solid' }
        });
      });
    }
    var unitOfSeries = out.map(function (s) { return axes[s.yAxisIndex || 0]; });
    var option = base(t);
    option.legend = { type: 'scroll', top: 0, left: 0, textStyle: { color: t.muted, fontSize: 11 }, icon: 'roundRect', itemWidth: 10, itemHeight: 4,
      formatter: function (name) { return shorten(name, 42); }, tooltip: { show: true } };
    option.grid.top = 34;
    option.tooltip.trigger = 'axis';
    option.tooltip.formatter = function (items) {
      if (!items.length) return '';
      var head = '<div style="margin-bottom:4px;color:' + t.muted + '">' + timeText(items[0].value[0], step) + ' UTC</div>';
      return head + tooltipRows(items.slice().sort(function (a, b) { return (b.value[1] || 0) - (a.value[1] || 0); }).slice(0, 12).map(function (p) {
        return { marker: p.marker, label: shorten(p.seriesName, 48), value: format(p.value[1], unitOfSeries[p.seriesIndex], false) };
      }));
    };
    option.xAxis = axis(t, { type: 'time', splitLine: { show: false }, axisLabel: { color: t.muted, fontSize: 11, hideOverlap: true,
      formatter: function (v) { return timeText(v, step); } } });
    option.yAxis = axes.map(function (u, a) {
      return axis(t, { type: 'value', splitLine: { show: a === 0, lineStyle: { color: t.border, type: 'dashed' } },
        axisLabel: { color: t.muted, fontSize: 11, formatter: function (v) { return format(v, u, true); } } });
    });
    option.dataZoom = [{ type: 'inside', filterMode: 'none' }];
    option.series = out;
    chart.setOption(option);
    if (series && series.filter) chart.on('click', function (p) { drill(panel, series, p.seriesName === '(none)' ? null : p.seriesName); });
  }
  function total(points) { return points.reduce(function (s, p) { return s + (p[1] || 0); }, 0); }

  function renderStacked(panel, insight, result) {
    var t = theme();
    var time = columnsOf(insight, 'time')[0];
    var dim = time || columnsOf(insight, 'dimension')[0];
    var series = columnsOf(insight, 'series')[0];
    var measure = columnsOf(insight, 'measure')[0];
    var xi = idx(result, dim.name), si = idx(result, series.name), mi = idx(result, measure.name);
    // Stacks add up per x only when every series has a value at every x: align them (a missing
    // bucket of a count is zero).
    var keys = [];
    var xs = [];
    var values = new Map();
    result.rows.forEach(function (r) {
      var key = r[si] === null ? '(none)' : String(r[si]);
      var x = time ? Date.parse(r[xi]) : cellText(r[xi], dim);
      if (!values.has(key)) { values.set(key, new Map()); keys.push(key); }
      if (xs.indexOf(x) < 0) xs.push(x);
      values.get(key).set(x, (values.get(key).get(x) || 0) + (r[mi] || 0));
    });
    if (time) xs.sort(function (a, b) { return a - b; });
    var groups = new Map();
    keys.forEach(function (k) { groups.set(k, xs.map(function (x) { return [x, values.get(k).get(x) || 0]; })); });
    keys.sort(function (a, b) {
      if (STATUS_COLORS[a] && STATUS_COLORS[b]) return a < b ? -1 : 1;
      return total(groups.get(b)) - total(groups.get(a));
    });
    var step = time ? stepOf(result.rows.map(function (r) { return Date.parse(r[xi]); })) : 0;
    var chart = panel.chart(container(panel));
    var option = base(t);
    option.legend = { type: 'scroll', top: 0, left: 0, textStyle: { color: t.muted, fontSize: 11 }, icon: 'roundRect', itemWidth: 10, itemHeight: 8,
      formatter: function (name) { return shorten(name, 32); } };
    option.grid.top = 34;
    option.tooltip.trigger = 'axis';
    option.tooltip.axisPointer = { type: 'shadow' };
    option.tooltip.formatter = function (items) {
      if (!items.length) return '';
      var x = items[0].value[0];
      var head = '<div style="margin-bottom:4px;color:' + t.muted + '">' + (time ? timeText(x, step) + ' UTC' : escapeHtml(x)) + '</div>';
      var sum = items.reduce(function (s, p) { return s + (p.value[1] || 0); }, 0);
      return head + tooltipRows(items.filter(function (p) { return p.value[1]; }).map(function (p) {
        return { marker: p.marker, label: shorten(p.seriesName, 40), value: format(p.value[1], measure.unit, false) };
      }).concat(measure.unit === 'count' ? [{ label: 'Total', value: format(sum, measure.unit, false) }] : []));
    };
    option.xAxis = time
      ? axis(t, { type: 'time', splitLine: { show: false }, axisLabel: { color: t.muted, fontSize: 11, hideOverlap: true, formatter: function (v) { return timeText(v, step); } } })
      : axis(t, { type: 'category', splitLine: { show: false } });
    option.yAxis = axis(t, { type: 'value', axisLabel: { color: t.muted, fontSize: 11, formatter: function (v) { return format(v, measure.unit, true); } } });
    option.series = keys.map(function (k, n) {
      return { name: k, type: 'bar', stack: 'total', data: groups.get(k), color: colorFor(k, n, t), barMaxWidth: 28, emphasis: { focus: 'series' } };
    });
    chart.setOption(option);
    chart.on('click', function (p) {
      if (series.filter) drill(panel, series, p.seriesName === '(none)' ? null : p.seriesName);
      else if (!time && dim.filter) drill(panel, dim, p.value[0]);
    });
  }

  function renderBar(panel, insight, result) {
    var t = theme();
    var dim = columnsOf(insight, 'dimension')[0];
    var measures = columnsOf(insight, 'measure');
    var shown = plotted(measures);
    var di = idx(result, dim.name);
    var labels = result.rows.map(function (r) { return r[di] === null ? '(none)' : cellText(r[di], dim); });
    var raw = result.rows.map(function (r) { return r[di]; });
    var height = Math.min(620, Math.max(240, labels.length * (shown.length > 1 ? 34 : 24) + 50));
    var div = container(panel);
    div.style.height = height + 'px';
    var chart = panel.chart(div);
    var option = base(t);
    option.grid.top = shown.length > 1 ? 28 : 8;
    option.grid.right = shown.length === 1 ? 44 : 16;   // room for the value printed after each bar
    if (shown.length > 1) option.legend = { top: 0, left: 0, textStyle: { color: t.muted, fontSize: 11 }, icon: 'roundRect', itemWidth: 10, itemHeight: 8 };
    option.tooltip.trigger = 'axis';
    option.tooltip.axisPointer = { type: 'shadow' };
    option.tooltip.formatter = function (items) {
      var k = items[0].dataIndex;
      var r = result.rows[k];
      return '<div style="margin-bottom:4px;max-width:420px;white-space:normal;word-break:break-all">' + escapeHtml(labels[k]) + '</div>'
        + tooltipRows(measures.map(function (m) { return { label: m.label, value: format(r[idx(result, m.name)], m.unit, false) }; }));
    };
    option.yAxis = axis(t, { type: 'category', inverse: true, data: labels, splitLine: { show: false },
      axisLabel: { color: t.text, fontSize: 11, width: 170, overflow: 'truncate', formatter: function (v) { return v; } } });
    option.xAxis = axis(t, { type: 'value', axisLabel: { color: t.muted, fontSize: 11, formatter: function (v) { return format(v, shown[0].unit, true); } } });
    option.series = shown.map(function (m, n) {
      var mi = idx(result, m.name);
      return {
        name: m.label, type: 'bar', barMaxWidth: 18,
        data: result.rows.map(function (r, k) {
          var c = STATUS_COLORS[String(raw[k]).charAt(0) + 'xx'];
          return { value: r[mi], itemStyle: { color: dim.name === 'status' && c ? c : colorFor(dim.name === 'status_class' ? String(raw[k]) : '', n, t), borderRadius: [0, 3, 3, 0] } };
        }),
        label: shown.length === 1 ? { show: true, position: 'right', color: t.muted, fontSize: 11, formatter: function (p) { return format(p.value, m.unit, true); } } : undefined
      };
    });
    chart.setOption(option);
    if (dim.filter) chart.on('click', function (p) { drill(panel, dim, raw[p.dataIndex]); });
  }

  function renderPie(panel, insight, result) {
    var t = theme();
    var dim = columnsOf(insight, 'dimension')[0];
    var measure = columnsOf(insight, 'measure')[0];
    var di = idx(result, dim.name), mi = idx(result, measure.name);
    var data = result.rows.map(function (r, n) {
      var name = r[di] === null ? '(none)' : cellText(r[di], dim);
      return { name: name, value: r[mi], raw: r[di], itemStyle: { color: colorFor(name, n, t) } };
    });
    if (data.length > 8 && measure.unit === 'count') {
      var rest = data.slice(7).reduce(function (s, d) { return s + (d.value || 0); }, 0);
      data = data.slice(0, 7).concat([{ name: 'Other', value: rest, raw: null, itemStyle: { color: t.faint } }]);
    }
    var sum = data.reduce(function (s, d) { return s + (d.value || 0); }, 0);
    var chart = panel.chart(container(panel));
    var option = base(t);
    option.tooltip.trigger = 'item';
    option.tooltip.formatter = function (p) {
      return escapeHtml(p.name) + '<br><b>' + format(p.value, measure.unit, false) + '</b> (' + fixed(p.percent, 1) + '%)';
    };
    option.legend = { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', textStyle: { color: t.muted, fontSize: 11 }, icon: 'circle', itemWidth: 8,
      formatter: function (name) {
        var d = data.filter(function (x) { return x.name === name; })[0];
        return shorten(name, 18) + '  ' + (sum && d ? fixed(d.value / sum * 100, 1) + '%' : '');
      } };
    option.series = [{
      type: 'pie', radius: ['48%', '74%'], center: ['34%', '52%'], avoidLabelOverlap: true, data: data,
      label: { show: true, position: 'center', formatter: function () { return format(sum, measure.unit, true); }, fontSize: 18, fontWeight: 650, color: t.text },
      labelLine: { show: false },
      emphasis: { label: { show: true, fontSize: 18 }, scaleSize: 4 },
      itemStyle: { borderColor: t.panel, borderWidth: 2 }
    }];
    chart.setOption(option);
    if (dim.filter) chart.on('click', function (p) { if (p.data && p.data.raw !== null) drill(panel, dim, p.data.raw); });
  }

  function renderHistogram(panel, insight, result) {
    var t = theme();
    var dim = columnsOf(insight, 'dimension')[0];
    var measure = columnsOf(insight, 'measure')[0];
    var di = idx(result, dim.name), mi = idx(result, measure.name);
    var chart = panel.chart(container(panel));
    var option = base(t);
    option.tooltip.trigger = 'axis';
    option.tooltip.axisPointer = { type: 'shadow' };
    option.tooltip.valueFormatter = function (v) { return format(v, measure.unit, false); };
    option.xAxis = axis(t, { type: 'category', data: result.rows.map(function (r) { return cellText(r[di], dim); }), splitLine: { show: false },
      axisLabel: { color: t.muted, fontSize: 10, rotate: result.rows.length > 8 ? 35 : 0, interval: 0 } });
    option.yAxis = axis(t, { type: 'value', axisLabel: { color: t.muted, fontSize: 11, formatter: function (v) { return format(v, measure.unit, true); } } });
    option.series = [{ name: measure.label, type: 'bar', barCategoryGap: '8%', data: result.rows.map(function (r) { return r[mi]; }),
      itemStyle: { color: t.accent, borderRadius: [3, 3, 0, 0] } }];
    chart.setOption(option);
  }

  /** A pivot's or heat map's columns (the catalog's contract): rows, columns, the measure, and their indexes. */
  function crossTab(insight, result) {
    var rows = columnsOf(insight, 'dimension')[0], cols = columnsOf(insight, 'series')[0], m = columnsOf(insight, 'measure')[0];
    return { rows: rows, cols: cols, measure: m, ri: idx(result, rows.name), ci: idx(result, cols.name), mi: idx(result, m.name) };
  }

  function renderHeatmap(panel, insight, result) {
    var t = theme();
    var c = crossTab(insight, result);
    var y = c.rows, x = c.cols, m = c.measure, yi = c.ri, xi = c.ci, mi = c.mi;
    function values(col, i) {
      if (col.axis === 'day_of_week') return [1, 2, 3, 4, 5, 6, 7];
      if (col.axis === 'hour_of_day') return Array.from({ length: 24 }, function (_, h) { return h; });
      return Array.from(new Set(result.rows.map(function (r) { return r[i]; }))).sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; });
    }
    var ys = values(y, yi), xs = values(x, xi);
    var max = 0;
    var data = result.rows.map(function (r) {
      max = Math.max(max, r[mi] || 0);
      return [xs.indexOf(r[xi]), ys.indexOf(r[yi]), r[mi]];
    });
    var chart = panel.chart(container(panel));
    var option = base(t);
    option.grid = { left: 8, right: 16, top: 8, bottom: 40, containLabel: true };
    option.tooltip.formatter = function (p) {
      return escapeHtml(cellText(ys[p.value[1]], y)) + ' ' + escapeHtml(cellText(xs[p.value[0]], x)) + '<br><b>' + format(p.value[2], m.unit, false) + '</b> ' + escapeHtml(m.label.toLowerCase());
    };
    option.xAxis = axis(t, { type: 'category', data: xs.map(function (v) { return x.axis === 'hour_of_day' ? pad(v) : cellText(v, x); }), splitArea: { show: false }, splitLine: { show: false } });
    option.yAxis = axis(t, { type: 'category', data: ys.map(function (v) { return cellText(v, y); }), inverse: true, splitLine: { show: false } });
    option.visualMap = { min: 0, max: max || 1, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, itemWidth: 10,
      textStyle: { color: t.muted, fontSize: 10 }, inRange: { color: [t.dark ? '#1b2540' : '#eef2ff', t.accent] }, formatter: function (v) { return format(v, m.unit, true); } };
    option.series = [{ type: 'heatmap', data: data, itemStyle: { borderColor: t.panel, borderWidth: 2, borderRadius: 3 }, emphasis: { itemStyle: { borderColor: t.text } } }];
    chart.setOption(option);
  }

  function sortable(table, result, columns, render) {
    var sort = { index: -1, dir: 1 };
    var heads = table.querySelectorAll('th');
    heads.forEach(function (th, k) {
      th.addEventListener('click', function () {
        sort.dir = sort.index === k ? -sort.dir : (columns[k].type === 'string' ? 1 : -1);
        sort.index = k;
        heads.forEach(function (h) { var s = h.querySelector('.sort'); if (s) s.remove(); });
        th.appendChild(el('span', { class: 'sort', text: sort.dir > 0 ? '▲' : '▼' }));
        var ci = result.columns.indexOf(columns[k].name);
        var rows = result.rows.slice().sort(function (a, b) {
          var x = a[ci], y = b[ci];
          if (x === y) return 0;
          if (x === null) return 1;
          if (y === null) return -1;
          return (x < y ? -1 : 1) * sort.dir;
        });
        render(rows);
      });
    });
  }
  function valueCell(value, column, maxOfBar, panel) {
    var numeric = column.type === 'bigint' || column.type === 'double';
    var td = el('td', { class: numeric && !column.axis && column.role !== 'dimension' ? 'num' : '' });
    if (value === null || value === undefined) { td.appendChild(el('span', { class: 'null', text: '–' })); return td; }
    var text = cellText(value, column);
    if (/^(request_id|api_id|api_key_id|source_ip|extended_request_id|connection_id)$/.test(column.name)) td.classList.add('mono');
    if (column.name === 'status' || column.name === 'status_class') {
      var cls = String(value).charAt(0) + 'xx';
      if (STATUS_COLORS[cls]) td.classList.add('status-' + cls);
    }
    if (column.filter) {
      td.appendChild(el('a', { class: 'drill', role: 'button', tabindex: '0', title: 'Filter every panel by ' + filtersByKey[column.filter].label + ' = ' + value,
        onclick: function () { drill(panel, column, value); }, onkeydown: function (e) { if (e.key === 'Enter') drill(panel, column, value); } }, text));
    } else {
      td.appendChild(el('span', { text: text }));
    }
    if (text.length > 40) td.title = String(value);
    if (maxOfBar) {
      td.classList.add('bar');
      td.insertBefore(el('div', { class: 'fill', style: 'width:' + Math.max(1, Math.round((value / maxOfBar) * 100)) + '%' }), td.firstChild);
    }
    return td;
  }
  function renderTable(panel, insight, result) {
    var columns = insight.columns;
    var barColumn = columns.filter(function (c) { return c.role === 'measure' && c.unit === 'count'; })[0];
    var bi = barColumn ? idx(result, barColumn.name) : -1;
    var max = bi >= 0 ? result.rows.reduce(function (s, r) { return Math.max(s, r[bi] || 0); }, 0) : 0;
    var table = el('table', { class: 'data' });
    var head = el('tr');
    columns.forEach(function (c) {
      var numeric = (c.type === 'bigint' || c.type === 'double') && c.role !== 'dimension';
      head.appendChild(el('th', { class: numeric ? 'num' : '', title: 'Sort by ' + c.label }, c.label + (c.unit !== 'none' && c.unit !== 'count' && catalog.units[c.unit] ? ' (' + catalog.units[c.unit] + ')' : '')));
    });
    table.appendChild(el('thead', null, head));
    var tbody = el('tbody');
    table.appendChild(tbody);
    function fill(rows) {
      clear(tbody);
      rows.forEach(function (r) {
        var tr = el('tr');
        columns.forEach(function (c) {
          var i = idx(result, c.name);
          tr.appendChild(valueCell(r[i], c, c === barColumn ? max : 0, panel));
        });
        tbody.appendChild(tr);
      });
    }
    fill(result.rows);
    sortable(table, result, columns, fill);
    panel.body.appendChild(el('div', { class: 'table-wrap' }, table));
  }

  function renderPivot(panel, insight, result) {
    var t = theme();
    var c = crossTab(insight, result);
    var rowCol = c.rows, colCol = c.cols, m = c.measure, ri = c.ri, ci = c.ci, mi = c.mi;
    var rowKeys = [], colKeys = [], cells = {};
    var max = 0;
    result.rows.forEach(function (r) {
      var rk = r[ri], ck = r[ci];
      if (rowKeys.indexOf(rk) < 0) rowKeys.push(rk);
      if (colKeys.indexOf(ck) < 0) colKeys.push(ck);
      cells[rk + '\u0000' + ck] = r[mi];
      max = Math.max(max, r[mi] || 0);
    });
    colKeys.sort(function (a, b) { return a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0; });
    var table = el('table', { class: 'data pivot' });
    var head = el('tr', null, el('th', { text: rowCol.label }));
    colKeys.forEach(function (k) { head.appendChild(el('th', { class: 'num' }, k === null ? '(none)' : cellText(k, colCol))); });
    table.appendChild(el('thead', null, head));
    var tbody = el('tbody');
    rowKeys.forEach(function (rk) {
      var tr = el('tr');
      tr.appendChild(valueCell(rk, rowCol, 0, panel));
      colKeys.forEach(function (ck) {
        var v = cells[rk + '\u0000' + ck];
        var td = el('td', { class: 'cell num', text: v === undefined || v === null ? '–' : format(v, m.unit, false) });
        if (v) td.style.background = 'color-mix(in srgb, ' + t.accent + ' ' + Math.round(6 + 38 * v / (max || 1)) + '%, transparent)';
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    panel.body.appendChild(el('div', { class: 'table-wrap' }, table));
    panel.foot.textContent = (panel.foot.textContent + ' Cells: ' + m.label + (catalog.units[m.unit] ? ' (' + catalog.units[m.unit] + ')' : '') + '.').trim();
  }

  // ---- the map: Natural Earth 1:110m countries (TopoJSON), joined to ISO alpha-2 codes
  var geo = null;
  function embeddedJson(id) { var n = document.getElementById(id); return n ? JSON.parse(n.textContent) : null; }
  function loadGeo() {
    if (geo) return geo;
    var parts = LIVE
      ? Promise.all(['countries-110m.json', 'country-codes.json', 'country-names-en.json'].map(function (f) {
        return fetch('assets/' + f).then(function (r) { if (!r.ok) throw new Error('map data missing'); return r.json(); });
      }))
      : Promise.resolve([embeddedJson('apigw-geo-topology'), embeddedJson('apigw-geo-codes'), embeddedJson('apigw-geo-names')]);
    geo = parts.then(function (p) {
      var byNumeric = {};
      p[1].forEach(function (c) { byNumeric[c[2]] = c[0]; });
      var names = {};
      Object.keys(p[2].countries).forEach(function (k) { var v = p[2].countries[k]; names[k] = Array.isArray(v) ? v[0] : v; });
      var features = topoFeatures(p[0], 'countries').filter(function (f) { return f.id !== '010'; });
      features.forEach(function (f) { f.properties = { iso2: byNumeric[f.id] || ('n' + f.id), name: f.properties.name }; });
      echarts.registerMap('world', { type: 'FeatureCollection', features: features });
      return { names: names };
    });
    return geo;
  }
  /** TopoJSON to GeoJSON features (quantized, delta-encoded arcs; polygons and multipolygons). */
  function topoFeatures(topo, objectName) {
    var tf = topo.transform;
    var arcs = topo.arcs.map(function (arc) {
      var x = 0, y = 0;
      return arc.map(function (p) {
        if (!tf) return [p[0], p[1]];
        x += p[0]; y += p[1];
        return [x * tf.scale[0] + tf.translate[0], y * tf.scale[1] + tf.translate[1]];
      });
    });
    function ring(indices) {
      var points = [];
      indices.forEach(function (i, k) {
        var a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
        for (var j = k ? 1 : 0; j < a.length; j++) points.push(a[j]);
      });
      // A ring crossing the antimeridian (Russia, Fiji) jumps by ~360 degrees: keep it continuous,
      // or a flat map draws a line across the world.
      var shift = 0;
      return points.map(function (p, n) {
        if (n > 0) {
          var jump = p[0] - points[n - 1][0];
          if (jump > 180) shift -= 360; else if (jump < -180) shift += 360;
        }
        return [p[0] + shift, p[1]];
      });
    }
    function polygon(rings) { return rings.map(ring); }
    return topo.objects[objectName].geometries.map(function (g) {
      var geometry = g.type === 'Polygon' ? { type: 'Polygon', coordinates: polygon(g.arcs) }
        : g.type === 'MultiPolygon' ? { type: 'MultiPolygon', coordinates: g.arcs.map(polygon) } : null;
      return { type: 'Feature', id: g.id, properties: g.properties || {}, geometry: geometry };
    }).filter(function (f) { return f.geometry; });
  }
  function renderMap(panel, insight, result) {
    var loc = columnsOf(insight, 'location')[0];
    var measures = columnsOf(insight, 'measure');
    var li = idx(result, loc.name), mi = idx(result, measures[0].name);
    var layout = el('div', { class: 'map-layout' });
    var mapDiv = el('div', { class: 'chart map' });
    layout.appendChild(mapDiv);
    panel.body.appendChild(layout);
    var version = panel.version;
    return loadGeo().then(function (g) {
      if (panel.version !== version || !mapDiv.isConnected) return;
      var t = theme();
      var chart = panel.chart(mapDiv);
      var byCode = {};
      var max = 0;
      result.rows.forEach(function (r) { if (r[li]) { byCode[r[li]] = r; max = Math.max(max, r[mi] || 0); } });
      var option = base(t);
      option.tooltip.trigger = 'item';
      option.tooltip.formatter = function (p) {
        var r = byCode[p.name];
        var name = g.names[p.name] || p.name;
        if (!r) return escapeHtml(name) + '<br><span style="color:' + t.muted + '">no requests</span>';
        return '<div style="margin-bottom:4px">' + escapeHtml(name) + '</div>' + tooltipRows(measures.map(function (m) {
          return { label: m.label, value: format(r[idx(result, m.name)], m.unit, false) };
        }));
      };
      option.visualMap = { min: 0, max: max || 1, left: 8, bottom: 8, orient: 'horizontal', itemWidth: 10, itemHeight: 140, calculable: false,
        text: [format(max, measures[0].unit, true), '0'], textStyle: { color: t.muted, fontSize: 10 },
        inRange: { color: [t.dark ? '#22325a' : '#dbe4ff', t.accent] } };
      option.series = [{
        type: 'map', map: 'world', nameProperty: 'iso2', roam: true, scaleLimit: { min: 1, max: 8 },
        left: 0, right: 0, top: 8, bottom: 30,
        itemStyle: { areaColor: t.dark ? '#1b2438' : '#edf0f5', borderColor: t.dark ? '#2c3a57' : '#c9d1dd', borderWidth: 0.6 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: t.dark ? '#fdb022' : '#f79009' } },
        select: { disabled: true },
        data: Object.keys(byCode).map(function (k) { return { name: k, value: byCode[k][mi] }; })
      }];
      chart.setOption(option);
      if (loc.filter) chart.on('click', function (p) { if (byCode[p.name]) drill(panel, loc, p.name); });
      // The ranking beside the map: every country, also those too small for a 1:110m map.
      var ranking = { columns: result.columns, rows: result.rows };
      var rows = ranking.rows.map(function (r) { var c = r.slice(); c[li] = r[li] === null ? null : r[li]; return c; });
      var table = el('table', { class: 'data' });
      var head = el('tr', null, el('th', { text: 'Country' }));
      measures.slice(0, 2).forEach(function (m) { head.appendChild(el('th', { class: 'num', text: m.label + (catalog.units[m.unit] ? ' (' + catalog.units[m.unit] + ')' : '') })); });
      table.appendChild(el('thead', null, head));
      var tbody = el('tbody');
      rows.forEach(function (r) {
        var code = r[li];
        var tr = el('tr');
        var nameCell = valueCell(code, loc, 0, panel);
        if (code) {
          var label = nameCell.firstChild;
          label.textContent = (g.names[code] || code) + ' (' + code + ')';
        } else {
          clear(nameCell).appendChild(el('span', { class: 'null', text: 'Unknown (private or unmapped IP)' }));
        }
        tr.appendChild(nameCell);
        measures.slice(0, 2).forEach(function (m) { tr.appendChild(valueCell(r[idx(result, m.name)], m, 0, panel)); });
        tbody.appendChild(tr);
      });
      table.appendChild(tbody);
      layout.appendChild(el('div', { class: 'table-wrap' }, table));
    });
  }

  var RENDERERS = {
    kpi: renderKpi, line: renderLine, stacked_bar: renderStacked, bar: renderBar, pie: renderPie, table: renderTable,
    pivot: renderPivot, heatmap: renderHeatmap, histogram: renderHistogram, map: renderMap
  };

  // ---------------------------------------------------------------- the shell
  var viewRequests = null;

  function renderStoreSummary() {
    var box = clear($('#store-summary'));
    if (!store) return;
    var span = store.first ? ' · ' + timeText(Date.parse(store.first), DAY) + ' – ' + timeText(Date.parse(store.last), MINUTE) + ' UTC' : '';
    box.appendChild(el('strong', { text: format(store.rows, 'count', false) }));
    box.appendChild(document.createTextNode(' requests in the store' + span));
    box.title = store.dataDir;
    var badge = $('#mode-badge');
    if (LIVE) { badge.textContent = 'Live'; badge.classList.add('live'); badge.title = 'Answers come from apigw-insights serve'; }
    else { badge.textContent = 'Snapshot · ' + timeText(Date.parse(boot.generatedAt), MINUTE); badge.title = 'A file written by apigw-insights dashboard'; }
    $('#footer-text').textContent = catalog.insights.length + ' insights in ' + catalog.sheets.length + ' sheets, from the insight catalog · times in UTC';
  }

  function renderPresets() {
    var box = clear($('#time-presets'));
    var span = LIVE ? (bounds.end !== null ? bounds.end - Math.floor(bounds.first / DAY) * DAY : Infinity) : Date.parse(boot.range.to) - Date.parse(boot.range.from);
    PRESETS.forEach(function (p) {
      var b = el('button', { type: 'button', 'data-preset': p.id, 'aria-pressed': String(state.preset === p.id) }, p.label);
      // A preset clearly longer than the data shows nothing 'All' does not.
      if (p.ms && p.ms > span + DAY && p.id !== state.preset) b.disabled = true;
      b.addEventListener('click', function () {
        state.preset = p.id;
        resolveRange();
        changed('range', true);
      });
      box.appendChild(b);
    });
    $('#range-from').value = isoMinute(state.from);
    $('#range-to').value = isoMinute(state.to);
  }

  function renderFilters() {
    var grid = clear($('#filters'));
    var extra = 0;
    var ordered = PRIMARY_FILTERS.map(function (k) { return filtersByKey[k]; }).filter(Boolean)
      .concat(catalog.filters.filter(function (f) { return PRIMARY_FILTERS.indexOf(f.key) < 0; }));
    ordered.forEach(function (f) {
      var primary = PRIMARY_FILTERS.indexOf(f.key) >= 0;
      var id = 'filter-' + f.key;
      var box = el('div', { class: 'filter' + (primary ? '' : ' extra') + (state.filters[f.key] ? ' active' : ''), 'data-filter': f.key, title: f.description });
      if (!primary) extra++;
      box.appendChild(el('label', { for: id, text: f.label }));
      var control;
      if (f.allowedValues.length) {
        control = el('select', { id: id, name: f.key });
        control.appendChild(el('option', { value: '' }, 'All'));
        f.allowedValues.forEach(function (v) { control.appendChild(el('option', { value: v }, v)); });
        control.value = state.filters[f.key] || '';
        control.addEventListener('change', function () { setFilter(f.key, control.value, false); });
      } else {
        var list = el('datalist', { id: id + '-values' });
        control = el('input', { id: id, name: f.key, type: 'search', list: id + '-values', placeholder: 'All', spellcheck: 'false' });
        control.value = state.filters[f.key] || '';
        control.addEventListener('focus', function () {
          suggestions(f).then(function (values) {
            clear(list);
            values.forEach(function (v) { list.appendChild(el('option', { value: v })); });
          });
        });
        control.addEventListener('change', function () { setFilter(f.key, control.value.trim(), false); });
        box.appendChild(list);
      }
      box.appendChild(control);
      grid.appendChild(box);
    });
    var more = $('#more-filters');
    var open = $('#controls').classList.contains('filters-open');
    more.textContent = open ? 'Fewer filters' : 'More filters (' + extra + ')';
    more.setAttribute('aria-expanded', String(open));
  }

  function renderChips() {
    var box = clear($('#chips'));
    var keys = Object.keys(state.filters);
    keys.forEach(function (k) {
      var f = filtersByKey[k];
      box.appendChild(el('span', { class: 'chip', 'data-filter': k },
        el('b', { text: f.label }), el('span', { text: state.filters[k], title: state.filters[k] }),
        el('button', { type: 'button', title: 'Remove this filter', 'aria-label': 'Remove ' + f.label, onclick: function () { setFilter(k, '', true); } }, '×')));
    });
    if (keys.length > 1) box.appendChild(el('button', { type: 'button', class: 'chip clear', onclick: function () { state.filters = {}; changed('filter', true); } }, 'Clear all'));
  }

  function renderNotice() {
    var notice = $('#notice');
    if (LIVE) { notice.hidden = true; return; }
    clear(notice);
    notice.hidden = false;
    notice.appendChild(document.createTextNode('Snapshot of ' + timeText(Date.parse(boot.range.from), MINUTE) + ' – ' + timeText(Date.parse(boot.range.to), MINUTE)
      + ' UTC. In this file the time range and filters narrow the rows each panel carries (time buckets, routes, customers…); panels marked '));
    notice.appendChild(el('b', { text: 'Needs serve' }));
    notice.appendChild(document.createTextNode(' keep the whole snapshot\u2019s numbers. For live answers to any filter run '));
    notice.appendChild(el('code', { text: './apigw-insights serve' }));
    notice.appendChild(document.createTextNode('.'));
  }

  function renderTabs() {
    var nav = clear($('#tabs'));
    catalog.sheets.forEach(function (s) {
      if (!s.insights) return;
      var tab = el('button', { type: 'button', class: 'tab', role: 'tab', id: 'tab-' + s.id, 'data-sheet': s.id, 'aria-selected': String(state.sheet === s.id), title: s.description },
        s.title, el('span', { class: 'count', text: String(s.insights) }));
      tab.addEventListener('click', function () {
        if (state.sheet === s.id) return;
        state.sheet = s.id;
        changed('sheet', true);
      });
      nav.appendChild(tab);
    });
  }

  function renderSheet() {
    panels.forEach(function (p) { p.disposeCharts(); });
    var grid = clear($('#panels'));
    var sheet = catalog.sheets.filter(function (s) { return s.id === state.sheet; })[0];
    $('#sheet-description').textContent = sheet.description + '.';
    panels = catalog.insights.filter(function (i) { return i.sheet === sheet.id; }).map(function (i) { return new Panel(i); });
    layout(panels);
    panels.forEach(function (p) { grid.appendChild(p.node); });
    watch();
  }

  /** Loads panels as they come into view; a panel out of view waits until it is scrolled to. */
  function watch() {
    if (observer) observer.disconnect();
    observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        var panel = panels.filter(function (p) { return p.node === e.target; })[0];
        if (!panel) return;
        panel.visible = e.isIntersecting;
        if (panel.visible && panel.version !== viewVersion) { trackVisible(panel); schedule(panel); }
      });
      if (tracker && tracker.pending.size === 0 && queue.length === 0 && running === 0) finishTracking();
    }, { rootMargin: '150px 0px' });
    panels.forEach(function (p) { observer.observe(p.node); });
  }

  function refreshPanels() {
    panels.forEach(function (p) {
      if (p.visible) { trackVisible(p); schedule(p); } else if (p.version >= 0) { p.node.classList.add('stale'); }
    });
    if (tracker && tracker.pending.size === 0) finishTracking();
  }

  /** The number of requests in the view, for the summary line and empty states (live only). */
  function refreshViewSummary() {
    var box = clear($('#view-summary'));
    var kpi = catalog.insights.filter(function (i) { return i.chart === 'kpi' && i.comparable; })[0];
    viewRequests = null;
    if (!kpi || (!LIVE && Object.keys(state.filters).length)) return;
    var version = viewVersion;
    var c = kpi.columns.filter(function (col) { return col.role === 'measure' && col.unit === 'count'; })[0];
    if (!c) return;
    answer(kpi, { from: state.from, to: state.to }, state.filters, false).then(function (res) {
      if (version !== viewVersion || res.unapplied.length || !res.rows.length) return;
      viewRequests = res.rows[0][res.columns.indexOf(c.name)];
      box.appendChild(el('strong', { text: format(viewRequests, 'count', false) }));
      box.appendChild(document.createTextNode(' ' + c.label.toLowerCase() + ' · ' + timeText(state.from, MINUTE) + ' – ' + timeText(state.to, MINUTE) + ' UTC'));
    }, function () { /* the panels show the error */ });
  }

  function setFilter(key, value, announce) {
    var before = state.filters[key] || '';
    if (value) state.filters[key] = value; else delete state.filters[key];
    if ((state.filters[key] || '') === before) return;
    if (announce && value) toast('Every panel is now filtered by ' + filtersByKey[key].label + ' = ' + value);
    changed('filter', true);
  }

  /** Something in the view changed: URL, controls, and every panel of the sheet. */
  function changed(kind, push) {
    viewVersion++;
    writeUrl(push);
    startTracking(kind);
    renderPresets();
    renderFilters();
    renderChips();
    $('#compare').checked = state.compare;
    if (kind === 'sheet' || kind === 'load') {
      renderTabs();
      renderSheet();
    } else {
      refreshPanels();
    }
    refreshViewSummary();
  }

  function applyTheme(name) {
    document.documentElement.setAttribute('data-theme', name);
    try { localStorage.setItem('apigw-theme', name); } catch (e) { /* file:// may refuse storage */ }
  }
  function initialTheme() {
    var saved = null;
    try { saved = localStorage.getItem('apigw-theme'); } catch (e) { saved = null; }
    var q = new URLSearchParams(location.search).get('theme');
    if (q === 'dark' || q === 'light') return q;
    if (saved === 'dark' || saved === 'light') return saved;
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  function wireControls() {
    $('#theme-toggle').addEventListener('click', function () {
      applyTheme(document.documentElement.getAttribute('data-theme') === 'dark' ? 'light' : 'dark');
      panels.forEach(function (p) { if (p.result) { p.render(p.result, p.previous); } });
    });
    $('#compare').addEventListener('change', function (e) { state.compare = e.target.checked; changed('compare', false); });
    $('#custom-range').addEventListener('submit', function (e) {
      e.preventDefault();
      var f = Date.parse($('#range-from').value + ':00Z'), t = Date.parse($('#range-to').value + ':00Z');
      if (isNaN(f) || isNaN(t) || f >= t) { toast('The start must be before the end.'); return; }
      state.preset = 'custom'; state.from = f; state.to = t;
      changed('range', true);
    });
    $('#more-filters').addEventListener('click', function () {
      $('#controls').classList.toggle('filters-open');
      renderFilters();
    });
    window.addEventListener('popstate', function () {
      state.filters = {};
      state.compare = true;
      var sheet = state.sheet;
      readUrl();
      resolveRange();
      changed(state.sheet !== sheet ? 'sheet' : 'filter', false);
    });
    var resizeTimer = null;
    window.addEventListener('resize', function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(function () { panels.forEach(function (p) { p.charts.forEach(function (c) { c.resize(); }); }); }, 120);
    });
  }

  function start() {
    applyTheme(initialTheme());
    indexCatalog();
    readUrl();
    if (!state.sheet || !catalog.sheets.some(function (s) { return s.id === state.sheet && s.insights; })) {
      state.sheet = catalog.sheets.filter(function (s) { return s.insights; })[0].id;
    }
    if (store && store.first) {
      bounds.first = Date.parse(store.first);
      bounds.last = Date.parse(store.last);
      bounds.end = Math.floor(bounds.last / MINUTE) * MINUTE + MINUTE;
    }
    resolveRange();
    renderStoreSummary();
    renderNotice();
    wireControls();
    changed('load', false);
  }

  if (LIVE && !(catalog && store)) {
    Promise.all([
      fetch(boot.api + 'catalog').then(function (r) { return r.json(); }),
      fetch(boot.api + 'store').then(function (r) { return r.json(); })
    ]).then(function (res) {
      catalog = res[0];
      store = res[1];
      start();
    }, function (e) {
      apigw.errors.push('cannot load the catalog: ' + e.message);
      $('#sheet-description').textContent = 'Cannot reach the server: is apigw-insights serve running?';
    });
  } else {
    start();
  }
})();
