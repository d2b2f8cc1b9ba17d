// Instant search over search-index.json: filters and ranks the package list that index.html
// already holds, so the page reads without JavaScript. Matches name, tags and description.
(function () {
  'use strict';
  var form = document.getElementById('search');
  var input = document.getElementById('q');
  var list = document.getElementById('packages');
  var status = document.getElementById('search-status');
  var empty = document.getElementById('no-results');
  if (!form || !input || !list) return;

  var items = Array.prototype.slice.call(list.children);
  var byName = {};
  items.forEach(function (item) { byName[item.getAttribute('data-name')] = item; });
  var initialStatus = status ? status.textContent : '';
  var entries = null;

  // Without the index file (a page opened from disk), search the list's own text.
  function fromPage() {
    return items.map(function (item) {
      var tags = Array.prototype.map.call(item.querySelectorAll('.tags li'), function (t) { return t.textContent; });
      var desc = item.querySelector('.desc');
      return { n: item.getAttribute('data-name'), t: tags, d: desc ? desc.textContent : '' };
    });
  }

  function prepare(list) {
    return list.filter(function (e) { return byName[e.n]; }).map(function (e) {
      return { name: e.n.toLowerCase(), key: e.n, tags: (e.t || []).map(function (t) { return String(t).toLowerCase(); }), desc: String(e.d || '').toLowerCase() };
    });
  }

  function score(entry, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i], best = 0;
      if (entry.name === term) best = 100;
      else if (entry.name.indexOf(term) === 0) best = 60;
      else if (entry.name.indexOf(term) >= 0) best = 40;
      for (var j = 0; j < entry.tags.length && best < 30; j++) {
        if (entry.tags[j] === term) best = 30;
        else if (entry.tags[j].indexOf(term) >= 0) best = Math.max(best, 20);
      }
      if (best === 0 && entry.desc.indexOf(term) >= 0) best = 10;
      if (best === 0) return 0;
      total += best;
    }
    return total;
  }

  function apply() {
    var query = input.value.trim().toLowerCase();
    if (!entries) entries = prepare(fromPage());
    if (!query) {
      items.forEach(function (item) { item.hidden = false; list.appendChild(item); });
      if (status) status.textContent = initialStatus;
      if (empty) empty.hidden = true;
      return;
    }
    var terms = query.split(/\s+/);
    var hits = [];
    entries.forEach(function (entry) {
      var s = score(entry, terms);
      if (s > 0) hits.push({ key: entry.key, score: s });
    });
    hits.sort(function (a, b) { return b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0); });
    items.forEach(function (item) { item.hidden = true; });
    hits.forEach(function (hit) { var item = byName[hit.key]; item.hidden = false; list.appendChild(item); });
    if (status) status.textContent = hits.length === 1 ? '1 package matches.' : hits.length + ' packages match.';
    if (empty) empty.hidden = hits.length > 0;
  }

  form.hidden = false;
  form.addEventListener('submit', function (event) { event.preventDefault(); apply(); });
  input.addEventListener('input', apply);

  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) input.value = initial;

  var source = list.getAttribute('data-index');
  if (source && window.fetch) {
    fetch(source, { credentials: 'same-origin' })
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
      .then(function (index) { entries = prepare(index); if (input.value) apply(); })
      .catch(function () { entries = prepare(fromPage()); if (input.value) apply(); });
  }
  if (input.value) apply();
})();
