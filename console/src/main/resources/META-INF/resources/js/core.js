// Shared by every tab: the token (in this closure only: no storage, no cookie, no URL), API calls,
// DOM helpers that only ever set text (never markup), and errors shown where they happened.
window.mlc = (function () {
  let token = null;
  const tenantListeners = [];

  async function call(method, path, body) {
    const headers = { 'Authorization': 'Bearer ' + token, 'Accept': 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (!response.ok) {
      const message = json && json.message
        ? json.message + (json.hint ? ' (' + json.hint + ')' : '')
        : response.statusText;
      throw new Error(response.status + ': ' + message);
    }
    return json;
  }

  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) {
      e.textContent = String(text);
    }
    if (className) {
      e.className = className;
    }
    return e;
  }

  function cell(row, content) {
    const td = document.createElement('td');
    if (content instanceof Node) {
      td.appendChild(content);
    } else {
      td.textContent = content == null ? '' : String(content);
    }
    row.appendChild(td);
    return td;
  }

  function badge(text) {
    return el('span', text, 'badge ' + text);
  }

  function time(iso) {
    return iso ? String(iso).replace('T', ' ').replace(/\.\d+/, '').replace(/(Z|[+-]00:00)$/, 'Z') : '';
  }

  /** Runs an action; a failure is shown in the given element, the rest of the page stays. */
  async function guarded(errorElement, action) {
    errorElement.textContent = '';
    try {
      return await action();
    } catch (e) {
      errorElement.textContent = e.message;
      return undefined;
    }
  }

  function section(name) {
    return document.getElementById('tab-' + name);
  }

  function errorOf(name) {
    return section(name).querySelector('[data-error]');
  }

  return {
    setToken: (t) => { token = t; },
    hasToken: () => token !== null && token !== '',
    call, el, cell, badge, time, guarded, section, errorOf,
    tenant: () => document.getElementById('tenant-select').value,
    onTenant: (listener) => tenantListeners.push(listener),
    tenantChanged: () => tenantListeners.forEach((l) => l(document.getElementById('tenant-select').value)),
    tabs: {}
  };
})();
