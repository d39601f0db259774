// Audit: one record's way through every stage, searched by external id, invoice number or voucher.
(function (mlc) {
  const table = document.getElementById('audit');

  async function search() {
    const q = document.getElementById('audit-q').value.trim();
    const tbody = table.querySelector('tbody');
    const summary = document.getElementById('audit-summary');
    tbody.replaceChildren();
    summary.textContent = '';
    if (!q || !mlc.tenant()) {
      return;
    }
    const rows = await mlc.guarded(mlc.errorOf('audit'), () =>
      mlc.call('GET', '/audit/' + encodeURIComponent(mlc.tenant()) + '?q=' + encodeURIComponent(q)));
    if (!rows) {
      return;
    }
    summary.textContent = rows.length
      ? rows.length + ' stage(s) for ' + q + ' in ' + mlc.tenant()
      : 'Nothing recorded for ' + q + ' in ' + mlc.tenant() + '.';
    for (const r of rows) {
      const row = mlc.el('tr');
      row.dataset.stage = r.service + ':' + r.stage;
      mlc.cell(row, mlc.time(r.at));
      mlc.cell(row, r.service);
      mlc.cell(row, r.stage);
      mlc.cell(row, r.entity);
      mlc.cell(row, r.targetId);
      mlc.cell(row, r.error);
      mlc.cell(row, r.kafkaTopic ? r.kafkaTopic + ' ' + r.kafkaPartition + '@' + r.kafkaOffset : '');
      mlc.cell(row, r.actor);
      tbody.appendChild(row);
    }
  }

  document.getElementById('audit-form').addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });

  mlc.tabs.audit = { enter: () => {} };
})(window.mlc);
