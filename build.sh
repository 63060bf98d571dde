#!/usr/bin/env bash
# Builds the site into output/ (set-up included). Extra arguments go to the generator,
# e.g. ./build.sh preview, ./build.sh build --output /tmp/site, ./build.sh new year 2026, ./build.sh --help.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$root/scripts/setup.sh" build
# The generator precompiled (ReadyToRun), published again only when its sources changed (docs/benchmarks.md, Start-up).
generator=$("$root/scripts/publish-generator.sh")
if [ $# -eq 0 ]; then set -- build; fi
case "$1" in
  build|preview|check|new) command=$1; shift; exec dotnet "$generator" "$command" --root "$root" "$@" ;;
  *) exec dotnet "$generator" "$@" ;;
esac
