// The search page's script (/assets/search.js), the only script of the public site. It reads the
// query from the URL (?q=…&region=…&year=…&agency=…), asks the Pagefind index beside it
// (/pagefind/, built by the scheduled pass: services/search-index.ts) and lists the reports found.
// Plain JavaScript with no build step; the page works as a form without it (search-page.ts).
const FILTERS = { region: '地区', year: '年度', agency: '机关' };
const PAGE_SIZE = 20;

const form = document.getElementById('search-form');
const input = document.getElementById('search-q');
const status = document.getElementById('search-status');
const results = document.getElementById('search-results');
const params = new URLSearchParams(location.search);
const query = (params.get('q') ?? '').trim();
input.value = query;

// Relative to this script, so the site works wherever it is served from (S3 + CloudFront, local).
const indexUrl = new URL('../pagefind/pagefind.js', import.meta.url).href;

let pagefind;
async function load() {
  pagefind = await import(indexUrl);
  await pagefind.init();
}

function selected() {
  const filters = {};
  for (const [param, name] of Object.entries(FILTERS)) {
    const value = params.get(param);
    if (value) filters[name] = value;
  }
  return filters;
}

function setOptions(select, values, current) {
  for (const value of values) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = value;
    select.append(option);
  }
  select.value = current ?? '';
}

// Pagefind's excerpt is text with <mark> around the hits: keep exactly that, as DOM nodes.
function excerptNodes(excerpt) {
  const doc = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  const out = [];
  for (const node of doc.body.firstChild.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      out.push(mark);
    } else out.push(document.createTextNode(node.textContent ?? ''));
  }
  return out;
}

function resultItem(data) {
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  const heading = document.createElement('h2');
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'result-meta';
  meta.textContent = [FILTERS.agency, FILTERS.region, FILTERS.year].map((f) => (data.filters[f] ?? []).join('、')).filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  excerpt.append(...excerptNodes(data.excerpt));
  li.append(heading, meta, excerpt);
  return li;
}

async function run() {
  const filters = selected();
  // The agency filter's choices: every agency in the index, with the current choice kept.
  const available = await pagefind.filters();
  setOptions(document.getElementById('search-agency'), Object.keys(available[FILTERS.agency] ?? {}).sort((a, b) => a.localeCompare(b, 'zh-CN')), params.get('agency'));
  document.getElementById('search-region').value = params.get('region') ?? '';
  document.getElementById('search-year').value = params.get('year') ?? '';
  if (!query && Object.keys(filters).length === 0) {
    status.textContent = '请输入单位名称或报告中的词句。';
    return;
  }
  const search = await pagefind.search(query || null, { filters });
  const shown = await Promise.all(search.results.slice(0, PAGE_SIZE).map((r) => r.data()));
  status.textContent = search.results.length === 0
    ? '没有找到相关报告。'
    : `找到 ${search.results.length} 份报告${search.results.length > PAGE_SIZE ? `，显示前 ${PAGE_SIZE} 份` : ''}。`;
  const list = document.createElement('ol');
  list.append(...shown.map(resultItem));
  results.replaceChildren(list);
}

// Changing a filter searches again at once.
for (const id of ['search-region', 'search-year', 'search-agency']) {
  document.getElementById(id).addEventListener('change', () => form.requestSubmit());
}

status.textContent = '正在搜索…';
try {
  await load();
  await run();
} catch {
  // The index may have been rebuilt while this page was open (its old files are gone): start
  // again from the new index once before giving up.
  try {
    await pagefind?.destroy?.();
    await load();
    await run();
  } catch {
    status.textContent = '搜索暂时不可用，请稍后再试。';
  }
}
