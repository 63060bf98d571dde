#!/usr/bin/env bash
# rollback.sh <deploy-root> [<release>]   switch the web root back to the previous release (or the named one)
# rollback.sh <deploy-root> --list        list the releases, their commits, and which one is live
# Works under the same lock as the publishing hooks. See docs/deploy.md.
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
# shellcheck source=deploy-lib.sh
source "$here/deploy-lib.sh"

usage() {
  say "usage: rollback.sh <deploy-root> [<release>]"
  say "       rollback.sh <deploy-root> --list"
  exit 2
}
if [ $# -lt 1 ] || [ $# -gt 2 ]; then usage; fi
[ -d "$1" ] || { say "rollback: $1 is not a folder"; exit 2; }
deploy_load_config "$1"

list() {
  local live target id mark
  live=$(deploy_live_release)
  target=$(deploy_rollback_target)
  printf '%-28s %-10s %-21s %-16s %s\n' RELEASE COMMIT PUBLISHED "PUSHED BY" ""
  deploy_releases | sort -r | while read -r id; do
    mark=
    if [ "$id" = "$live" ]; then mark=live
    elif [ "$id" = "$target" ]; then mark="rollback target"
    elif [ -f "$DEPLOY_ROOT/releases/$id/WITHDRAWN" ]; then mark=withdrawn
    elif [ ! -f "$DEPLOY_ROOT/releases/$id/REPLACED" ]; then mark="never live (its publish was interrupted)"
    fi
    printf '%-28s %-10s %-21s %-16s %s\n' "$id" "$(deploy_release_field "$id" commit | cut -c1-9)" \
      "$(deploy_release_field "$id" published)" "$(deploy_release_field "$id" pushed-by)" "$mark"
  done
}

if [ "${2:-}" = --list ]; then
  list
  exit 0
fi
case "${2:-}" in -*) usage ;; esac

who=$(id -un)
deploy_lock "a rollback by $who since $(date -u +%H:%M:%S) UTC"
live=$(deploy_live_release)
if [ $# -eq 2 ]; then
  target=$2
  if [ ! -f "$DEPLOY_ROOT/releases/$target/RELEASE" ]; then
    say "rollback: there is no release '$target'. The releases are:"
    list >&2
    exit 1
  fi
  # Named on purpose: it is no longer withdrawn.
  rm -f "$DEPLOY_ROOT/releases/$target/WITHDRAWN"
else
  target=$(deploy_rollback_target)
  if [ -z "$target" ]; then
    say "rollback: there is no older release to switch back to."
    list >&2
    exit 1
  fi
  # The release rolled back from is skipped by the next rollback (and stays listed as withdrawn).
  if [ -n "$live" ]; then
    printf 'withdrawn: %s by %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$who" >"$DEPLOY_ROOT/releases/$live/WITHDRAWN"
  fi
fi
if [ "$target" = "$live" ]; then
  say "rollback: $target is already live."
  exit 0
fi
deploy_switch_to "$target"
deploy_log "rollback by $who: live was ${live:-none}, now $target"
deploy_audit rollback from "${live:-}" to "$target" commit "$(deploy_release_field "$target" commit)"
say "Live now: $target (commit $(deploy_release_field "$target" commit | cut -c1-9), \"$(deploy_release_field "$target" subject)\")."
head=$(git -C "$DEPLOY_ROOT/site.git" rev-parse -q --verify "refs/heads/$DEPLOY_BRANCH" || true)
if [ -n "$head" ] && [ "$head" != "$(deploy_release_field "$target" commit)" ]; then
  say "The branch '$DEPLOY_BRANCH' is at ${head:0:9}, not this release's commit: the next push publishes"
  say "everything on the branch again, so undo the bad change there too (git revert) before pushing."
fi
