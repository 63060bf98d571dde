// The search page (theme/Pages/SearchPage.razor): runs queries on Pagefind's index with its JS API and
// lists the results. Pagefind picks the index of the page's <html lang>, so the Chinese page searches
// Chinese pages and the English page English ones. The query lives in the address (?q=…), so results
// can be linked and any plain GET form to this page starts a search.

// The theme's assets and Pagefind's bundle are siblings under the site's base path
// (/assets/search.<hash>.js, /pagefind/pagefind.js), wherever the site is mounted.
const bundle = new URL('../pagefind/pagefind.js', import.meta.url);
const pageSize = 10;
const typingDelay = 300;

const form = document.querySelector('form.search-form');
const input = document.getElementById('search-query');
const app = document.getElementById('search-app');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const more = document.getElementById('search-more');
const fallback = document.getElementById('search-fallback');
const text = app.dataset;
const typeLabels = JSON.parse(text.types);

let pagefind = null;
let results = [];
let shown = 0;
let generation = 0;
let typingTimer = 0;

// JavaScript runs: the "search needs JavaScript" message gives way, unless the index cannot load.
fallback.hidden = true;

async function load() {
  if (!pagefind) {
    const module = await import(bundle.href);
    await module.options({ excerptLength: 24 });
    await module.init();
    pagefind = module;
  }
  return pagefind;
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

// Pagefind's excerpt is HTML with the matched words in <mark>; keep only its text and the marks.
function excerpt(html) {
  const paragraph = document.createElement('p');
  paragraph.className = 'search-excerpt';
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  for (const node of parsed.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      paragraph.append(mark);
    } else {
      paragraph.append(node.textContent);
    }
  }
  return paragraph;
}

function item(data) {
  const li = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  heading.append(link);
  li.append(heading);

  const details = [
    ...(data.filters.type ?? []).map((type) => typeLabels[type]).filter(Boolean),
    ...(data.filters.year ?? []).sort().reverse().map((year) => fill(text.year, { year })),
  ];
  if (details.length > 0) {
    const meta = document.createElement('p');
    meta.className = 'meta';
    meta.textContent = details.join(' · ');
    li.append(meta);
  }
  li.append(excerpt(data.excerpt));
  return li;
}

async function showMore(moveFocus) {
  const current = generation;
  const next = results.slice(shown, shown + pageSize);
  const data = await Promise.all(next.map((result) => result.data()));
  if (current !== generation) return;
  const items = data.map(item);
  list.append(...items);
  shown += next.length;
  more.hidden = shown >= results.length;
  if (moveFocus && items.length > 0) items[0].querySelector('a').focus();
}

async function search(query) {
  const current = ++generation;
  query = query.trim();
  if (query === '') {
    results = [];
    shown = 0;
    list.replaceChildren();
    more.hidden = true;
    status.textContent = '';
    return;
  }
  if (!pagefind) status.textContent = text.loading;
  let found;
  try {
    found = await (await load()).search(query);
  } catch (error) {
    unavailable(error);
    return;
  }
  if (current !== generation) return;
  results = found.results;
  shown = 0;
  list.replaceChildren();
  await showMore(false);
  if (current !== generation) return;
  // Announced once the first results are on the page.
  const count = results.length;
  status.textContent = fill(count === 0 ? text.nothing : count === 1 ? text.foundOne : text.found, { count, query });
}

function unavailable(error) {
  console.error('search: the Pagefind index could not be loaded', error);
  status.textContent = '';
  const reason = document.getElementById('search-fallback-reason');
  reason.textContent = reason.dataset.unavailable;
  fallback.hidden = false;
}

function queryInAddress() {
  return new URLSearchParams(location.search).get('q') ?? '';
}

function putQueryInAddress(query, newEntry) {
  const url = new URL(location.href);
  if (query.trim() === '') url.searchParams.delete('q');
  else url.searchParams.set('q', query.trim());
  if (url.href === location.href) return;
  if (newEntry) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  putQueryInAddress(input.value, true);
  search(input.value);
});

input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    putQueryInAddress(input.value, false);
    search(input.value);
  }, typingDelay);
});

more.addEventListener('click', () => showMore(true));

window.addEventListener('popstate', () => {
  input.value = queryInAddress();
  search(input.value);
});

input.value = queryInAddress();
if (input.value.trim() !== '') search(input.value);
else load().catch(unavailable); // warm the index while the visitor types
