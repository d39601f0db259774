// Invoices: awaiting receipt (PO line and quantity missing), posted (voucher), failed or rejected
// (reason), and the mapper's dimension alignment report with a mapping fix.
(function (mlc) {
  function fill(id, rows, columns) {
    const tbody = document.querySelector('#' + id + ' tbody');
    tbody.replaceChildren();
    for (const r of rows) {
      const row = mlc.el('tr');
      row.dataset.invoice = r.invoiceNumber || '';
      columns.forEach((c) => mlc.cell(row, c(r)));
      tbody.appendChild(row);
    }
    if (!rows.length) {
      const row = mlc.el('tr');
      mlc.cell(row, 'none').colSpan = columns.length;
      tbody.appendChild(row);
    }
  }

  async function list(status) {
    return mlc.call('GET', '/status/' + encodeURIComponent(mlc.tenant()) + '/invoices?status=' + status);
  }

  async function load() {
    if (!mlc.tenant()) {
      return;
    }
    const error = mlc.errorOf('invoices');
    await mlc.guarded(error, async () => {
      const [awaiting, posted, failed, rejected] = await Promise.all(
        ['AWAITING_RECEIPT', 'POSTED', 'FAILED', 'REJECTED'].map(list));
      fill('inv-awaiting', awaiting, [(r) => r.invoiceNumber, (r) => r.supplier, (r) => mlc.time(r.since),
        (r) => r.waitingOn]);
      fill('inv-posted', posted, [(r) => r.invoiceNumber, (r) => r.supplier, (r) => r.voucher,
        (r) => r.clearedFirstTime == null ? '' : (r.clearedFirstTime ? 'yes' : 'no'), (r) => mlc.time(r.postedAt)]);
      fill('inv-failed', failed.concat(rejected), [(r) => r.invoiceNumber, (r) => r.supplier,
        (r) => r.status, (r) => r.reason]);
    });
    alignment();
  }

  async function alignment() {
    const error = mlc.section('invoices').querySelector('[data-alignment-error]');
    const report = await mlc.guarded(error, () =>
      mlc.call('GET', '/dimensions/' + encodeURIComponent(mlc.tenant()) + '/alignment'));
    const tbody = document.querySelector('#alignment tbody');
    tbody.replaceChildren();
    for (const [dimension, gaps] of Object.entries(report || {})) {
      const row = mlc.el('tr');
      row.dataset.dimension = dimension;
      mlc.cell(row, dimension);
      mlc.cell(row, (gaps.servicenowMissingInQad || []).join(', '));
      mlc.cell(row, (gaps.servicenowInactiveInQad || []).join(', '));
      mlc.cell(row, (gaps.qadMissingInServicenow || []).join(', '));
      tbody.appendChild(row);
    }
  }

  const form = document.getElementById('mapping-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = form.querySelector('[data-mapping-result]');
    result.className = '';
    const dimension = form.elements.namedItem('dimension').value;
    const code = form.elements.namedItem('servicenowCode').value.trim();
    const qadCode = form.elements.namedItem('qadCode').value.trim();
    try {
      await mlc.call('PUT', '/dimensions/' + encodeURIComponent(mlc.tenant()) + '/mappings/' +
        encodeURIComponent(dimension) + '/' + encodeURIComponent(code), { qadCode: qadCode });
      result.textContent = 'Saved: ' + code + ' → ' + qadCode + '. Replay the parked records it held.';
      alignment();
    } catch (e) {
      result.className = 'error';
      result.textContent = e.message;
    }
  });

  mlc.tabs.invoices = { enter: load };
})(window.mlc);
