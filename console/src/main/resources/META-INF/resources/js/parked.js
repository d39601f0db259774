// Parked: what the mapper and writer parked and why; replay one or a selection after the fix.
(function (mlc) {
  const table = document.getElementById('parked');
  const resolved = document.getElementById('parked-resolved');

  async function load() {
    const tenant = mlc.tenant();
    const tbody = table.querySelector('tbody');
    tbody.replaceChildren();
    if (!tenant) {
      return;
    }
    const rows = await mlc.guarded(mlc.errorOf('parked'), () =>
      mlc.call('GET', '/parked/' + encodeURIComponent(tenant) + (resolved.checked ? '?resolved=true' : '')));
    for (const p of rows || []) {
      const row = mlc.el('tr');
      row.dataset.sourceId = p.sourceId;
      row.dataset.status = p.status;
      const box = mlc.el('input');
      box.type = 'checkbox';
      box.dataset.entity = p.entity;
      box.dataset.sourceId = p.sourceId;
      mlc.cell(row, box);
      mlc.cell(row, mlc.time(p.parkedAt));
      mlc.cell(row, p.entity);
      mlc.cell(row, p.sourceId);
      mlc.cell(row, p.stage);
      mlc.cell(row, p.reason);
      mlc.cell(row, p.summary);
      const status = mlc.cell(row, mlc.badge(p.status));
      if (p.resolvedBy) {
        status.appendChild(mlc.el('div', 'by ' + p.resolvedBy + ' ' + mlc.time(p.resolvedAt), 'hint'));
      }
      const replay = mlc.el('button', 'replay');
      replay.type = 'button';
      replay.dataset.action = 'replay';
      replay.addEventListener('click', () => replayAll([{ entity: p.entity, sourceId: p.sourceId }]));
      mlc.cell(row, replay);
      tbody.appendChild(row);
    }
    if (rows && rows.length === 0) {
      const row = mlc.el('tr');
      mlc.cell(row, 'Nothing parked.').colSpan = 9;
      tbody.appendChild(row);
    }
  }

  async function replayAll(records) {
    if (!records.length) {
      mlc.errorOf('parked').textContent = 'Select the records to replay first.';
      return;
    }
    if (!window.confirm('Replay ' + records.length + ' record(s) to the stage that parked them?')) {
      return;
    }
    const tenant = encodeURIComponent(mlc.tenant());
    const failed = [];
    for (const r of records) {
      try {
        await mlc.call('POST', '/parked/' + tenant + '/replay?entity=' + encodeURIComponent(r.entity) +
          '&sourceId=' + encodeURIComponent(r.sourceId));
      } catch (e) {
        failed.push(r.sourceId + ': ' + e.message);
      }
    }
    await load();
    mlc.errorOf('parked').textContent = failed.join('; ');
  }

  document.getElementById('replay-selected').addEventListener('click', () => {
    const chosen = [...table.querySelectorAll('tbody input[type=checkbox]:checked')]
      .map((b) => ({ entity: b.dataset.entity, sourceId: b.dataset.sourceId }));
    replayAll(chosen);
  });
  document.getElementById('parked-refresh').addEventListener('click', load);
  resolved.addEventListener('change', load);

  mlc.tabs.parked = { enter: load };
})(window.mlc);
