#!/usr/bin/env bash
# Preview benchmark: on the 4,000-page synthetic site (bench/pages/generate.mjs), the time from saving one
# Markdown file to the reloaded page being served (polled over HTTP), median of several saves; a theme
# CSS change; a theme template (.razor) change, compiled by the preview. Usage: bench/preview/run.sh [--saves N]   (run from anywhere; needs the .NET SDK and node)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
saves=7
[[ "${1:-}" == "--saves" ]] && saves="$2"
work="$(mktemp -d /tmp/qm-bench-preview.XXXXXX)"
port=5199
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
# The generator as ./build.sh preview runs it: precompiled (ReadyToRun), on the JIT.
(cd "$repo" && scripts/setup.sh build >/dev/null)
generator=$("$repo/scripts/publish-generator.sh" jit)
node "$repo/bench/pages/generate.mjs" --pages 4000 --out "$work/site" --repo "$repo" >/dev/null
site="$work/site/ours"
ln -s "$repo/node_modules" "$site/node_modules"
start=$(date +%s.%N)
dotnet "$generator" preview --root "$site" --port "$port" --timings \
  >"$work/preview.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/" >/dev/null; do sleep 0.2; done
echo "first full build and serve: $(echo "$(date +%s.%N) - $start" | bc) s"
# The first Chinese notice (not a pipeline into head, which pipefail turns into a SIGPIPE failure now and then).
for notice in "$site"/input/2025/notices/*.md; do [[ $notice == *.en.md ]] || break; done
slug="$(basename "$notice" .md)"
echo "Markdown save ($notice):"
node "$repo/bench/preview/measure.mjs" --file "$notice" --url "http://127.0.0.1:$port/2025/notices/$slug/" --saves "$saves" --kind markdown
sleep 5 # the file restored above settles first, or its update and the stylesheet's would be one
echo "Theme CSS save (theme/assets/site.css):"
node "$repo/bench/preview/measure.mjs" --file "$site/theme/assets/site.css" --url "http://127.0.0.1:$port/2025/notices/$slug/" --saves 3 --kind css
sleep 5
echo "Theme template save (theme/Layout/PageShell.razor):"
node "$repo/bench/preview/measure.mjs" --file "$site/theme/Layout/PageShell.razor" --url "http://127.0.0.1:$port/2025/notices/$slug/" --saves 3 --kind template
echo "Server's own timings:"; grep "^timing " "$work/preview.log" | tail -n 80
