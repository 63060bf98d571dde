#!/usr/bin/env bash
# Lighthouse (pinned in package.json here) with Debian's Chromium, headless, on its default mobile profile
# (emulated mid-range phone, throttled network and CPU), against the real site built by ./build.sh and
# served locally with gzip (serve.mjs): home, a city page and a notice page, RUNS runs each; prints the
# median score of each category per page as a Markdown table for docs/benchmarks.md.
#
#   bench/lighthouse/run.sh [RUNS=3]            BENCH_DIR=/tmp/… to choose the scratch folder
set -euo pipefail
runs=${1:-3}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${BENCH_DIR:-/tmp/qm-bench-lighthouse}
port=${PORT:-8787}
pages=(/ /cities/fuzhou/ /2025/notices/provincial/)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
[ -x /usr/bin/chromium ] || { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
rm -rf "$work"; mkdir -p "$work/reports"
"$repo/build.sh" build --output "$work/site" >/dev/null

node "$here/serve.mjs" "$work/site" "$port" &
server=$!
trap 'kill $server' EXIT
sleep 1

export CHROME_PATH=/usr/bin/chromium
for run in $(seq 1 "$runs"); do
  for page in "${pages[@]}"; do
    name=$(echo "$page" | tr '/' '_')
    echo "lighthouse $page, run $run…" >&2
    # --no-sandbox: Chromium's sandbox does not start as root (CI containers); the audits do not depend on it.
    "$here/node_modules/.bin/lighthouse" "http://127.0.0.1:$port$page" --quiet --output=json \
      --output-path="$work/reports/$name-$run.json" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu"
  done
done

node - "$work/reports" "${pages[@]}" <<'SUMMARY'
const fs = require('fs');
const [folder, ...pages] = process.argv.slice(2);
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const median = values => { const v = [...values].sort((a, b) => a - b); const m = v.length >> 1; return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2; };
console.log(`| page | ${categories.join(' | ')} | runs |`);
console.log(`|---|${categories.map(() => '---').join('|')}|---|`);
const failing = new Map();
for (const page of pages) {
  const name = page.replace(/\//g, '_');
  const reports = fs.readdirSync(folder).filter(f => f.startsWith(name + '-')).map(f => JSON.parse(fs.readFileSync(`${folder}/${f}`, 'utf8')));
  const scores = categories.map(c => median(reports.map(r => Math.round(r.categories[c].score * 100))));
  console.log(`| ${page} | ${scores.join(' | ')} | ${reports.length} |`);
  // The audits that cost points, for the notes under the table.
  for (const report of reports)
    for (const c of categories)
      for (const ref of report.categories[c].auditRefs)
        if (ref.weight > 0 && report.audits[ref.id].score !== null && report.audits[ref.id].score < 1)
          failing.set(`${c}: ${ref.id} (${report.audits[ref.id].title})`, (failing.get(`${c}: ${ref.id} (${report.audits[ref.id].title})`) ?? new Set()).add(page));
}
if (failing.size) {
  console.log('\nAudits below full score in some run:');
  for (const [audit, where] of failing) console.log(`- ${audit}: ${[...where].join(', ')}`);
}
SUMMARY
