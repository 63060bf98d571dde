#!/usr/bin/env bash
# Publishes the generator precompiled (ReadyToRun: its code and its libraries' code compiled to this
# machine's instructions ahead of time, so a run starts without waiting for the JIT compiler) into
# src/QualityMonth/bin/published/, and prints the path of its qualitymonth.dll. Skips the publish when no
# source, project or package file changed since the last one, so ./build.sh stays quick.
# Needs the NuGet packages restored (scripts/setup.sh build); ReadyToRun is set in QualityMonth.csproj.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
folder="$root/src/QualityMonth/bin/published"
stamp="$folder/.published"

# The runtime identifier restore prepared (the .NET SDK's own, see RuntimeIdentifiers in QualityMonth.csproj).
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "publish-generator: no ReadyToRun build for $(uname -m)" >&2; exit 1 ;;
esac

# Anything newer than the last publish: a source file, a project file, the package versions, or a
# folder whose files were added or removed.
changed() {
  [ -f "$stamp" ] || return 0
  [ -n "$(find "$root/src" "$root/theme" "$root/Directory.Build.props" "$root/Directory.Packages.props" "$0" \
    \( -name bin -o -name obj -o -name assets -o -name scaffolds \) -prune -o -newer "$stamp" -print -quit)" ]
}
if changed; then
  rm -rf "$folder"
  # Tiered compilation on, without profile-guided optimisation: the methods ReadyToRun cannot hold (the
  # framework's generic code over our types, ~1,250 on the real site) are compiled quickly on their first call,
  # and only the hot ones optimised later, in the background, as hot precompiled methods are. With tiering off,
  # all ~1,250 were compiled fully optimised on their first call: a third of the real site's warm build. With PGO,
  # every hot method was compiled twice more (instrumented, then optimised): a third more time on 4,000 pages.
  # Measured in docs/benchmarks.md, Start-up. Only here: the tests' `dotnet build` output has no precompiled code.
  dotnet publish "$root/src/QualityMonth/QualityMonth.csproj" -c Release -r "$rid" --no-restore -p:TieredPGO=false \
    -o "$folder" --verbosity quiet -nologo >&2
  touch "$stamp"
fi
echo "$folder/qualitymonth.dll"
