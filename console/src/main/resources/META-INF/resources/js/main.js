// Sign-in, tab switching and the tenant picker shared by the Status, Parked, Audit and Invoices tabs.
(function (mlc) {
  const status = document.getElementById('status');
  let current = 'tenants';

  function show(tab) {
    current = tab;
    for (const b of document.querySelectorAll('#tabs button')) {
      b.classList.toggle('active', b.dataset.tab === tab);
    }
    for (const name of Object.keys(mlc.tabs)) {
      mlc.section(name).hidden = name !== tab;
      if (name !== tab && mlc.tabs[name].leave) {
        mlc.tabs[name].leave();
      }
    }
    mlc.tabs[tab].enter();
  }

  for (const b of document.querySelectorAll('#tabs button')) {
    b.addEventListener('click', () => show(b.dataset.tab));
  }
  document.getElementById('tenant-select').addEventListener('change', () => {
    mlc.tenantChanged();
    mlc.tabs[current].enter();
  });

  document.getElementById('token-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = document.getElementById('token');
    mlc.setToken(input.value);
    input.value = '';
    status.className = '';
    try {
      await mlc.call('GET', '/tenants');
    } catch (e) {
      status.className = 'error';
      status.textContent = 'Sign-in failed: ' + e.message;
      return;
    }
    status.textContent = '';
    document.getElementById('who').textContent = 'signed in';
    document.getElementById('intro').hidden = true;
    document.getElementById('tabs').hidden = false;
    document.getElementById('main').hidden = false;
    show(current);
  });
})(window.mlc);
