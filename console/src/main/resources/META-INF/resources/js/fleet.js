// Status: per tenant and entity the fleet's figures, refreshed live, and a plot of records per
// minute per stage over the last hour (inline SVG built through the DOM, no library).
(function (mlc) {
  const SVG = 'http://www.w3.org/2000/svg';
  const COLORS = ['#1d4ed8', '#059669', '#d97706', '#dc2626', '#7c3aed', '#0891b2', '#4b5563',
    '#db2777', '#65a30d'];
  let timer = null;

  async function refresh() {
    const error = mlc.errorOf('fleet');
    const all = await mlc.guarded(error, () => mlc.call('GET', '/status'));
    if (all) {
      render(all);
      document.getElementById('fleet-updated').textContent = 'Updated ' + new Date().toLocaleTimeString();
    }
    plot();
  }

  function render(all) {
    const box = document.getElementById('fleet-tenants');
    box.replaceChildren();
    for (const t of all) {
      const card = mlc.el('div', null, 'card');
      card.dataset.tenant = t.tenant;
      const h = mlc.el('h3', t.tenant + ' — ' + (t.displayName || '') + ' ');
      h.appendChild(mlc.badge(t.health));
      card.appendChild(h);
      const inv = t.invoices || {};
      const figures = mlc.el('p', null, 'figures');
      figures.appendChild(figure('parked', t.parked));
      figures.appendChild(figure('awaiting receipt', inv.AWAITING_RECEIPT || 0));
      figures.appendChild(figure('posted', inv.POSTED || 0));
      figures.appendChild(figure('failed', (inv.FAILED || 0) + (inv.REJECTED || 0)));
      figures.appendChild(figure('records behind', behindTotal(t) + (t.lagCapped ? '+' : '')));
      card.appendChild(figures);
      card.appendChild(entities(t));
      card.appendChild(breakers(t));
      card.appendChild(behind(t));
      card.appendChild(stages(t));
      if (t.lastError) {
        const e = t.lastError;
        card.appendChild(mlc.el('p', 'Last error ' + mlc.time(e.at) + ' in ' + e.service + ' (' +
          e.stage + ' ' + e.entity + ' ' + e.externalId + '): ' + e.error, 'error'));
      }
      box.appendChild(card);
    }
    if (all.length === 0) {
      box.appendChild(mlc.el('p', 'No tenant registered yet.'));
    }
  }

  function figure(label, value) {
    const s = mlc.el('span', label + ': ');
    s.appendChild(mlc.el('strong', value));
    s.dataset.figure = label;
    return s;
  }

  function behindTotal(t) {
    let n = 0;
    for (const topics of Object.values(t.behind || {})) {
      for (const v of Object.values(topics)) { n += v; }
    }
    return n;
  }

  function table(headers, rows) {
    const tbl = mlc.el('table');
    const head = mlc.el('tr');
    headers.forEach((h) => head.appendChild(mlc.el('th', h)));
    tbl.appendChild(head);
    rows.forEach((r) => {
      const row = mlc.el('tr');
      r.forEach((c) => mlc.cell(row, c));
      tbl.appendChild(row);
    });
    return tbl;
  }

  function entities(t) {
    if (!t.entities.length) {
      return mlc.el('p', 'Not polled yet.', 'hint');
    }
    return table(['system', 'entity', 'last poll', 'cursor'], t.entities.map((e) =>
      [e.system, e.entity, mlc.time(e.lastPoll), mlc.time(e.cursorModified) + ' / ' + (e.cursorKey || '')]));
  }

  // Per system the worst circuit breaker across the services that call it (OPEN: calls fail at
  // once; HALF_OPEN: the next call is a trial), with every service's own state.
  function breakers(t) {
    const systems = Object.entries(t.breakers || {});
    if (!systems.length) {
      return mlc.el('p', 'No circuit breaker published yet.', 'hint');
    }
    const tbl = mlc.el('table');
    tbl.dataset.breakers = '';
    const head = mlc.el('tr');
    ['system', 'breaker', 'service', 'since', 'open until', 'last failure', 'all services']
      .forEach((h) => head.appendChild(mlc.el('th', h)));
    tbl.appendChild(head);
    for (const [system, b] of systems) {
      const row = mlc.el('tr');
      row.dataset.system = system;
      mlc.cell(row, system);
      mlc.cell(row, mlc.badge(b.state));
      mlc.cell(row, b.service);
      mlc.cell(row, mlc.time(b.since));
      mlc.cell(row, b.state === 'OPEN' ? mlc.time(b.openUntil) : '');
      mlc.cell(row, b.lastFailure || '');
      mlc.cell(row, Object.entries(b.services || {}).map(([s, v]) => s + ' ' + v).join(', '));
      tbl.appendChild(row);
    }
    return tbl;
  }

  function behind(t) {
    if (t.lagError) {
      return mlc.el('p', 'Records behind unknown: ' + t.lagError, 'error');
    }
    const rows = [];
    for (const [group, topics] of Object.entries(t.behind || {})) {
      for (const [topic, n] of Object.entries(topics)) { rows.push([group, topic, n]); }
    }
    return rows.length ? table(['consumer group', 'topic', 'records behind'], rows)
      : mlc.el('p', 'No records behind.', 'hint');
  }

  function stages(t) {
    return t.stages.length
      ? table(['service', 'stage', 'last hour', 'last day'], t.stages.map((s) =>
        [s.service, s.stage, s.lastHour, s.lastDay]))
      : mlc.el('p', 'No activity in the last day.', 'hint');
  }

  async function plot() {
    const tenant = mlc.tenant();
    document.getElementById('plot-tenant').textContent = tenant || '';
    const box = document.getElementById('plot');
    const error = mlc.section('fleet').querySelector('[data-plot-error]');
    if (!tenant) {
      box.replaceChildren();
      return;
    }
    const data = await mlc.guarded(error, () =>
      mlc.call('GET', '/status/' + encodeURIComponent(tenant) + '/throughput'));
    if (data) {
      box.replaceChildren(svg(data));
    }
  }

  function node(tag, attrs, text) {
    const n = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) { n.setAttribute(k, v); }
    if (text !== undefined) { n.textContent = text; }
    return n;
  }

  function svg(data) {
    const W = 720, H = 240, L = 40, B = 24, T = 10, R = 150;
    const names = Object.keys(data.stages);
    let max = 1;
    names.forEach((n) => data.stages[n].forEach((v) => { max = Math.max(max, v); }));
    const s = node('svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, role: 'img',
      'aria-label': 'records per minute per stage, last hour' });
    const x = (i) => L + i * (W - L - R) / 59;
    const y = (v) => H - B - v * (H - B - T) / max;
    s.appendChild(node('line', { x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: '#999' }));
    s.appendChild(node('line', { x1: L, y1: T, x2: L, y2: H - B, stroke: '#999' }));
    s.appendChild(node('text', { x: 4, y: T + 10, 'font-size': 11 }, String(max)));
    s.appendChild(node('text', { x: 4, y: H - B, 'font-size': 11 }, '0'));
    s.appendChild(node('text', { x: L, y: H - 6, 'font-size': 11 }, '-60 min'));
    s.appendChild(node('text', { x: W - R - 30, y: H - 6, 'font-size': 11 }, 'now'));
    names.forEach((name, k) => {
      const color = COLORS[k % COLORS.length];
      const points = data.stages[name].map((v, i) => x(i) + ',' + y(v)).join(' ');
      s.appendChild(node('polyline', { points: points, fill: 'none', stroke: color, 'stroke-width': 2,
        'data-stage': name }));
      s.appendChild(node('rect', { x: W - R + 10, y: T + k * 18, width: 10, height: 10, fill: color }));
      const total = data.stages[name].reduce((a, b) => a + b, 0);
      s.appendChild(node('text', { x: W - R + 26, y: T + 9 + k * 18, 'font-size': 11 },
        name + ' (' + total + ')'));
    });
    if (!names.length) {
      s.appendChild(node('text', { x: L + 20, y: H / 2, 'font-size': 13 }, 'no records in the last hour'));
    }
    return s;
  }

  mlc.tabs.fleet = {
    enter: () => {
      refresh();
      if (!timer) { timer = setInterval(refresh, 10000); }
    },
    leave: () => {
      if (timer) { clearInterval(timer); timer = null; }
    }
  };
})(window.mlc);
