#!/usr/bin/env bash
# Installs what the generator (setup.sh build) or its tests (setup.sh test) need on a fresh
# Debian machine: system packages, npm packages from the lock file, NuGet packages. Idempotent,
# and quick when everything is already there.
set -euo pipefail
purpose=${1:-build}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

say() { printf '[setup] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# System packages: CJK fonts for the share images (Noto Sans CJK SC, whose files the generator hands to
# libvips' text rendering; the tests' browser needs them too) and fontconfig (its /etc/fonts configuration,
# read by the fontconfig inside NetVips.Native), npm for
# the npm packages (Pagefind for the build's search index); for tests also a browser, Java for the Nu
# Html Checker, and what the publishing tests run for real: bubblewrap (the build sandbox), jq (the audit
# log), sshd and nginx; strace, which holds a build's system calls where a test kills it. libvips itself comes from NuGet (NetVips.Native), not from apt.
packages=(fonts-noto-cjk libfontconfig1 clang zlib1g-dev)
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
if [ "$purpose" = test ]; then
  packages+=(chromium bubblewrap jq openssh-server nginx-light strace)
  command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
fi
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=()
for package in "${packages[@]}"; do
  installed "$package" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  say "the .NET 10 SDK (dotnet) is not on PATH: install it, then run this again"
  exit 1
fi

# npm packages pinned by package-lock.json, for the build (Pagefind's binary, in its platform package
# @pagefind/linux-<cpu>) and the tests (axe-core, vnu-jar): reinstalled only when the lock changes or
# the Pagefind binary is missing. No install scripts: none of them needs one (vnu-jar's
# postinstall would only fetch a Java we install above).
stamp="$root/node_modules/.lock-sha256"
want=$(sha256sum "$root/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || ! compgen -G "$root/node_modules/@pagefind/*/bin/pagefind_extended*" >/dev/null; then
  say "installing npm packages from package-lock.json"
  (cd "$root" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$want" > "$stamp"
fi

# NuGet packages (versions pinned in Directory.Packages.props): restored when a project file changed.
stale=no
for project in "$root"/src/*/*.csproj "$root"/theme/*.csproj "$root"/tests/*/*.csproj; do
  assets="$(dirname "$project")/obj/project.assets.json"
  if [ ! -f "$assets" ] || [ "$project" -nt "$assets" ] || [ "$root/Directory.Packages.props" -nt "$assets" ]; then stale=yes; fi
done
if [ $stale = yes ]; then
  say "restoring NuGet packages"
  dotnet restore "$root/QualityMonth.slnx" --verbosity quiet >/dev/null
fi
