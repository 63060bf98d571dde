#!/usr/bin/env bash
# install.sh <deploy-root> [--branch main] [--keep 5] [--web-root <path>] [--preview-url <url>] [--preview-days 30]
#            [--four-eyes yes|no] [--authorized-keys <file>] [--build-seconds 900] [--build-memory-mb 4096]
#            [--build-processes 512] [--build-output-mb 4096]
# Sets up publishing by git push on this server: a bare repository <deploy-root>/site.git whose hooks
# build every push in a sandbox with the installed generator — the published branch for the live site,
# other branches as previews — the folders and commands they use, and the build's prerequisites.
# Run it as the account staff push to (e.g. git), from a checkout of the site's repository; run it
# again to change a setting or to update the hooks. See docs/deploy.md.
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
say() { printf '[install] %s\n' "$*" >&2; }
fail() { say "$*"; exit 1; }
usage() {
  say "usage: install.sh <deploy-root> [--branch main] [--keep 5] [--web-root <path>] [--preview-url <url>]"
  say "         [--preview-days 30] [--four-eyes yes|no] [--authorized-keys <file>] [--build-seconds 900]"
  say "         [--build-memory-mb 4096] [--build-processes 512] [--build-output-mb 4096]"
  exit 2
}

[ $# -ge 1 ] || usage
case "$1" in -*) usage ;; esac
root=$1
shift
# The settings of deploy.conf, by option (--web-root sets web_root).
settings=(branch keep web_root preview_url preview_days four_eyes authorized_keys build_seconds build_memory_mb
  build_processes build_output_mb)
declare -A given=()
while [ $# -gt 0 ]; do
  key=${1#--}
  key=${key//-/_}
  [[ $1 == --* && " ${settings[*]} " == *" $key "* && $# -ge 2 ]] || usage
  given[$key]=$2
  shift 2
done

mkdir -p "$root"
root=$(cd "$root" && pwd -P)
config="$root/deploy.conf"
# Settings not given keep the value of an earlier install, else their default.
setting() { if [ -f "$config" ]; then sed -n "s/^$1=//p" "$config" | tail -n 1; fi; }
site_url=$(sed -n 's/^ *"baseUrl": *"\([^"]*\)".*/\1/p' "$repo/statiq.json" | head -n 1)
declare -A defaults=([branch]=main [keep]=5 [web_root]="$root/current" [preview_url]="${site_url%/}/preview"
  [preview_days]=30 [four_eyes]=yes [authorized_keys]="$HOME/.ssh/authorized_keys" [build_seconds]=900
  [build_memory_mb]=4096 [build_processes]=512 [build_output_mb]=4096)
declare -A value=()
for key in "${settings[@]}"; do
  value[$key]=${given[$key]:-$(setting "$key")}
  value[$key]=${value[$key]:-${defaults[$key]}}
done
branch=${value[branch]} keep=${value[keep]} web_root=${value[web_root]}

git check-ref-format --branch "$branch" >/dev/null 2>&1 || fail "--branch: '$branch' is not a branch name"
[[ $keep =~ ^[1-9][0-9]*$ ]] || fail "--keep: '$keep' is not a number of releases (1 or more)"
for key in web_root authorized_keys; do
  case "${value[$key]}" in /*) ;; *) fail "--${key//_/-}: '${value[$key]}' must be an absolute path" ;; esac
done
for key in preview_days build_seconds build_memory_mb build_processes build_output_mb; do
  [[ ${value[$key]} =~ ^[1-9][0-9]*$ ]] || fail "--${key//_/-}: '${value[$key]}' is not a whole number (1 or more)"
done
[[ ${value[four_eyes]} =~ ^(yes|no)$ ]] || fail "--four-eyes: '${value[four_eyes]}' is not yes or no"
[[ ${value[preview_url]} =~ ^https?://[^/]+(/[A-Za-z0-9._-]+)*/?$ ]] ||
  fail "--preview-url: '${value[preview_url]}' is not an address like https://zly.example.gov.cn/preview"
if [ -e "$web_root" ] && [ ! -L "$web_root" ]; then
  fail "--web-root: $web_root exists and is not a symbolic link; the hooks replace it with a link to the live release, so move it away first"
fi
mkdir -p "$(dirname "$web_root")"

# Prerequisites: the system packages, Node/npm and the .NET SDK the build needs, as the repository's
# own set-up script knows them (it installs missing packages with apt, as root or through sudo).
for tool in git flock tar git-shell sha256sum bwrap jq prlimit timeout ssh-keygen; do
  command -v "$tool" >/dev/null 2>&1 ||
    fail "'$tool' is missing: install them as root (apt-get install git util-linux bubblewrap jq openssh-client)"
done
# Every build runs in a bubblewrap sandbox; an account other than root needs unprivileged user
# namespaces for it (on by default in Debian; kernel.unprivileged_userns_clone=1).
if ! sandbox_error=$(bwrap --unshare-all --die-with-parent --ro-bind / / --dev /dev --proc /proc -- true 2>&1); then
  fail "the build sandbox (bubblewrap) does not work for $(id -un): $sandbox_error. As root, allow unprivileged user namespaces (sysctl -w kernel.unprivileged_userns_clone=1, and in /etc/sysctl.d/ to keep it), or allow them to the container; then run install.sh again."
fi
say "checking the build's prerequisites with scripts/setup.sh (installs what is missing)…"
if ! "$repo/scripts/setup.sh" build; then
  fail "the build's prerequisites are not all there (see above). Install them as root — apt-get install libvips42 fonts-noto-cjk nodejs npm, and the .NET SDK from https://dot.net — then run install.sh again."
fi
framework=$(sed -n 's:.*<TargetFramework>net\([0-9]*\)\..*</TargetFramework>.*:\1:p' "$repo/Directory.Build.props")
if [ -n "$framework" ] && ! dotnet --list-sdks | grep -q "^$framework\."; then
  fail "the .NET $framework SDK is missing (found: $(dotnet --list-sdks | cut -d' ' -f1 | tr '\n' ' ')); install it, then run install.sh again"
fi
tool_path=$(for tool in dotnet npm git; do dirname "$(command -v "$tool")"; done | awk '!seen[$0]++' | paste -sd:)

# The bare repository and its hooks.
if [ ! -d "$root/site.git" ]; then
  git init --quiet --bare --initial-branch="$branch" "$root/site.git"
  say "created the repository $root/site.git"
fi
[ "$(git -C "$root/site.git" rev-parse --is-bare-repository)" = true ] || fail "$root/site.git is not a bare repository"
git -C "$root/site.git" symbolic-ref HEAD "refs/heads/$branch"
# Published history is never rewritten (a forced push is refused), and every change of a branch is
# recorded in the repository's reflog.
git -C "$root/site.git" config receive.denyNonFastForwards true
git -C "$root/site.git" config core.logAllRefUpdates always

mkdir -p "$root/bin"
for script in deploy-lib.sh pre-receive post-receive rollback.sh generator-key push-as people generator history audit previews; do
  install -m 0755 "$repo/deploy/$script" "$root/bin/$script"
done
chmod 0644 "$root/bin/deploy-lib.sh"
for hook in pre-receive post-receive; do
  ln -sfn "../../bin/$hook" "$root/site.git/hooks/$hook"
done

{
  echo "# Settings of the publishing hooks, written by deploy/install.sh: run it again to change them"
  echo "# (docs/deploy.md, Settings). tool_path: where dotnet, npm and git are."
  for key in "${settings[@]}"; do printf '%s=%s\n' "$key" "${value[$key]}"; done
  printf 'tool_path=%s\n' "$tool_path"
} >"$config"
# Who may change what: the administrator edits it; install.sh writes it once.
if [ ! -f "$root/rules.conf" ]; then
  cat >"$root/rules.conf" <<EOF
# What each role may change: <role> <path pattern>… — a shell pattern in which * and ** also match
# "/" (input/** is everything under input/). Whatever this says, only administrators may change what
# is compiled or run: src/, theme/, scripts, build and package files, deploy/ (docs/deploy.md).
editor         input/**
reviewer       input/** statiq.json
administrator  **
EOF
fi
touch "$root/people.conf"

(
  # shellcheck source=deploy-lib.sh
  source "$root/bin/deploy-lib.sh"
  deploy_load_config "$root" # reads the settings back as the hooks will, and makes their folders
  touch "$root/deploy.lock"
  deploy_log "installed by $(id -un): branch=$branch keep=$keep web_root=$web_root"
)

if [ "$(id -u)" -eq 0 ]; then
  say "note: you ran this as root, so $root belongs to root; pushes over SSH run as the git account, which must own it (chown -R git: $root)"
fi
host=$(hostname -f 2>/dev/null || hostname)
cat <<EOF

Publishing by git push is set up in $root.
  repository:  $root/site.git   (published branch: $branch; releases kept: $keep)
  web root:    $web_root   (appears with the first publish; point the web server at it)
  previews:    $root/previews   (served at ${value[preview_url]}/<branch>/)
  who may push: $root/people.conf (bin/people), what each role may change: $root/rules.conf

Next steps:
  1. People: for each, their public key and role (editor, reviewer or administrator):
       $root/bin/people $root add zhang-san editor 张三 zhang-san.pub
  2. Web server: adapt deploy/nginx.conf.example (the site, and the previews behind a password or
     the office network).
  3. First publish, from a clone of the site's repository (as an administrator):
       git remote add server $(id -un)@$host:$root/site.git
       git push server $branch
       $root/bin/generator $root install $branch
       git commit --allow-empty -m "First publish" && git push server $branch
  4. Roll back:  $root/bin/rollback.sh $root   (--list shows the releases; bin/history who made them)
  Logs: $root/logs/deploy.log, $root/logs/builds/, the audit log $root/logs/audit.jsonl (bin/audit).
  Details: docs/deploy.md.
EOF
