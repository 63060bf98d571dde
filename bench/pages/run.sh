#!/usr/bin/env bash
# Page benchmark: cold builds of synthetic sites of N Markdown pages (generate.mjs) by our generator, Hugo and
# Eleventy, interleaved (ours, hugo, eleventy, ours, …), K runs each; prints a Markdown table of medians
# (wall time, peak resident memory, ratio to Hugo in the same run, cost per page) for docs/benchmarks.md.
# Our build also times its Pagefind step (--timings), shown separately.
#
#   bench/pages/run.sh [sizes…] [--runs K]       default: 250 1000 4000 16000 --runs 3
#   BENCH_DIR=/tmp/…                             scratch folder (default /tmp/qm-bench-pages)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${BENCH_DIR:-/tmp/qm-bench-pages}
runs=3
sizes=()
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(250 1000 4000 16000)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v hugo >/dev/null || missing+=(hugo)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -x "$here/node_modules/.bin/eleventy" ] || (cd "$here" && npm ci --silent --no-audit --no-fund)
"$repo/scripts/setup.sh" build
# The generator as ./build.sh runs it: the native one, compiled ahead of time.
generator=$("$repo/scripts/publish-generator.sh" native)
eleventy="$here/node_modules/.bin/eleventy"
pagefind="$repo/node_modules/@pagefind/linux-x64/bin/pagefind_extended"
mkdir -p "$work"

# One cold build: fresh output folder, no caches. Prints "seconds peakKiB pagefindSeconds ownPeakKiB", the peak being the
# whole process tree's (tree_peak).
# The peak of the summed resident memory of a process and everything it starts, sampled every 0.2 s: GNU time's %M is the
# largest single process's, and our build runs a Pagefind per language side by side. Prints KiB.
tree_peak() { # pid
  local root=$1 peak=0 now
  while kill -0 "$root" 2>/dev/null; do
    now=$(ps -e -o pid=,ppid=,rss= | awk -v root="$root" '
      { parent[$1] = $2; rss[$1] = $3 }
      END { for (p in rss) { q = p; while (q in parent && q != root) q = parent[q]; if (q == root) sum += rss[p] } print sum + 0 }')
    [ "$now" -gt "$peak" ] && peak=$now
    sleep 0.2
  done
  echo "$peak"
}

measure() { # tool size run
  local tool=$1 size=$2 site="$work/site-$2" out="$work/out-$1-$2" log="$work/$1-$2-$3.log"
  rm -rf "$out" "$site/ours/.cache" "$site/hugo/resources" "$work/hugo-cache"
  case $tool in
    ours) (cd "$site/ours" && /usr/bin/time -f "%e %M" -o "$work/time.txt" \
            "$generator" build --root . --output "$out" --timings) >"$log" 2>&1 & ;;
    hugo) (cd "$site/hugo" && /usr/bin/time -f "%e %M" -o "$work/time.txt" \
            hugo --quiet --cacheDir "$work/hugo-cache" --destination "$out") >"$log" 2>&1 & ;;
    # What a Hugo site does for the same search: Pagefind (the same pinned binary) over Hugo's output.
    hugo-pagefind) (cd "$site/hugo" && /usr/bin/time -f "%e %M" -o "$work/time.txt" sh -c \
            'hugo --quiet --cacheDir "$1" --destination "$2" && "$3" --site "$2" --quiet' _ "$work/hugo-cache" "$out" "$pagefind") >"$log" 2>&1 & ;;
    eleventy) (cd "$site/eleventy" && /usr/bin/time -f "%e %M" -o "$work/time.txt" \
            "$eleventy" --quiet --output="$out") >"$log" 2>&1 & ;;
  esac
  local pid=$! seconds kib pagefind_s own
  kib=$(tree_peak "$pid")
  wait "$pid" || { echo "$tool failed on $size pages (run $3):" >&2; cat "$log" >&2; exit 1; }
  read -r seconds _ < "$work/time.txt"
  # Our build reports its Pagefind step's time and its own peak memory (the process tree's counts Pagefind's too).
  pagefind_s=$(awk '$1 == "timing" && $2 == "pagefind" { print $3 / 1000 }' "$log")
  own=$(awk '$1 == "timing" && $2 == "peak-memory-kib" { print $3 }' "$log")
  echo "$seconds $kib ${pagefind_s:-0} ${own:-$kib}"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

tools=(ours hugo hugo-pagefind eleventy)
for size in "${sizes[@]}"; do
  echo "generating $size pages…" >&2
  node "$here/generate.mjs" --pages "$size" --out "$work/site-$size" --repo "$repo" >&2
  for run in $(seq 1 "$runs"); do
    for tool in "${tools[@]}"; do
      echo "  $size pages, run $run/$runs: $tool" >&2
      measure "$tool" "$size" "$run" > "$work/result-$tool-$size-$run.txt"
    done
  done
done

# Pages written per tool for the largest size, as a check that the sites are comparable.
count_pages() { find "$1" -name '*.html' | wc -l; }

echo "| pages | tool | wall time (s) | peak memory (MiB) | × Hugo (time) | × Hugo (memory) | × Hugo + Pagefind (time) | ms per page | HTML files written |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
for size in "${sizes[@]}"; do
  hugo_s=$(cat "$work"/result-hugo-"$size"-*.txt | awk '{ print $1 }' | median)
  hugo_kib=$(cat "$work"/result-hugo-"$size"-*.txt | awk '{ print $2 }' | median)
  hugo_pagefind_s=$(cat "$work"/result-hugo-pagefind-"$size"-*.txt | awk '{ print $1 }' | median)
  for tool in "${tools[@]}"; do
    s=$(cat "$work"/result-"$tool"-"$size"-*.txt | awk '{ print $1 }' | median)
    kib=$(cat "$work"/result-"$tool"-"$size"-*.txt | awk '{ print $2 }' | median)
    files=$(count_pages "$work/out-$tool-$size")
    row() { # label seconds
      awk -v size="$size" -v label="$1" -v s="$2" -v kib="$kib" -v hs="$hugo_s" -v hk="$hugo_kib" -v hps="$hugo_pagefind_s" -v files="$files" \
        'BEGIN { printf "| %d | %s | %.2f | %d | %.2f | %.2f | %.2f | %.2f | %d |\n", size, label, s, kib / 1024, s / hs, kib / hk, s / hps, s * 1000 / size, files }'
    }
    if [ "$tool" = ours ]; then
      pagefind=$(cat "$work"/result-ours-"$size"-*.txt | awk '{ print $3 }' | median)
      row "ours (whole build, Pagefind included)" "$s"
      kib=$(cat "$work"/result-ours-"$size"-*.txt | awk '{ print $4 }' | median)
      row "ours without the Pagefind step ($(printf '%.2f' "$pagefind") s)" "$(awk -v a="$s" -v b="$pagefind" 'BEGIN { print a - b }')"
    else
      row "$tool" "$s"
    fi
  done
done
echo
echo "Medians of $runs interleaved cold runs; $(nproc) cores; $(hugo version | awk '{ print $1, $2 }'); Eleventy $("$eleventy" --version); $(dotnet --version | sed 's/^/.NET SDK /')."
