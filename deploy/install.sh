#!/usr/bin/env bash
# install.sh <deploy-root> [--branch main] [--keep 5] [--web-root <path>]
# Sets up publishing by git push on this server: a bare repository <deploy-root>/site.git whose hooks
# build every push to the branch and publish it, the folders they use, and the build's prerequisites.
# Run it as the account staff push to (e.g. git), from a checkout of the site's repository; run it
# again to change a setting or to update the hooks. See docs/deploy.md.
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
say() { printf '[install] %s\n' "$*" >&2; }
fail() { say "$*"; exit 1; }
usage() {
  say "usage: install.sh <deploy-root> [--branch main] [--keep 5] [--web-root <path>]"
  exit 2
}

[ $# -ge 1 ] || usage
case "$1" in -*) usage ;; esac
root=$1
shift
branch='' keep='' web_root=''
while [ $# -gt 0 ]; do
  case "$1" in
    --branch) [ $# -ge 2 ] || usage; branch=$2; shift 2 ;;
    --keep) [ $# -ge 2 ] || usage; keep=$2; shift 2 ;;
    --web-root) [ $# -ge 2 ] || usage; web_root=$2; shift 2 ;;
    *) usage ;;
  esac
done

mkdir -p "$root"
root=$(cd "$root" && pwd -P)
config="$root/deploy.conf"
# Settings not given keep the value of an earlier install.
setting() { if [ -f "$config" ]; then sed -n "s/^$1=//p" "$config" | tail -n 1; fi; }
branch=${branch:-$(setting branch)}
branch=${branch:-main}
keep=${keep:-$(setting keep)}
keep=${keep:-5}
web_root=${web_root:-$(setting web_root)}
web_root=${web_root:-$root/current}

git check-ref-format --branch "$branch" >/dev/null 2>&1 || fail "--branch: '$branch' is not a branch name"
[[ $keep =~ ^[1-9][0-9]*$ ]] || fail "--keep: '$keep' is not a number of releases (1 or more)"
case "$web_root" in /*) ;; *) fail "--web-root: '$web_root' must be an absolute path" ;; esac
if [ -e "$web_root" ] && [ ! -L "$web_root" ]; then
  fail "--web-root: $web_root exists and is not a symbolic link; the hooks replace it with a link to the live release, so move it away first"
fi
mkdir -p "$(dirname "$web_root")"

# Prerequisites: the system packages, Node/npm and the .NET SDK the build needs, as the repository's
# own set-up script knows them (it installs missing packages with apt, as root or through sudo).
for tool in git flock tar git-shell sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || fail "'$tool' is missing: install git and util-linux (apt-get install git util-linux)"
done
say "checking the build's prerequisites with scripts/setup.sh (installs what is missing)…"
if ! "$repo/scripts/setup.sh" build; then
  fail "the build's prerequisites are not all there (see above). Install them as root — apt-get install fonts-noto-cjk libfontconfig1 nodejs npm, and the .NET SDK from https://dot.net — then run install.sh again."
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
for script in deploy-lib.sh pre-receive post-receive rollback.sh generator-key push-as; do
  install -m 0755 "$repo/deploy/$script" "$root/bin/$script"
done
chmod 0644 "$root/bin/deploy-lib.sh"
for hook in pre-receive post-receive; do
  ln -sfn "../../bin/$hook" "$root/site.git/hooks/$hook"
done

cat >"$config" <<EOF
# Settings of the publishing hooks, written by deploy/install.sh: run it again to change them.
# branch: the branch whose pushes are built and published; keep: releases kept for rollback;
# web_root: the symbolic link the web server serves; tool_path: where dotnet, npm and git are.
branch=$branch
keep=$keep
web_root=$web_root
tool_path=$tool_path
EOF

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
  web root:    $web_root   (appears with the first push; point the web server at it)

Next steps:
  1. Staff keys: add one line per person to ~$(id -un)/.ssh/authorized_keys:
       command="$root/bin/push-as <name>",restrict <their public key>
  2. Web server: adapt deploy/nginx.conf.example (root $web_root; disable_symlinks off).
  3. First publish, from a clone of the site's repository:
       git remote add server $(id -un)@$host:$root/site.git
       git push server $branch
  4. Roll back:  $root/bin/rollback.sh $root   (--list shows the releases)
  Logs: $root/logs/deploy.log and $root/logs/builds/. Details: docs/deploy.md.
EOF
