#!/usr/bin/env bash
# Photo benchmark: N generated 12 MP JPEGs through the generator's full build, against the same outputs
# made by sharp (npm, bundling its own libvips: what most people would pick) and by the vips CLI run in
# parallel (the floor), interleaved R times (the machine may be shared: medians are reported). Then a
# warm rebuild (nothing changed) and a rebuild with one photo changed. Prints a Markdown table for
# docs/benchmarks.md.
#
#   bench/photos/run.sh [N=100] [R=3]
#   BENCH_FLOOR=0 bench/photos/run.sh …   skips the vips CLI floor (the targets compare with sharp only)
set -euo pipefail
count=${1:-100}
rounds=${2:-3}
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$bench/../.." && pwd)
work=${BENCH_DIR:-/tmp/qm-bench-photos}
cores=$(nproc)
floor=${BENCH_FLOOR:-1}

# The vips CLI (Debian's libvips-tools) makes the test photos and is the floor; only this benchmark needs it.
command -v vips >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libvips-tools >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
"$repo/scripts/setup.sh" build
(cd "$bench" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
dotnet build "$repo/src/QualityMonth/QualityMonth.csproj" -c Release --verbosity quiet -nologo >/dev/null
generator="dotnet $repo/src/QualityMonth/bin/Release/net10.0/qualitymonth.dll"

# 1. A bench site: the real site plus one city whose activities carry N photos (6 per activity).
rm -rf "$work"; mkdir -p "$work/site" "$work/floor"
cp -r "$repo/input" "$repo/theme" "$repo/statiq.json" "$work/site/"
rm -rf "$work/site/theme/bin" "$work/site/theme/obj"
printf -- '- slug: bench\n  name: 基准测试市\n  name_en: Bench City\n' >> "$work/site/input/site/cities.yml"
photos="$work/site/input/2024/activities/bench"
mkdir -p "$photos"
echo "generating $count 12 MP photos…" >&2
vips gaussnoise "$work/noise.v" 4000 3000 --sigma 40 --mean 128
for i in $(seq 1 "$count"); do
  # Different pixels per photo (no two alike, so the cache cannot share work), 4000×3000, camera-like quality.
  vips linear "$work/noise.v" "$work/tinted.v" "1" "$i" --uchar
  vips bandjoin "$work/tinted.v $work/noise.v $work/tinted.v" "$work/rgb.v"
  vips copy "$work/rgb.v" "$work/srgb.v" --interpretation srgb
  vips jpegsave "$work/srgb.v" "$photos/photo-$i.jpg" --Q 92
done
{
  echo "city: bench"
  echo "source: { notice: provincial, attachment: 3, number: 11 }"
  echo "activities:"
  for i in $(seq 1 "$count"); do
    if [ $(( (i - 1) % 6 )) -eq 0 ]; then echo "  - id: activity-$i"; echo "    title: 基准测试活动 $i"; echo "    kinds: [publicity]"; echo "    photos:"; fi
    echo "      - { file: bench/photo-$i.jpg, caption: 基准测试照片 $i }"
  done
} > "$work/site/input/2024/activities/bench.yml"

# Both tools get the same photos: the N generated ones and the real site's own photos, which the generator's
# build processes too.
mkdir -p "$work/sharp-input"
find "$work/site/input" -type f -name '*.jpg' | while read -r file; do
  ln "$file" "$work/sharp-input/$(echo "${file#"$work/site/input/"}" | tr / -)"
done
site_photos=$(( $(find "$work/sharp-input" -name '*.jpg' | wc -l) - count ))

measure() { # label, command… → "seconds peakMiB"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/$label.log" 2>&1 || { cat "$work/$label.log" >&2; exit 1; }
  read -r seconds kib < "$work/time.txt"
  echo "$seconds $((kib / 1024))"
}

# 2. The same outputs three ways, interleaved: the generator's build with a cold photo cache, sharp
# ($cores photos at a time), and the vips CLI (one process per output, $cores in parallel).
floor_one() {
  local src=$1 out=$2 base; base=$(basename "$src" .jpg)
  for w in 480 960 1600; do
    vips thumbnail "$src" "$out/$base-$w.avif[Q=55,compression=av1,bitdepth=8,effort=4,strip]" $w --height 10000000 --size down
    vips thumbnail "$src" "$out/$base-$w.webp[Q=78,strip]" $w --height 10000000 --size down
    vips thumbnail "$src" "$out/$base-$w.jpg[Q=82,strip,optimize_coding,interlace]" $w --height 10000000 --size down
  done
  vips thumbnail "$src" "$out/$base-full.jpg[Q=90,strip,optimize_coding,interlace]" 10000000 --height 10000000 --size down
}
export -f floor_one
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
: > "$work/runs.txt"
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds: generator, cold photo cache…" >&2
  rm -rf "$work/site/.cache/photos"
  run=$(measure cold $generator build --root "$work/site" --output "$work/out"); echo "cold $run" >> "$work/runs.txt"
  echo "round $round of $rounds: sharp…" >&2
  rm -rf "$work/sharp"
  run=$(measure sharp node "$bench/sharp.mjs" "$work/sharp-input" "$work/sharp"); echo "sharp $run" >> "$work/runs.txt"
  [ "$floor" = 1 ] || continue
  echo "round $round of $rounds: floor…" >&2
  rm -rf "$work/floor"; mkdir -p "$work/floor"
  run=$(measure floor bash -c "ls $work/sharp-input/*.jpg | xargs -P $cores -I{} bash -c 'floor_one {} $work/floor'"); echo "floor $run" >> "$work/runs.txt"
done
stat() { grep "^$1 " "$work/runs.txt" | cut -d' ' -f$(( $2 + 1 )) | median; }
all() { grep "^$1 " "$work/runs.txt" | cut -d' ' -f$(( $2 + 1 )) | paste -sd' '; }

echo "generator, warm rebuild…" >&2
read -r warm_s warm_mib < <(measure warm $generator build --root "$work/site" --output "$work/out")
vips linear "$photos/photo-1.jpg" "$photos/photo-1.tmp.jpg" 1 1 && mv "$photos/photo-1.tmp.jpg" "$photos/photo-1.jpg"
echo "generator, one photo changed…" >&2
read -r one_s one_mib < <(measure one $generator build --root "$work/site" --output "$work/out")

ratio=$(printf "%.2f" "$(echo "scale=4; $(stat cold 1) / $(stat sharp 1)" | bc)")
processed() { grep -o '([0-9]* processed' "$work/$1.log" | tr -d '('; }
cat <<TABLE
| run ($count photos of 4000×3000 and the site's $site_photos of 1600×1200, $cores cores; median of $rounds interleaved rounds) | wall time (s) | peak memory (MiB) | each round (s) |
|---|---|---|---|
$([ "$floor" = 1 ] && echo "| floor: vips CLI $(vips --version | cut -d' ' -f1 | sed 's/vips-//'), same outputs, $cores processes in parallel | $(stat floor 1) | $(stat floor 2) (per process) | $(all floor 1) |")
| sharp $(node -e "console.log(require('$bench/node_modules/sharp').versions.sharp)"), same outputs, $cores photos at a time | $(stat sharp 1) | $(stat sharp 2) | $(all sharp 1) |
| generator build (whole site), cold photo cache | $(stat cold 1) | $(stat cold 2) | $(all cold 1) |
| generator build, warm cache (no photo changed) | $warm_s | $warm_mib | |
| generator build, one photo changed | $one_s | $one_mib | |

Cold build / sharp: **${ratio}×** (target ≤ 1.0×). Processed photos per run: $(processed cold) cold, $(processed warm) warm, $(processed one) after one change.
TABLE
