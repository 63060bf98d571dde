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
  # One composite ReadyToRun image of the generator, its libraries and the .NET runtime it carries (self-contained):
  # the framework's generic code over our types (dictionaries, LINQ, async state machines over our records) is
  # precompiled too, which a framework-dependent image cannot hold (the JIT compiled ~2,000 methods in the real
  # site's warm build, ~800 now). Its precompiled code is optimised across assemblies, so hot methods are not compiled
  # again in the background (QualityMonth.csproj: CallCountingDelayMs); profile-guided optimisation would compile
  # each twice more. Costs: a publish takes minutes, not one, and the folder ~200 MB. Measured in
  # docs/benchmarks.md, Start-up. Only here: the tests' `dotnet build` output has no precompiled code.
  dotnet publish "$root/src/QualityMonth/QualityMonth.csproj" -c Release -r "$rid" --no-restore --self-contained \
    -p:PublishReadyToRunComposite=true -p:TieredPGO=false -o "$folder" --verbosity quiet -nologo >&2
  touch "$stamp"
fi
echo "$folder/qualitymonth.dll"
