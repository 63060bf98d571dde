#!/usr/bin/env bash
# Makes the example illustrations shipped in input/ (the seeds have no photos): the year's theme
# set in a CJK font on a plain background, 1600×1200 JPEG. Needs the vips CLI (libvips-tools).
set -euo pipefail
out=${1:?usage: make-example-photos.sh OUTPUT_FOLDER}
mkdir -p "$out"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

make() { # name, background "r g b", line 1, line 2
  local name=$1 colour=$2
  vips black "$tmp/black.v" 1600 1200 --bands 3
  vips linear "$tmp/black.v" "$tmp/lin.v" "1 1 1" "$colour" --uchar
  vips copy "$tmp/lin.v" "$tmp/bg.v" --interpretation srgb
  vips linear "$tmp/black.v" "$tmp/white.v" "1 1 1" "255 255 255" --uchar
  # Text masks placed on a full-size canvas, then white where the masks are set.
  vips text "$tmp/l1.v" "$3" --font "Noto Sans CJK SC Bold 104"
  vips text "$tmp/l2.v" "$4" --font "Noto Sans CJK SC 56"
  vips embed "$tmp/l1.v" "$tmp/m1.v" 120 430 1600 1200
  vips embed "$tmp/l2.v" "$tmp/m2.v" 124 640 1600 1200
  vips ifthenelse "$tmp/m1.v" "$tmp/white.v" "$tmp/bg.v" "$tmp/a.v" --blend
  vips ifthenelse "$tmp/m2.v" "$tmp/white.v" "$tmp/a.v" "$tmp/c0.v" --blend
  vips copy "$tmp/c0.v" "$tmp/c.v" --interpretation srgb
  vips jpegsave "$tmp/c.v" "$out/$name.jpg" --Q 85 --strip
}
make theme-2025 "164 22 26" "加强全面质量管理" "促进质量强省建设 · 2025年“质量月”"
make national-theme-2025 "11 87 164" "加强全面质量管理" "促进质量强国建设 · 全国“质量月”主题"
