// paiban site: full-text search of the back catalogue in the browser, over Pagefind's static index
// (one index a year, in pagefind/YYYY/, merged here; the browser loads only the shards a search needs).
// Chinese has no spaces: Pagefind's segmenter finds every article holding a phrase's words, and this
// script keeps those whose text holds the phrase itself, marking it in a snippet. Copy is put on the
// page as text, never as markup.
const script = document.querySelector('script[data-years]');
const root = new URL('.', import.meta.url);
const years = (script.dataset.years || '').split(' ').filter(Boolean).reverse(); // newest first
const form = document.querySelector('form.search');
const input = form.querySelector('input[name=q]');
const statusLine = document.getElementById('search-status');
const list = document.getElementById('results');
const moreButton = document.getElementById('more');
const BATCH = 20;

let engine = null;
async function pagefind() {
  if (engine) return engine;
  if (!years.length) throw new Error('no index');
  const primary = new URL(`pagefind/${years[0]}/`, root);
  engine = await import(new URL('pagefind.js', primary).href);
  await engine.options({ basePath: primary.pathname, baseUrl: root.pathname, excerptLength: 0 });
  for (const y of years.slice(1)) {
    await engine.mergeIndex(new URL(`pagefind/${y}/`, root).pathname, { baseUrl: root.pathname });
  }
  await engine.init();
  return engine;
}

let state = null;

function squeeze(s) {
  return s.replace(/\s+/g, '');
}

// The text around the phrase's first place, with the phrase marked; whitespace in the text is ignored
// when finding it, as the phrase may cross a line of the original.
function snippet(content, phrase) {
  const chars = [];
  const at = [];
  for (let i = 0; i < content.length; i++) {
    if (!/\s/.test(content[i])) { chars.push(content[i]); at.push(i); }
  }
  const k = chars.join('').indexOf(phrase);
  if (k < 0) return null;
  const start = at[k], end = at[k + phrase.length - 1] + 1;
  const p = document.createElement('p');
  p.className = 'result-snippet';
  const from = Math.max(0, start - 40), to = Math.min(content.length, end + 60);
  p.append((from > 0 ? '…' : '') + content.slice(from, start));
  const mark = document.createElement('mark');
  mark.textContent = content.slice(start, end);
  p.append(mark, content.slice(end, to) + (to < content.length ? '…' : ''));
  return p;
}

function show(data, phrase) {
  const li = document.createElement('li');
  li.className = 'result';
  const a = document.createElement('a');
  a.className = 'result-title';
  a.href = data.url;
  a.textContent = data.meta.title || data.url;
  const where = document.createElement('p');
  where.className = 'result-where';
  where.textContent = [data.meta.date, data.meta.issue, data.meta.page].filter(Boolean).join(' · ');
  li.append(a, where, snippet(data.content, phrase));
  list.append(li);
}

async function more() {
  moreButton.hidden = true;
  let added = 0;
  // the true matches rank first; past them, a page may have to look through many candidates, so each
  // round asks for twice as many fragments at once as the last (up to 320), to wait on fewer round trips
  let size = BATCH;
  while (added < BATCH && state.next < state.results.length) {
    const batch = state.results.slice(state.next, state.next + size);
    size = Math.min(size * 2, 320);
    state.next += batch.length;
    const datas = await Promise.all(batch.map(r => r.data()));
    for (const d of datas) {
      if (squeeze(d.content).includes(state.phrase)) { show(d, state.phrase); added++; state.found++; }
    }
  }
  const done = state.next >= state.results.length;
  statusLine.textContent = done
    ? `找到 ${state.found} 篇含“${state.phrase}”的文章。`
    : `已列出 ${state.found} 篇含“${state.phrase}”的文章，还有更多。`;
  statusLine.dataset.done = String(done);
  statusLine.dataset.candidates = String(state.results.length);
  moreButton.hidden = done;
}

async function search(q) {
  const phrase = squeeze(q);
  list.replaceChildren();
  if (!phrase) { statusLine.textContent = ''; return; }
  statusLine.textContent = '检索中……';
  statusLine.dataset.done = 'false';
  const pf = await pagefind();
  const r = await pf.search(q.trim());
  state = { phrase, results: r.results, next: 0, found: 0 };
  await more();
}

moreButton.addEventListener('click', () => more());
form.addEventListener('submit', ev => {
  ev.preventDefault();
  const q = input.value;
  history.replaceState(null, '', `?q=${encodeURIComponent(q)}`);
  search(q).catch(err => { statusLine.textContent = `检索失败：${err.message}`; });
});
const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  search(initial).catch(err => { statusLine.textContent = `检索失败：${err.message}`; });
} else {
  statusLine.textContent = '';
}
