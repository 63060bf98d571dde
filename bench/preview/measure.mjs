// Times a save → served page round trip against a running preview: writes a marker into a file,
// then polls the page over HTTP until the marker is served. Prints one line per save, then the median.
//   node measure.mjs --file PATH --url URL --saves N --kind markdown|css|template
import fs from 'node:fs';
const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, l) => (i % 2 ? a : [...a, [l[i].slice(2), l[i + 1]]]), []));
const saves = Number(args.saves ?? 7);
const original = fs.readFileSync(args.file, 'utf8');
const times = [];
const sleep = ms => new Promise(r => setTimeout(r, ms));
async function served(url, check) {
  for (;;) {
    const res = await fetch(url);
    const body = await res.text();
    if (await check(body)) return;
    await sleep(2);
  }
}
try {
  for (let i = 0; i < saves; i++) {
    const marker = `benchmarker${Date.now()}x${i}`;
    let url = args.url, check;
    if (args.kind === 'css') {
      // The page names the stylesheet by its content hash: done when the served page points at a new one.
      const before = (await (await fetch(args.url)).text()).match(/\/assets\/site\.[0-9a-f]+\.css/)[0];
      fs.writeFileSync(args.file, original + `\n.${marker} { color: red; }\n`);
      check = body => { const m = body.match(/\/assets\/site\.[0-9a-f]+\.css/); return m && m[0] !== before; };
    } else if (args.kind === 'template') {
      // The layout (theme/Layout/PageShell.razor): an attribute on the footer, compiled and rendered on every page.
      fs.writeFileSync(args.file, original.replace('<footer class="site-footer"', `<footer class="site-footer" data-${marker}`));
      check = body => body.includes(`data-${marker}`);
    } else {
      fs.writeFileSync(args.file, original.replace(/\n\n/, `\n\n${marker}\n\n`));
      check = body => body.includes(marker);
    }
    const start = performance.now();
    await served(url, check);
    const ms = performance.now() - start;
    times.push(ms);
    console.log(`save ${i + 1}: ${ms.toFixed(0)} ms`);
    // Each save is measured from a settled preview: the previous update finished (its search index may still run).
    // A template's update indexes every page for search in the background afterwards: it is given longer to settle.
    await sleep(args.kind === "css" ? 3000 : args.kind === "template" ? 15000 : Number(args.pause ?? 4000));
  }
} finally {
  fs.writeFileSync(args.file, original);
}
times.sort((a, b) => a - b);
console.log(`median ${times[Math.floor(times.length / 2)].toFixed(0)} ms over ${times.length} saves (min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)})`);
