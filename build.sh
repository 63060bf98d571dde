#!/usr/bin/env bash
# Builds the site into output/ (set-up included). Extra arguments go to the generator,
# e.g. ./build.sh preview, ./build.sh build --output /tmp/site, ./build.sh new year 2026, ./build.sh --help.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$root/scripts/setup.sh" build
# The generator published again only when its sources changed (scripts/publish-generator.sh): the native one, compiled
# ahead of time, for everything but the preview, which compiles templates while it runs and so runs on .NET's JIT
# (docs/startup-and-weight.md).
if [ $# -eq 0 ]; then set -- build; fi
if [ "$1" = preview ]; then
  shift
  exec dotnet "$("$root/scripts/publish-generator.sh" jit)" preview --root "$root" "$@"
fi
generator=$("$root/scripts/publish-generator.sh" native)
case "$1" in
  build|check|new) command=$1; shift; exec "$generator" "$command" --root "$root" "$@" ;;
  *) exec "$generator" "$@" ;;
esac
