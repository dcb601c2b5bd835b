// Live snippets: when the course is served by its live server (./mvnw -q -B package -DskipTests -Pserve),
// every snippet gets Run / Stop / Edit / Reset and runs on this page's own JShell kernel.
// Opened as static files, the page keeps its captured outputs and shows no buttons.
(() => {
  'use strict';
  if (!/^https?:$/.test(location.protocol)) {
    return;
  }
  const HEADER = 'X-Sockets101-Token';
  const es = document.documentElement.lang === 'es';
  const t = (esText, enText) => (es ? esText : enText);

  // The token comes in the address the server printed (?token=...), then lives in this tab's session.
  // The server also leaves it in an HttpOnly cookie (no script can read it, not even one of another
  // loopback port), which a page of this origin trades for the token: pages opened in a new tab find it.
  const params = new URLSearchParams(location.search);
  let token = params.get('token');
  if (token) {
    sessionStorage.setItem('sockets101-token', token);
    params.delete('token');
    const query = params.toString();
    history.replaceState(null, '', location.pathname + (query ? '?' + query : '') + location.hash);
  } else {
    token = sessionStorage.getItem('sockets101-token');
  }
  const session = token ? Promise.resolve(token)
    : fetch('/api/session', { headers: { 'X-Sockets101-Session': '1' }, cache: 'no-store', credentials: 'same-origin' })
      .then((res) => (res.ok ? res.json() : {}))
      .then((body) => {
        if (body.token) sessionStorage.setItem('sockets101-token', body.token);
        return body.token || null;
      })
      .catch(() => null);

  let kernel = null;      // this page's kernel id, started on the first Run
  let running = null;     // the cell running now
  const cells = [];

  const api = (method, path, body, extra) => fetch(path, Object.assign({
    method,
    headers: { [HEADER]: token, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  }, extra || {}));

  const reason = async (res) => {
    try {
      return (await res.json()).error || res.statusText;
    } catch (e) {
      return res.status + ' ' + res.statusText;
    }
  };

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  const bar = el('div', 'live-kernel');
  const kernelState = el('span', 'live-kernel-state', t('Kernel: sin arrancar (arranca con el primer Ejecutar)',
    'Kernel: not started (starts on the first Run)'));
  const restartButton = el('button', 'live-restart', t('Reiniciar kernel', 'Restart kernel'));
  restartButton.type = 'button';
  bar.append(kernelState, restartButton);

  const setKernelState = (text) => { kernelState.textContent = 'Kernel: ' + text; };

  async function startKernel() {
    setKernelState(t('arrancando…', 'starting…'));
    const res = await api('POST', '/api/kernels');
    if (!res.ok) {
      setKernelState(t('no arrancó', 'did not start'));
      throw new Error(await reason(res));
    }
    const body = await res.json();
    kernel = body.kernel;
    setKernelState(t('listo', 'ready') + ' (' + body.startMs + ' ms)');
  }

  function setBusy(cell) {
    running = cell;
    for (const c of cells) {
      c.run.disabled = !!cell;
      c.stop.hidden = c !== cell;
    }
    restartButton.disabled = false;
  }

  function show(cell, kind, text) {
    cell.captured.forEach((e) => { e.hidden = true; });
    cell.output.hidden = false;
    cell.output.append(el('span', 'live-' + kind, text));
  }

  function ended(cell, event) {
    const messages = {
      ok: '✓ ' + (event.message ? event.message + ' · ' : '') + event.ms + ' ms',
      error: '✗ ' + (event.message || t('error', 'error')),
      timeout: '⏱ ' + event.message,
      stopped: '■ ' + event.message,
      capped: '✂ ' + event.message,
      restarted: '↻ ' + event.message,
    };
    cell.status.textContent = messages[event.status] || event.status;
    cell.status.dataset.status = event.status;
    if (event.status === 'restarted') {
      setKernelState(t('reiniciado', 'restarted'));
    }
  }

  async function run(cell) {
    if (running) {
      return;
    }
    setBusy(cell);
    cell.output.textContent = '';
    cell.output.hidden = false;
    cell.captured.forEach((e) => { e.hidden = true; });
    cell.status.dataset.status = 'running';
    cell.status.textContent = t('ejecutando…', 'running…');
    const code = cell.editor.hidden ? cell.original : cell.editor.value;
    try {
      if (!kernel) {
        await startKernel();
      }
      let res = await api('POST', '/api/kernels/' + kernel + '/run', { cell: cell.id, code, jdk: cell.jdk });
      if (res.status === 404) {
        const body = await res.json();
        if (body.code !== 'kernel-gone') {
          throw new Error(body.error);
        }
        show(cell, 'note', t('(el kernel de esta página se había cerrado: se arranca uno nuevo; ejecuta antes las celdas de arriba)\n',
          '(this page\'s kernel had been shut down: starting a new one; run the cells above first)\n'));
        kernel = null;
        await startKernel();
        res = await api('POST', '/api/kernels/' + kernel + '/run', { cell: cell.id, code, jdk: cell.jdk });
      }
      if (!res.ok) {
        throw new Error(await reason(res));
      }
      setKernelState(t('ocupado', 'busy'));
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      let done = false;
      while (!done) {
        const chunk = await reader.read();
        done = chunk.done;
        buffer += decoder.decode(chunk.value || new Uint8Array(), { stream: !done });
        let newline;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          if (!line) continue;
          const event = JSON.parse(line);
          if (event.event === 'out' || event.event === 'value' || event.event === 'error' || event.event === 'note') {
            show(cell, event.event, event.text);
          } else if (event.event === 'end') {
            ended(cell, event);
            if (event.status !== 'restarted') setKernelState(t('listo', 'ready'));
          }
        }
      }
    } catch (e) {
      cell.status.dataset.status = 'error';
      cell.status.textContent = '✗ ' + e.message;
    } finally {
      setBusy(null);
    }
  }

  function setUp(block) {
    const listing = block.querySelector('.listingblock');
    const pre = listing && listing.querySelector('pre');
    if (!pre) return;
    const original = (pre.querySelector('code') || pre).textContent.replace(/\n$/, '');
    // data-jdk="21": the snippet needs JDK 21 or newer (the server says so if it runs on an older one)
    const jdkHolder = block.closest('[data-jdk]') || block.querySelector('[data-jdk]');
    const cell = {
      id: block.id.replace(/^snippet-/, ''),
      jdk: jdkHolder ? Number(jdkHolder.dataset.jdk) : undefined,
      original,
      pre,
      captured: Array.from(block.querySelectorAll('.output')),
      editor: el('textarea', 'live-editor'),
      output: el('pre', 'live-output'),
      status: el('div', 'live-status'),
      run: el('button', 'live-run', t('Ejecutar', 'Run')),
      stop: el('button', 'live-stop', t('Parar', 'Stop')),
      edit: el('button', 'live-edit', t('Editar', 'Edit')),
      reset: el('button', 'live-reset', t('Restablecer', 'Reset')),
    };
    const tools = el('div', 'live-tools');
    for (const b of [cell.run, cell.stop, cell.edit, cell.reset]) {
      b.type = 'button';
      tools.append(b);
    }
    cell.stop.hidden = true;
    cell.editor.hidden = true;
    cell.editor.spellcheck = false;
    cell.editor.setAttribute('aria-label', t('Código de la celda', 'Cell code'));
    cell.output.hidden = true;
    cell.output.setAttribute('aria-live', 'polite');
    listing.after(tools);
    pre.after(cell.editor);
    tools.after(cell.status);
    cell.status.after(cell.output);
    cell.run.addEventListener('click', () => run(cell));
    cell.stop.addEventListener('click', async () => {
      if (!kernel) return;
      const res = await api('POST', '/api/kernels/' + kernel + '/stop');
      const body = res.ok ? await res.json() : {};
      if (body.restarted) {
        setKernelState(t('reiniciado: ', 'restarted: ') + body.message);
      }
    });
    cell.edit.addEventListener('click', () => {
      if (cell.editor.hidden) {
        cell.editor.value = cell.original;
        cell.editor.rows = Math.max(3, cell.original.split('\n').length + 1);
      }
      cell.editor.hidden = false;
      pre.hidden = true;
      cell.editor.focus();
    });
    cell.editor.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.shiftKey || e.metaKey)) {
        e.preventDefault();
        run(cell);
      }
    });
    cell.reset.addEventListener('click', () => {
      cell.editor.hidden = true;
      cell.editor.value = cell.original;
      pre.hidden = false;
      cell.output.hidden = true;
      cell.output.textContent = '';
      cell.status.textContent = '';
      delete cell.status.dataset.status;
      cell.captured.forEach((e) => { e.hidden = false; });
    });
    cells.push(cell);
  }

  restartButton.addEventListener('click', async () => {
    if (!kernel) return;
    setKernelState(t('reiniciando…', 'restarting…'));
    const res = await api('POST', '/api/kernels/' + kernel + '/restart');
    if (res.ok) {
      setKernelState(t('reiniciado: el estado de las celdas anteriores se perdió', 'restarted: the state of earlier cells is gone'));
    } else {
      kernel = null;
      setKernelState(t('cerrado (arranca con el próximo Ejecutar)', 'closed (starts on the next Run)'));
    }
  });

  // One kernel per open page: it goes when the page goes.
  window.addEventListener('pagehide', () => {
    if (kernel) {
      api('DELETE', '/api/kernels/' + kernel, undefined, { keepalive: true }).catch(() => {});
      kernel = null;
    }
  });

  session.then((found) => {
    token = found;
    return token ? api('GET', '/api/status') : null;
  }).then((res) => {
    if (!res || !res.ok) return;
    const blocks = document.querySelectorAll('.snippet[id^="snippet-"]');
    if (!blocks.length) return;
    blocks.forEach(setUp);
    document.body.classList.add('live');
    const main = document.querySelector('article.lesson') || document.querySelector('main') || document.body;
    main.prepend(bar);
  }).catch(() => { /* no live server: the captured outputs stay */ });
})();
