/* Sockets 101: copy buttons and offline search. Plain script, no modules, nothing fetched:
   it works from file:// (a USB stick) as well as from any web server. */
(function () {
  'use strict';
  var lang = document.documentElement.lang === 'es' ? 'es' : 'en';
  function t(es, en) { return lang === 'es' ? es : en; }

  /* ---- copy buttons on code snippets and exercise commands ---- */
  function copyText(text, button) {
    function done(ok) {
      button.textContent = ok ? t('Copiado', 'Copied') : t('Selecciona y copia', 'Select and copy');
      setTimeout(function () { button.textContent = t('Copiar', 'Copy'); }, 1500);
    }
    function fallback() {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(area);
      done(ok);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    } else {
      fallback();
    }
  }
  function addCopy(target, getText, cls) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy ' + (cls || '');
    button.textContent = t('Copiar', 'Copy');
    button.setAttribute('aria-label', t('Copiar el código', 'Copy the code'));
    button.addEventListener('click', function () { copyText(getText(), button); });
    target.appendChild(button);
  }
  document.querySelectorAll('.snippet .listingblock .content, main .listingblock .content').forEach(function (box) {
    if (box.querySelector('button.copy')) { return; }
    var pre = box.querySelector('pre');
    if (pre) {
      addCopy(box, function () {
        var editor = box.querySelector('textarea.live-editor'); // served live and being edited: copy the edit
        return editor && !editor.hidden ? editor.value : pre.innerText.replace(/\n$/, '');
      });
    }
  });
  document.querySelectorAll('.exercise code.command').forEach(function (code) {
    var wrap = document.createElement('span');
    wrap.className = 'command-wrap';
    code.parentNode.insertBefore(wrap, code);
    wrap.appendChild(code);
    addCopy(wrap, function () { return code.textContent; }, 'inline');
  });

  /* ---- search ---- */
  /* Spanish: lower-case, strip accents, then a light suffix stemmer (plurals, common noun,
     adjective and verb endings), so "conexión", "conexiones" and "CONEXION" meet. */
  function fold(word) {
    return word.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ñ/g, 'n');
  }
  var ES_SUFFIXES = ['amientos', 'imientos', 'amiento', 'imiento', 'aciones', 'uciones', 'adoras', 'adores',
    'ancias', 'encias', 'idades', 'mente', 'acion', 'ucion', 'adora', 'ador', 'ancia', 'encia', 'idad',
    'ables', 'ibles', 'istas', 'able', 'ible', 'ista', 'osos', 'osas', 'ivos', 'ivas', 'ando', 'iendo',
    'ados', 'adas', 'idos', 'idas', 'oso', 'osa', 'ivo', 'iva', 'ado', 'ada', 'ido', 'ida',
    'ar', 'er', 'ir', 'es', 'as', 'os', 'a', 'o', 'e', 's'];
  function stemEs(word) {
    var w = fold(word);
    for (var i = 0; i < ES_SUFFIXES.length; i++) {
      var s = ES_SUFFIXES[i];
      if (w.length - s.length >= 3 && w.slice(-s.length) === s) { return w.slice(0, -s.length); }
    }
    return w;
  }
  window.SOCKETS101_STEM_ES = stemEs; // for the browser test and the curious reader

  var indexes = null;
  var docs = {};
  function build() {
    if (indexes || typeof lunr === 'undefined' || !window.SOCKETS101_SEARCH) { return indexes; }
    var esStem = function (token) { return token.update(stemEs); };
    var foldToken = function (token) { return token.update(fold); };
    lunr.Pipeline.registerFunction(esStem, 'sockets101-es-stem');
    lunr.Pipeline.registerFunction(foldToken, 'sockets101-fold');
    indexes = {};
    ['es', 'en'].forEach(function (l) {
      indexes[l] = lunr(function () {
        this.ref('id');
        this.field('title', { boost: 5 });
        this.field('lesson', { boost: 2 });
        this.field('text');
        this.metadataWhitelist = [];
        if (l === 'es') {
          this.pipeline.reset();
          this.searchPipeline.reset();
          // fold first: lunr.trimmer only knows ASCII letters and would cut "está" to "est"
          this.pipeline.add(foldToken, lunr.trimmer, esStem);
          this.searchPipeline.add(esStem);
        } else {
          this.pipeline.before(lunr.trimmer, foldToken);
        }
        var builder = this;
        window.SOCKETS101_SEARCH.forEach(function (d) {
          if (d.lang === l) { docs[d.id] = d; builder.add(d); }
        });
      });
    });
    return indexes;
  }
  function search(text) {
    if (!build()) { return []; }
    var words = text.split(/[^\p{L}\p{N}_]+/u).filter(function (w) { return w.length > 0; });
    if (words.length === 0) { return []; }
    var all = [];
    [lang, lang === 'es' ? 'en' : 'es'].forEach(function (l) {
      var hits = indexes[l].query(function (q) {
        words.forEach(function (w) {
          q.term(w, { boost: 10 });
          q.term(fold(w), { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 1 });
        });
      });
      all.push(hits.map(function (h) { return { doc: docs[h.ref], score: h.score }; }));
    });
    // The reader's language first, but keep up to 4 places for the other one: a common word
    // ("socket") fills 12 places in either language alone.
    var other = all[1].slice(0, Math.max(4, 12 - all[0].length));
    return all[0].slice(0, 12 - other.length).concat(other).slice(0, 12);
  }
  function excerpt(text, words) {
    var folded = fold(text);
    var at = -1;
    for (var i = 0; i < words.length && at < 0; i++) { at = folded.indexOf(fold(words[i]).slice(0, 5)); }
    var start = Math.max(0, at - 40);
    return (start > 0 ? '…' : '') + text.slice(start, start + 150) + (text.length > start + 150 ? '…' : '');
  }
  var input = document.getElementById('search-input');
  var box = document.getElementById('search-results');
  if (input && box) {
    var form = input.form;
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var first = box.querySelector('a');
      if (first) { window.location.href = first.href; }
    });
    var render = function () {
      var text = input.value.trim();
      box.textContent = '';
      if (text.length < 2) { box.hidden = true; return; }
      var hits = search(text);
      var words = text.split(/\s+/);
      if (hits.length === 0) {
        var none = document.createElement('p');
        none.className = 'none';
        none.textContent = t('Nada encontrado.', 'Nothing found.');
        box.appendChild(none);
      } else {
        var list = document.createElement('ol');
        hits.forEach(function (hit) {
          var li = document.createElement('li');
          var a = document.createElement('a');
          a.href = '../' + hit.doc.id;
          a.setAttribute('hreflang', hit.doc.lang);
          var tag = document.createElement('span');
          tag.className = 'tag';
          tag.textContent = hit.doc.lang;
          a.appendChild(tag);
          var strong = document.createElement('strong');
          strong.textContent = hit.doc.title === hit.doc.lesson ? hit.doc.lesson : hit.doc.lesson + ' › ' + hit.doc.title;
          a.appendChild(strong);
          var p = document.createElement('span');
          p.className = 'excerpt';
          p.textContent = excerpt(hit.doc.text, words);
          a.appendChild(p);
          li.appendChild(a);
          list.appendChild(li);
        });
        box.appendChild(list);
      }
      box.hidden = false;
    };
    input.addEventListener('input', render);
    input.addEventListener('focus', function () { build(); if (input.value.trim().length >= 2) { render(); } });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { input.value = ''; box.hidden = true; }
    });
    document.addEventListener('click', function (e) {
      if (!form.contains(e.target)) { box.hidden = true; }
    });
  }
})();
