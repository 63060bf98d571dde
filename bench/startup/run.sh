#!/usr/bin/env bash
# Start-up benchmark: `build` of the smallest site `check` accepts (statiq.json, the theme, the site
# registries, one year with one notice), with the generator as ./build.sh runs it (native, compiled ahead of time by
# scripts/publish-generator.sh) against the one the preview runs (ReadyToRun, tiered compilation on, PGO off), the plain
# `dotnet build` output (JIT only), the ReadyToRun generator with tiered compilation off and, optionally, the generator of another git revision. The variants run interleaved (A, B, C, A, B, C, …) because the
# machine is shared; the table shows the median and spread of RUNS runs each, wall time and peak memory
# from GNU time, then one phase breakdown per variant (--timings; a revision given must have that switch).
#
#   bench/startup/run.sh [RUNS=11] [BASELINE_REV]      e.g. bench/startup/run.sh 11 085e40c
# (085e40c: the start-up work's first commit, before any change to the generator's speed; main itself
# cannot build the empty site, its browse page crashed on a site without activities)
set -euo pipefail
runs=${1:-11}
baseline=${2:-}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=${BENCH_DIR:-/tmp/qm-bench-startup}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
[ -x /usr/bin/time ] || { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
"$repo/scripts/setup.sh" build
rm -rf "$work"; mkdir -p "$work"

# 1. The generators. native: what ./build.sh runs; r2r: what ./build.sh preview runs; jit: what `dotnet build`
# makes (the tests run that one).
native=$("$repo/scripts/publish-generator.sh" native)
r2r=$("$repo/scripts/publish-generator.sh" jit)
dotnet build "$repo/src/QualityMonth/QualityMonth.csproj" -c Release --no-restore --verbosity quiet -nologo >/dev/null
jit="$repo/src/QualityMonth/bin/Release/net10.0/qualitymonth.dll"
names=(native r2r jit)
commands=("$native" "dotnet $r2r" "dotnet $jit")
# The runtime's tiering: the published generator runs with tiered compilation on, PGO off (publish-generator.sh);
# the environment variable turns it off for comparison.
names+=(r2r-tiering-off)
commands+=("env DOTNET_TieredCompilation=0 dotnet $r2r")
if [ -n "$baseline" ]; then
  git -C "$repo" worktree add --detach "$work/baseline" "$baseline" >/dev/null 2>&1
  trap 'git -C "$repo" worktree remove --force "$work/baseline"' EXIT
  dotnet build "$work/baseline/src/QualityMonth/QualityMonth.csproj" -c Release --verbosity quiet -nologo >/dev/null
  names+=("baseline")
  commands+=("dotnet $work/baseline/src/QualityMonth/bin/Release/net10.0/qualitymonth.dll")
fi

# 2. The empty site: the real site's settings, theme and registries, and its current year with only its main
# notice. Made from each revision's own files (a baseline's theme may differ); the check must pass, since a
# start-up measured on a failing build would measure the wrong thing.
make_site() { # source repository, site folder, generator command
  local from=$1 site=$2 year main
  mkdir -p "$site/input"
  cp -r "$from/statiq.json" "$from/theme" "$site/"
  rm -rf "$site/theme/bin" "$site/theme/obj"
  cp -r "$from/input/site" "$site/input/"
  year=$(sed -n 's/^ *"currentYear": *\([0-9]*\).*/\1/p' "$from/statiq.json")
  main=$(sed -n 's/^main_notice: *//p' "$from/input/$year/year.yml")
  mkdir -p "$site/input/$year/notices"
  cp "$from/input/$year/year.yml" "$site/input/$year/"
  # Without the year's slogans file, the notice's slogans attachment goes; the press page keeps the contacts of that notice.
  sed '/^  - title: /{N;N;/shows: slogans/d}' "$from/input/$year/notices/$main.md" > "$site/input/$year/notices/$main.md"
  awk -v notice="$year/$main" '/^- notice:/ { keep = ($3 == notice) } /^#/ || keep' "$from/input/site/press.yml" > "$site/input/site/press.yml"
  $3 check --root "$site" --format lines >"$site.check.log" 2>&1 || { cat "$site.check.log" >&2; exit 1; }
}
sites=()
for i in "${!names[@]}"; do
  if [ "${names[$i]}" = baseline ]; then sites+=("$work/site-baseline"); make_site "$work/baseline" "$work/site-baseline" "${commands[$i]}"
  else sites+=("$work/site"); [ -d "$work/site" ] || make_site "$repo" "$work/site" "${commands[$i]}"; fi
done

# 3. One build each first: the share-image cache and the previous output exist, as on a real machine.
for i in "${!names[@]}"; do ${commands[$i]} build --root "${sites[$i]}" --output "$work/out-${names[$i]}" >/dev/null 2>&1; done

echo "measuring ${names[*]}, $runs runs each, interleaved…" >&2
for run in $(seq 1 "$runs"); do
  for i in "${!names[@]}"; do
    /usr/bin/time -f "%e %M" -a -o "$work/${names[$i]}.times" ${commands[$i]} build --root "${sites[$i]}" --output "$work/out-${names[$i]}" >/dev/null 2>&1
  done
done

# median, min and max of a column of numbers
stats() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f %.3f %.3f\n", m, v[1], v[NR] }'; }
echo "| generator | runs | wall median (s) | wall min–max (s) | peak memory median (MiB) |"
echo "|---|---|---|---|---|"
for name in "${names[@]}"; do
  read -r median low high < <(cut -d' ' -f1 "$work/$name.times" | stats)
  read -r memory _ _ < <(awk '{ print $2 / 1024 }' "$work/$name.times" | stats)
  printf '| %s | %d | %.2f | %.2f–%.2f | %.0f |\n' "$name" "$runs" "$median" "$low" "$high" "$memory"
done

echo
for i in "${!names[@]}"; do
  echo "${names[$i]}:"
  ${commands[$i]} build --root "${sites[$i]}" --output "$work/out-${names[$i]}" --timings 2>&1 >/dev/null | sed -n 's/^\[timings\] /    /p; s/^timing /    step /p'
done
