// Lists tenants through the console API. The token lives in this closure only: no storage,
// no cookie, no URL.
(function () {
  let token = null;
  const status = document.getElementById('status');
  const table = document.getElementById('tenants');

  async function call(method, path) {
    const response = await fetch(path, {
      method: method,
      headers: { 'Authorization': 'Bearer ' + token, 'Accept': 'application/json' }
    });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const message = body && body.message ? body.message + (body.hint ? ' (' + body.hint + ')' : '') : response.statusText;
      throw new Error(response.status + ': ' + message);
    }
    return body;
  }

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    row.appendChild(td);
    return td;
  }

  function render(tenants) {
    const tbody = table.querySelector('tbody');
    tbody.replaceChildren();
    for (const t of tenants) {
      const row = document.createElement('tr');
      cell(row, t.id);
      cell(row, t.displayName);
      cell(row, t.enabled ? 'yes' : 'no');
      cell(row, t.qad.baseUrl);
      cell(row, t.servicenow.instanceUrl);
      cell(row, [t.qad.passwordKeyId, t.servicenow.clientSecretKeyId].filter(Boolean).join(', '));
      const button = document.createElement('button');
      button.textContent = t.enabled ? 'disable' : 'enable';
      button.addEventListener('click', () =>
        run(() => call('POST', '/tenants/' + encodeURIComponent(t.id) + '/' + button.textContent)));
      cell(row, null).appendChild(button);
      tbody.appendChild(row);
    }
    table.hidden = false;
    status.textContent = tenants.length + ' tenant(s)';
  }

  async function run(action) {
    status.className = '';
    try {
      if (action) {
        await action();
      }
      render(await call('GET', '/tenants'));
    } catch (e) {
      status.className = 'error';
      status.textContent = e.message;
      table.hidden = true;
    }
  }

  document.getElementById('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = document.getElementById('token');
    token = input.value;
    input.value = '';
    run(null);
  });
})();
