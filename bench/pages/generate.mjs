#!/usr/bin/env node
// Synthetic sites for the page benchmark: N Markdown pages (N/2 notices, each in Chinese and in English)
// with CJK text, headings, lists and links between pages, written three ways:
//   <out>/ours      our content: a copy of the real statiq.json, theme/ and input/site/ plus synthetic
//                   years whose notices are <slug>.md (front matter in both languages) + <slug>.en.md
//   <out>/hugo      the same pages as a Hugo site (0.111): <slug>.md + <slug>.en.md, one layout, one CSS
//   <out>/eleventy  the same pages as an Eleventy 3 site: zh/… and en/…, one Nunjucks layout, one CSS
// Deterministic: the same N and seed give byte-identical sites.
//
//   node bench/pages/generate.mjs --pages N --out DIR [--repo REPO] [--seed S]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv.slice(2));
const pageCount = Number(args.pages ?? 250);
const out = path.resolve(args.out ?? `/tmp/qm-bench-pages/site-${pageCount}`);
const repo = path.resolve(args.repo ?? path.join(here, '..', '..'));
const seed = Number(args.seed ?? 20260922);
if (!Number.isInteger(pageCount) || pageCount < 2 || pageCount % 2 !== 0) fail('--pages must be an even number ≥ 2');

// The newest year is the real site's currentYear (statiq.json), so the copied settings stay valid.
const noticesPerYear = 100;
const currentYear = 2025;
const noticeCount = pageCount / 2;

function parseArgs(list) {
  const parsed = {};
  for (let i = 0; i < list.length; i++) {
    if (!list[i].startsWith('--')) fail(`unexpected argument '${list[i]}'`);
    parsed[list[i].slice(2)] = list[++i];
  }
  return parsed;
}

function fail(message) {
  console.error(`generate.mjs: ${message}`);
  process.exit(2);
}

// mulberry32: small, fast, seeded.
function random(seedValue) {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(seed);
const pick = list => list[Math.floor(rand() * list.length)];
const between = (low, high) => low + Math.floor(rand() * (high - low + 1));

// Phrases in the register of the campaign's notices, combined into sentences.
const zh = {
  subjects: ['各地、各有关部门', '各设区市市场监督管理局', '省直有关单位', '各级质量强省工作领导小组成员单位', '广大企业', '行业协会和学会', '各类检验检测机构', '基层监管所'],
  verbs: ['要高度重视', '要认真组织', '要积极推动', '要切实加强', '要统筹谋划', '要深入开展', '要广泛动员', '要扎实推进'],
  objects: ['“质量月”活动的策划和组织实施', '全民质量行动', '质量提升和品牌建设', '质量基础设施“一站式”服务', '企业首席质量官制度', '质量安全风险监测', '标准化、计量和认证认可工作', '质量技术帮扶'],
  tails: ['，确保活动取得实效', '，营造人人重视质量的良好氛围', '，推动质量工作再上新台阶', '，为高质量发展提供有力支撑', '，切实增强人民群众的获得感', '，形成上下联动的工作格局', '，严禁借活动名义向企业摊派收费', '，做到简朴、高效、务实'],
  headings: ['高度重视，精心组织', '加强宣传，重心下移', '围绕中心，服务大局', '突出重点，务求实效', '创新形式，扩大影响', '认真总结，及时报送', '强化协同，形成合力', '聚焦民生，回应关切'],
  items: ['开展质量开放日活动', '举办质量管理小组成果发表交流会', '组织计量惠民服务进社区', '开展标准化知识竞赛', '举办质量提升培训班', '开展消费品质量安全“进社区、进校园、进乡镇”宣传', '组织检验检测机构开放实验室', '开展重点产品质量监督抽查'],
};
const en = {
  subjects: ['All localities and departments concerned', 'Every city administration for market regulation', 'The provincial bodies concerned', 'The member units of the leading groups', 'Enterprises', 'Industry associations and societies', 'Inspection and testing institutions', 'Grass-roots regulatory offices'],
  verbs: ['shall attach great importance to', 'shall carefully organise', 'shall actively promote', 'shall strengthen', 'shall plan as a whole', 'shall carry out in depth', 'shall mobilise widely for', 'shall steadily advance'],
  objects: ['the planning and running of Quality Month activities', 'the nationwide quality campaign', 'quality improvement and brand building', 'one-stop quality infrastructure services', 'the chief quality officer system in enterprises', 'quality and safety risk monitoring', 'standardisation, metrology and accreditation', 'technical quality assistance'],
  tails: [', so that the activities bring real results.', ', creating an atmosphere in which everyone values quality.', ', taking quality work to a new level.', ', giving strong support to high-quality development.', ', so that people feel the benefit.', ', with the levels of government working together.', ', and no fees may be levied on enterprises in the campaign\'s name.', ', simply, efficiently and pragmatically.'],
  headings: ['Attach importance and organise carefully', 'Strengthen publicity at the grass roots', 'Serve the overall situation', 'Focus on priorities and results', 'Innovate forms and widen impact', 'Summarise and report in time', 'Coordinate and join forces', 'Focus on people\'s livelihoods'],
  items: ['Hold quality open days', 'Hold exchanges of quality-control circle results', 'Bring metrology services to communities', 'Hold standardisation knowledge contests', 'Run quality improvement training', 'Publicise consumer product safety in communities, schools and townships', 'Open inspection and testing laboratories to the public', 'Carry out supervisory sampling of key products'],
};
const numerals = ['一', '二', '三', '四', '五', '六', '七', '八'];

const sentence = (lang, i) => `${lang.subjects[i % 8]}${lang === en ? ' ' : ''}${lang.verbs[(i >> 3) % 8]}${lang === en ? ' ' : ''}${lang.objects[(i >> 6) % 8]}${lang.tails[(i >> 9) % 8]}${lang === en ? '' : '。'}`;
const paragraph = (lang, count) => Array.from({ length: count }, () => sentence(lang, between(0, 4095))).join(lang === en ? ' ' : '');

// Every notice, oldest year last; a year holds up to noticesPerYear notices.
const notices = [];
for (let n = 0; n < noticeCount; n++) {
  const year = currentYear - Math.floor(n / noticesPerYear);
  notices.push({ year, slug: `notice-${String((n % noticesPerYear) + 1).padStart(3, '0')}`, index: n });
}
const years = [...new Set(notices.map(n => n.year))];

// The shared content of each notice: the same Markdown bodies go to all three tools.
for (const notice of notices) {
  const sections = between(3, 5);
  const linkTargets = [pick(notices), pick(notices)];
  notice.number = between(1, 40);
  notice.date = `${notice.year}-08-${String(between(1, 28)).padStart(2, '0')}`;
  notice.titleZh = `关于开展${notice.year}年全省“质量月”活动的通知（第${notice.index % noticesPerYear + 1}号）`;
  notice.titleEn = `Notice on the ${notice.year} Provincial "Quality Month" Activities (No. ${notice.index % noticesPerYear + 1})`;
  notice.plan = { sections, linkTargets, paragraphs: [] };
  for (let s = 0; s < sections; s++) {
    const count = between(1, 3);
    const seeds = Array.from({ length: count }, () => [between(2, 5), rand()]);
    notice.plan.paragraphs.push({ heading: between(0, 7), seeds, items: between(0, 1) ? between(3, 5) : 0, itemStart: between(0, 7) });
  }
}

// The body in one language; links are written site-root-relative, as our content format wants, then
// localised per tool by `link`.
function body(notice, lang, link) {
  const L = lang === 'zh' ? zh : en;
  const lines = [];
  lines.push(lang === 'zh' ? '各设区市、平潭综合实验区市场监督管理局，省直有关单位：' : 'To the city administrations for market regulation and the provincial bodies concerned:', '');
  const [a, b] = notice.plan.linkTargets;
  lines.push(lang === 'zh'
    ? `根据[${a.year}年的通知](${link(a)})和[${b.year}年的部署](${link(b)})，现将有关事项通知如下：`
    : `Following [the ${a.year} notice](${link(a)}) and [the ${b.year} arrangements](${link(b)}), the matters are notified as follows:`, '');
  notice.plan.paragraphs.forEach((section, s) => {
    lines.push(`## ${lang === 'zh' ? `${numerals[s]}、${zh.headings[section.heading]}` : `${s + 1}. ${en.headings[section.heading]}`}`, '');
    for (const [count] of section.seeds) lines.push(paragraph(L, count), '');
    for (let i = 0; i < section.items; i++) lines.push(`- ${L.items[(section.itemStart + i) % 8]}${lang === 'zh' ? '。' : '.'}`);
    if (section.items) lines.push('');
  });
  return lines.join('\n');
}

// The paragraphs draw from `rand`: fix each notice's text once, in order, so the three sites share it.
for (const notice of notices) {
  notice.bodyZh = body(notice, 'zh', n => `/${n.year}/notices/${n.slug}/`);
  notice.bodyEn = body(notice, 'en', n => `/${n.year}/notices/${n.slug}/`);
}
const enLinks = text => text.replace(/\]\(\/(\d{4})\//g, '](/en/$1/');

fs.rmSync(out, { recursive: true, force: true });
const write = (file, text) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};
const yamlString = text => JSON.stringify(text);

// (a) Our content.
{
  const root = path.join(out, 'ours');
  fs.cpSync(path.join(repo, 'statiq.json'), path.join(root, 'statiq.json'));
  fs.cpSync(path.join(repo, 'theme'), path.join(root, 'theme'), { recursive: true, filter: src => !/\/theme\/(bin|obj)(\/|$)/.test(src) });
  fs.cpSync(path.join(repo, 'input', 'site'), path.join(root, 'input', 'site'), { recursive: true });
  // The real press contacts quote the real notices, which the synthetic site does not have.
  write(path.join(root, 'input', 'site', 'press.yml'), '# The synthetic benchmark site has no press contacts.\n[]\n');
  for (const year of years) {
    write(path.join(root, 'input', String(year), 'year.yml'),
      `year: ${year}\ntheme: 加强质量支撑 共建质量强省\ntheme_en: Strengthen Quality Support, Build a Quality Province Together\nmain_notice: notice-001\n`);
  }
  // The theme's activity pages and charts need activities: each year's first notice lists a few of one city's, as
  // the real notices do in an attachment. A fixed handful, whatever N is.
  for (const year of years) {
    write(path.join(root, 'input', String(year), 'activities', 'fuzhou.yml'), [
      'city: fuzhou',
      'source: { notice: notice-001, attachment: 1 }',
      'activities:',
      ...[['launch-ceremony', '举办“质量月”启动仪式', 'Quality Month launch ceremony', 'meeting', '9月1日'],
        ['open-day', '开展质量开放日活动', 'Quality open day', 'publicity', '9月']].flatMap(([id, title, titleEn, kind, time]) =>
        [`  - id: ${id}`, `    title: ${title}`, `    title_en: ${titleEn}`, `    kinds: [${kind}]`, `    time: ${time}`]),
      '',
    ].join('\n'));
  }
  for (const n of notices) {
    const folder = path.join(root, 'input', String(n.year), 'notices');
    const attachments = n.slug === 'notice-001'
      ? ['attachments:', `  - title: ${n.year}年福州市“质量月”主要活动`, `    title_en: Main Quality Month activities in Fuzhou, ${n.year}`, '    shows: activities']
      : [];
    write(path.join(folder, `${n.slug}.md`), [
      '---',
      `title: ${yamlString(n.titleZh)}`,
      `title_en: ${yamlString(n.titleEn)}`,
      `doc_number: 闽质强省办〔${n.year}〕${n.number}号`,
      'issuer: 福建省质量强省工作领导小组办公室',
      'issuer_en: Office of the Fujian Quality Province Leading Group',
      `date: ${n.date}`,
      'disclosure: 此件主动公开',
      ...attachments,
      '---',
      '',
      n.bodyZh,
    ].join('\n'));
    write(path.join(folder, `${n.slug}.en.md`), n.bodyEn);
  }
}

const css = fs.readFileSync(path.join(repo, 'theme', 'assets', 'site.css'), 'utf8');

// (b) Hugo.
{
  const root = path.join(out, 'hugo');
  write(path.join(root, 'hugo.toml'), `baseURL = "https://zly.example.gov.cn/"
title = "福建省“质量月”活动专题"
defaultContentLanguage = "zh-hans"
defaultContentLanguageInSubdir = false
disableKinds = ["taxonomy", "term"]

[languages.zh-hans]
languageCode = "zh-Hans"
languageName = "中文"
title = "福建省“质量月”活动专题"
weight = 1

[languages.en]
languageCode = "en"
languageName = "English"
title = "Fujian Quality Month"
weight = 2
`);
  write(path.join(root, 'static', 'assets', 'site.css'), css);
  write(path.join(root, 'layouts', '_default', 'baseof.html'), `<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} - {{ end }}{{ .Site.Title }}</title>
<link rel="stylesheet" href="/assets/site.css">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<header class="site-header"><a class="site-title" href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav aria-label="{{ if eq .Language.Lang "en" }}Main{{ else }}主导航{{ end }}"><ul>
{{ range .Site.Home.Sections.ByTitle.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul></nav>
<nav aria-label="{{ if eq .Language.Lang "en" }}Languages{{ else }}语言{{ end }}">{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a>{{ end }}</nav>
</header>
<main id="main" data-pagefind-body>{{ block "main" . }}{{ end }}</main>
<footer class="site-footer"><p>{{ if eq .Language.Lang "en" }}Office of the Fujian Quality Province Leading Group{{ else }}福建省质量强省工作领导小组办公室{{ end }}</p></footer>
</body>
</html>
`);
  write(path.join(root, 'layouts', '_default', 'single.html'), `{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<dl class="notice-meta"><dt>{{ if eq .Language.Lang "en" }}Document number{{ else }}发文字号{{ end }}</dt><dd>{{ .Params.doc_number }}</dd>
<dt>{{ if eq .Language.Lang "en" }}Issuer{{ else }}发文机关{{ end }}</dt><dd>{{ .Params.issuer }}</dd>
<dt>{{ if eq .Language.Lang "en" }}Date{{ else }}成文日期{{ end }}</dt><dd>{{ .Date.Format "2006-01-02" }}</dd></dl>
<div class="prose">{{ .Content }}</div>
</article>{{ end }}
`);
  write(path.join(root, 'layouts', '_default', 'list.html'), `{{ define "main" }}<h1>{{ .Title }}</h1>
<ol class="notice-list">{{ range .Pages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>
{{ end }}</ol>{{ end }}
`);
  write(path.join(root, 'layouts', 'index.html'), `{{ define "main" }}<h1>{{ .Site.Title }}</h1>
<ul class="year-list">{{ range .Sections.ByTitle.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }})</li>
{{ end }}</ul>{{ end }}
`);
  write(path.join(root, 'content', '_index.md'), '---\ntitle: 福建省“质量月”活动专题\n---\n');
  write(path.join(root, 'content', '_index.en.md'), '---\ntitle: Fujian Quality Month\n---\n');
  for (const year of years) {
    write(path.join(root, 'content', String(year), '_index.md'), `---\ntitle: "${year}年"\n---\n`);
    write(path.join(root, 'content', String(year), '_index.en.md'), `---\ntitle: "${year}"\n---\n`);
  }
  for (const n of notices) {
    const folder = path.join(root, 'content', String(n.year), 'notices');
    const weight = n.index % noticesPerYear + 1;
    write(path.join(folder, `${n.slug}.md`), `---\ntitle: ${yamlString(n.titleZh)}\ndoc_number: 闽质强省办〔${n.year}〕${n.number}号\nissuer: 福建省质量强省工作领导小组办公室\ndate: ${n.date}\nweight: ${weight}\n---\n\n${n.bodyZh}`);
    write(path.join(folder, `${n.slug}.en.md`), `---\ntitle: ${yamlString(n.titleEn)}\ndoc_number: Min Zhi Qiang Sheng Ban [${n.year}] No. ${n.number}\nissuer: Office of the Fujian Quality Province Leading Group\ndate: ${n.date}\nweight: ${weight}\n---\n\n${enLinks(n.bodyEn)}`);
  }
}

// (c) Eleventy.
{
  const root = path.join(out, 'eleventy');
  write(path.join(root, 'eleventy.config.mjs'), `export default function (config) {
  config.addPassthroughCopy({ 'assets': 'assets' });
  config.addFilter('inYear', (notices, year) => notices.filter(n => n.data.year === year));
  return { dir: { input: '.', includes: '_includes', data: '_data', output: '_site' }, markdownTemplateEngine: false, htmlTemplateEngine: 'njk' };
}
`);
  write(path.join(root, '.eleventyignore'), 'node_modules\n_site\n');
  write(path.join(root, 'assets', 'site.css'), css);
  write(path.join(root, '_data', 'years.json'), JSON.stringify(years) + '\n');
  write(path.join(root, '_data', 'strings.json'), JSON.stringify({
    zh: { lang: 'zh-Hans', title: '福建省“质量月”活动专题', prefix: '', main: '主导航', languages: '语言', footer: '福建省质量强省工作领导小组办公室', number: '发文字号', issuer: '发文机关', date: '成文日期', year: '年', other: 'en', otherName: 'English' },
    en: { lang: 'en', title: 'Fujian Quality Month', prefix: '/en', main: 'Main', languages: 'Languages', footer: 'Office of the Fujian Quality Province Leading Group', number: 'Document number', issuer: 'Issuer', date: 'Date', year: '', other: 'zh', otherName: '中文' },
  }, null, 2) + '\n');
  write(path.join(root, '_includes', 'base.njk'), `{% set s = strings[language] %}<!DOCTYPE html>
<html lang="{{ s.lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% if title %}{{ title }} - {% endif %}{{ s.title }}</title>
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
<header class="site-header"><a class="site-title" href="{{ s.prefix }}/">{{ s.title }}</a>
<nav aria-label="{{ s.main }}"><ul>
{% for y in years %}<li><a href="{{ s.prefix }}/{{ y }}/">{{ y }}{{ s.year }}</a></li>
{% endfor %}</ul></nav>
<nav aria-label="{{ s.languages }}"><a href="{{ alternate }}" hreflang="{{ strings[s.other].lang }}">{{ s.otherName }}</a></nav>
</header>
<main id="main">{{ content | safe }}</main>
<footer class="site-footer"><p>{{ s.footer }}</p></footer>
</body>
</html>
`);
  write(path.join(root, '_includes', 'notice.njk'), `---
layout: base.njk
---
{% set s = strings[language] %}<article>
<h1>{{ title }}</h1>
<dl class="notice-meta"><dt>{{ s.number }}</dt><dd>{{ doc_number }}</dd>
<dt>{{ s.issuer }}</dt><dd>{{ issuer }}</dd>
<dt>{{ s.date }}</dt><dd>{{ date_text }}</dd></dl>
<div class="prose">{{ content | safe }}</div>
</article>
`);
  for (const language of ['zh', 'en']) {
    const prefix = language === 'en' ? '/en' : '';
    const otherPrefix = language === 'en' ? '' : '/en';
    write(path.join(root, `home-${language}.njk`), `---
layout: base.njk
language: ${language}
permalink: "${prefix}/"
alternate: "${otherPrefix}/"
---
<h1>{{ strings.${language}.title }}</h1>
<ul class="year-list">{% for y in years %}<li><a href="${prefix}/{{ y }}/">{{ y }}{{ strings.${language}.year }}</a> ({{ collections["notice-${language}"] | inYear(y) | length }})</li>
{% endfor %}</ul>
`);
    write(path.join(root, `years-${language}.njk`), `---
layout: base.njk
language: ${language}
pagination: { data: years, size: 1, alias: year }
permalink: "${prefix}/{{ year }}/"
eleventyComputed: { title: "{{ year }}${language === 'zh' ? '年' : ''}", alternate: "${otherPrefix}/{{ year }}/" }
---
<h1>{{ title }}</h1>
<ol class="notice-list">{% for n in collections["notice-${language}"] | inYear(year) %}<li><a href="{{ n.url }}">{{ n.data.title }}</a> <time>{{ n.data.date_text }}</time></li>
{% endfor %}</ol>
`);
  }
  for (const n of notices) {
    for (const language of ['zh', 'en']) {
      const prefix = language === 'en' ? '/en' : '';
      const otherPrefix = language === 'en' ? '' : '/en';
      const front = language === 'zh'
        ? { title: n.titleZh, doc: `闽质强省办〔${n.year}〕${n.number}号`, issuer: '福建省质量强省工作领导小组办公室', body: n.bodyZh }
        : { title: n.titleEn, doc: `Min Zhi Qiang Sheng Ban [${n.year}] No. ${n.number}`, issuer: 'Office of the Fujian Quality Province Leading Group', body: enLinks(n.bodyEn) };
      write(path.join(root, language, String(n.year), 'notices', `${n.slug}.md`), `---
title: ${yamlString(front.title)}
layout: notice.njk
language: ${language}
tags: notice-${language}
year: ${n.year}
doc_number: ${yamlString(front.doc)}
issuer: ${yamlString(front.issuer)}
date_text: "${n.date}"
permalink: "${prefix}/${n.year}/notices/${n.slug}/"
alternate: "${otherPrefix}/${n.year}/notices/${n.slug}/"
---

${front.body}`);
    }
  }
}

console.log(`${out}: ${noticeCount} notices × 2 languages = ${pageCount} Markdown pages in ${years.length} years (ours, hugo, eleventy)`);
