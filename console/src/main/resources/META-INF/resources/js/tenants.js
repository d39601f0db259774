// Tenants: list with health badge, create and edit (secrets write-only), onboarding ping report.
(function (mlc) {
  const table = document.getElementById('tenants');
  const form = document.getElementById('tenant-form');
  const formError = form.querySelector('[data-form-error]');
  let editing = null; // the tenant being edited (as read), null when creating

  async function load() {
    const error = mlc.errorOf('tenants');
    const tenants = await mlc.guarded(error, () => mlc.call('GET', '/tenants'));
    if (!tenants) {
      return;
    }
    fillPicker(tenants);
    let health = {};
    try {
      for (const s of await mlc.call('GET', '/status')) {
        health[s.tenant] = s.health;
      }
    } catch (e) {
      health = null; // shown as '?' per row; the list itself still works
    }
    const tbody = table.querySelector('tbody');
    tbody.replaceChildren();
    for (const t of tenants) {
      const row = mlc.el('tr');
      row.dataset.tenant = t.id;
      mlc.cell(row, t.id);
      mlc.cell(row, t.displayName);
      mlc.cell(row, mlc.badge(health ? (health[t.id] || 'NOT_POLLED') : '?'));
      mlc.cell(row, t.enabled ? 'yes' : 'no');
      mlc.cell(row, t.qad.baseUrl);
      mlc.cell(row, t.servicenow.instanceUrl);
      const actions = mlc.cell(row, null);
      actions.appendChild(button('edit', () => edit(t)));
      actions.appendChild(button('ping', () => ping(t.id)));
      actions.appendChild(button(t.enabled ? 'disable' : 'enable', () => toggle(t)));
      actions.appendChild(button('delete', () => remove(t)));
      tbody.appendChild(row);
    }
  }

  function fillPicker(tenants) {
    const select = document.getElementById('tenant-select');
    const before = select.value;
    select.replaceChildren();
    for (const t of tenants) {
      const o = mlc.el('option', t.id);
      o.value = t.id;
      select.appendChild(o);
    }
    if (tenants.some((t) => t.id === before)) {
      select.value = before;
    }
  }

  function button(label, action) {
    const b = mlc.el('button', label);
    b.type = 'button';
    b.dataset.action = label;
    b.addEventListener('click', action);
    return b;
  }

  async function toggle(t) {
    const verb = t.enabled ? 'disable' : 'enable';
    if (t.enabled && !window.confirm('Disable ' + t.id + '? Polling and writing stop until enabled again.')) {
      return;
    }
    await mlc.guarded(mlc.errorOf('tenants'), () =>
      mlc.call('POST', '/tenants/' + encodeURIComponent(t.id) + '/' + verb));
    load();
  }

  async function remove(t) {
    if (!window.confirm('Delete tenant ' + t.id + ' and its stored credentials? This cannot be undone.')) {
      return;
    }
    await mlc.guarded(mlc.errorOf('tenants'), () =>
      mlc.call('DELETE', '/tenants/' + encodeURIComponent(t.id)));
    load();
  }

  function field(name) {
    return form.elements.namedItem(name);
  }

  function openForm(title) {
    document.getElementById('tenant-form-title').textContent = title;
    formError.textContent = '';
    form.hidden = false;
  }

  function edit(t) {
    editing = t;
    form.reset();
    for (const name of ['id', 'displayName', 'qad.baseUrl', 'qad.workspace', 'qad.clientId',
      'qad.username', 'servicenow.instanceUrl', 'servicenow.clientId']) {
      const [a, b] = name.split('.');
      field(name).value = (b ? t[a][b] : t[a]) || '';
    }
    field('id').readOnly = true;
    field('sandbox').checked = !!t.sandbox;
    field('allowPrivateNetwork').checked = !!t.allowPrivateNetwork;
    field('servicenow.batchApi').checked = !!t.servicenow.batchApi;
    // Secrets are never read back: the fields stay empty, and empty means "keep the stored one".
    field('qad.password').placeholder = t.qad.password ? 'stored; type to replace' : '';
    field('servicenow.clientSecret').placeholder = t.servicenow.clientSecret ? 'stored; type to replace' : '';
    openForm('Edit ' + t.id);
  }

  function body() {
    const qad = {
      baseUrl: field('qad.baseUrl').value, workspace: field('qad.workspace').value || null,
      clientId: field('qad.clientId').value, username: field('qad.username').value
    };
    const sn = {
      instanceUrl: field('servicenow.instanceUrl').value, clientId: field('servicenow.clientId').value,
      batchApi: field('servicenow.batchApi').checked
    };
    if (field('qad.password').value) { qad.password = field('qad.password').value; }
    if (field('servicenow.clientSecret').value) { sn.clientSecret = field('servicenow.clientSecret').value; }
    const b = {
      id: field('id').value, displayName: field('displayName').value, qad: qad, servicenow: sn,
      sandbox: field('sandbox').checked, allowPrivateNetwork: field('allowPrivateNetwork').checked
    };
    if (editing) {
      b.schedules = editing.schedules || {};
      b.mappingOverrides = editing.mappingOverrides || {};
    }
    return b;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const b = body();
    const saved = await mlc.guarded(formError, () => editing
      ? mlc.call('PUT', '/tenants/' + encodeURIComponent(editing.id), b)
      : mlc.call('POST', '/tenants', b));
    // The secret fields are cleared whatever happened: nothing typed stays in the page.
    field('qad.password').value = '';
    field('servicenow.clientSecret').value = '';
    if (saved !== undefined) {
      form.hidden = true;
      editing = null;
      load();
    }
  });

  document.getElementById('new-tenant').addEventListener('click', () => {
    editing = null;
    form.reset();
    field('id').readOnly = false;
    field('qad.password').placeholder = '';
    field('servicenow.clientSecret').placeholder = '';
    openForm('New tenant');
  });
  document.getElementById('cancel-tenant').addEventListener('click', () => {
    form.reset();
    form.hidden = true;
  });

  async function ping(id) {
    const box = document.getElementById('ping-report');
    const tbody = box.querySelector('tbody');
    document.getElementById('ping-tenant').textContent = id + ' (running…)';
    const verdict = document.getElementById('ping-verdict');
    verdict.textContent = '';
    tbody.replaceChildren();
    box.hidden = false;
    const report = await mlc.guarded(mlc.errorOf('tenants'), () =>
      mlc.call('POST', '/tenants/' + encodeURIComponent(id) + '/ping'));
    document.getElementById('ping-tenant').textContent = id;
    if (!report) {
      box.hidden = true;
      return;
    }
    verdict.textContent = report.ready ? 'ready' : 'not ready';
    verdict.className = 'badge ' + (report.ready ? 'ready' : 'not-ready');
    for (const c of report.checks) {
      const row = mlc.el('tr');
      row.dataset.check = c.name;
      mlc.cell(row, c.name);
      mlc.cell(row, c.system);
      mlc.cell(row, mlc.badge(c.status));
      mlc.cell(row, c.tried);
      mlc.cell(row, c.detail);
      mlc.cell(row, c.fix);
      tbody.appendChild(row);
    }
  }

  mlc.tabs.tenants = { enter: load };
})(window.mlc);
