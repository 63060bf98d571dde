#!/usr/bin/env bash
# Publishes the generator and prints the path of what to run. Skips the publish when no source, project or package
# file changed since the last one, so ./build.sh stays quick. Two forms (docs/startup-and-weight.md):
#   native (the default)  one native program compiled ahead of time (Native AOT), with no JIT: what ./build.sh runs
#                         for build, check and new, and the benchmarks measure. Prints src/QualityMonth/bin/native/qualitymonth.
#   jit                   precompiled (ReadyToRun) and run by `dotnet`, whose JIT lets the preview compile the theme's
#                         templates while it runs: ./build.sh preview and the publishing server run it.
#                         Prints src/QualityMonth/bin/published/qualitymonth.dll.
# Needs the NuGet packages restored (scripts/setup.sh build); native also clang and zlib (installed by it).
set -euo pipefail
form=${1:-native}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
case "$form" in
  native) folder="$root/src/QualityMonth/bin/native" run="$folder/qualitymonth" ;;
  jit) folder="$root/src/QualityMonth/bin/published" run="$folder/qualitymonth.dll" ;;
  *) echo "usage: publish-generator.sh [native|jit]" >&2; exit 2 ;;
esac
stamp="$folder/.published"

# This machine's runtime identifier (the .NET SDK's own, see RuntimeIdentifiers in QualityMonth.csproj).
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "publish-generator: no precompiled build for $(uname -m)" >&2; exit 1 ;;
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
  if [ "$form" = native ]; then
    # Restores what Native AOT needs (its compiler package, the runtime to link in) on the first run, then compiles
    # for about a minute (a few on a loaded machine). QualityMonth.csproj says what it keeps and leaves out.
    echo "[publish-generator] compiling the native generator (once per change to src/ or theme/)" >&2
    dotnet publish "$root/src/QualityMonth/QualityMonth.csproj" -c Release -r "$rid" -p:PublishAot=true \
      -o "$folder" --verbosity quiet -nologo >&2
  else
    # Tiered compilation on, without profile-guided optimisation: the methods ReadyToRun cannot hold (the
    # framework's generic code over our types, ~1,250 on the real site) are compiled quickly on their first call,
    # and only the hot ones optimised later, in the background, as hot precompiled methods are. With tiering off,
    # all ~1,250 were compiled fully optimised on their first call: a third of the real site's warm build. With PGO,
    # every hot method was compiled twice more (instrumented, then optimised): a third more time on 4,000 pages.
    # Measured in docs/benchmarks.md, Start-up.
    dotnet publish "$root/src/QualityMonth/QualityMonth.csproj" -c Release -r "$rid" -p:TieredPGO=false \
      -o "$folder" --verbosity quiet -nologo >&2
  fi
  touch "$stamp"
fi
echo "$run"
