# Shared by the publishing hooks (pre-receive, post-receive) and rollback.sh; sourced, not run.
# The layout of a deploy root is described in docs/deploy.md.

readonly DEPLOY_ZERO_OID_PATTERN='^0+$'
readonly DEPLOY_LOCK_WAIT_SECONDS=1800

# What the pusher sees ("remote: …" in git's output) goes to stderr.
say() { printf '%s\n' "$*" >&2; }

# deploy_load_config <deploy-root>: sets DEPLOY_ROOT and the settings of deploy.conf (DEPLOY_BRANCH,
# DEPLOY_KEEP, DEPLOY_WEB_ROOT, DEPLOY_TOOL_PATH) for the script that sources this file.
# The file is parsed, not sourced, so it can only ever hold these four settings.
# shellcheck disable=SC2034
deploy_load_config() {
  DEPLOY_ROOT=$(cd "$1" && pwd -P)
  DEPLOY_BRANCH=main
  DEPLOY_KEEP=5
  DEPLOY_WEB_ROOT="$DEPLOY_ROOT/current"
  DEPLOY_TOOL_PATH=
  local config="$DEPLOY_ROOT/deploy.conf" key value
  if [ ! -f "$config" ]; then
    say "deploy: $config is missing; run deploy/install.sh $DEPLOY_ROOT"
    return 1
  fi
  while IFS='=' read -r key value; do
    case "$key" in
      '' | '#'*) ;;
      branch) DEPLOY_BRANCH=$value ;;
      keep) DEPLOY_KEEP=$value ;;
      web_root) DEPLOY_WEB_ROOT=$value ;;
      tool_path) DEPLOY_TOOL_PATH=$value ;;
      *) say "deploy: $config: unknown setting '$key'"; return 1 ;;
    esac
  done <"$config"
  # The hooks run with the SSH account's minimal PATH: put the tools install.sh found first.
  if [ -n "$DEPLOY_TOOL_PATH" ]; then PATH="$DEPLOY_TOOL_PATH:$PATH"; fi
  export PATH DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
  mkdir -p "$DEPLOY_ROOT/builds" "$DEPLOY_ROOT/releases" "$DEPLOY_ROOT/generators" "$DEPLOY_ROOT/npm" \
    "$DEPLOY_ROOT/cache" "$DEPLOY_ROOT/logs/builds"
}

# deploy_log <message>: one line in logs/deploy.log, the record of every push, publish and rollback.
deploy_log() {
  printf '%s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >>"$DEPLOY_ROOT/logs/deploy.log"
}

deploy_pusher() {
  # push-as (the SSH forced command) names the staff member; a local push is the account itself.
  printf '%s' "${DEPLOY_PUSHER:-$(id -un)}"
}

deploy_is_zero_oid() { [[ $1 =~ $DEPLOY_ZERO_OID_PATTERN ]]; }

# The git receive-pack process this hook runs under (its parent on every git since 2.x; found by
# name so that a shell in between would not make the lock end early).
deploy_receive_pack_pid() {
  local pid=$PPID
  while [ "$pid" -gt 1 ]; do
    if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'receive-pack'; then
      printf '%s' "$pid"
      return 0
    fi
    pid=$(awk '{ print $4 }' "/proc/$pid/stat")
  done
  printf '%s' "$PPID"
}

# deploy_lock <what>: takes <deploy-root>/deploy.lock on file descriptor 9, waiting (and saying so)
# while another push or rollback holds it. <what> is written next to it for whoever waits next.
deploy_lock() {
  local owner="$DEPLOY_ROOT/deploy.lock.owner"
  exec 9>>"$DEPLOY_ROOT/deploy.lock"
  if ! flock -n 9; then
    say "Another push or rollback is in progress ($(cat "$owner" 2>/dev/null || echo "unknown")); waiting for it to finish…"
    say "另一次发布正在进行，请稍候……"
    if ! flock -w "$DEPLOY_LOCK_WAIT_SECONDS" 9; then
      say "Gave up after waiting $((DEPLOY_LOCK_WAIT_SECONDS / 60)) minutes for $DEPLOY_ROOT/deploy.lock."
      return 1
    fi
  fi
  printf '%s\n' "$1" >"$owner"
}

# deploy_hold_lock_for_push: keeps the lock taken by deploy_lock after this hook exits, until the
# git receive-pack it runs under exits — that is, through the ref update and post-receive — so that
# no other push can build or publish between this push's build and its publishing.
# The holder closes the hook's output: git waits for every writer of the hook's stderr to finish.
deploy_hold_lock_for_push() {
  local receive_pack
  receive_pack=$(deploy_receive_pack_pid)
  printf '%s\n' "$receive_pack" >"$DEPLOY_ROOT/deploy.lock.push"
  (
    while kill -0 "$receive_pack" 2>/dev/null; do sleep 0.2; done
  ) </dev/null >/dev/null 2>&1 &
}

# deploy_lock_is_held_for_this_push: true when pre-receive of this same push holds the lock.
deploy_lock_is_held_for_this_push() {
  [ "$(cat "$DEPLOY_ROOT/deploy.lock.push" 2>/dev/null)" = "$(deploy_receive_pack_pid)" ] &&
    ! flock -n "$DEPLOY_ROOT/deploy.lock" true
}

# Fault injection for the tests: DEPLOY_TEST_KILL_AT=<point> makes the hook kill itself (SIGKILL,
# no clean-up) at that point of publishing. It is an environment variable of the receiving process,
# which a push over SSH cannot set.
deploy_fault_point() {
  if [ "${DEPLOY_TEST_KILL_AT:-}" = "$1" ]; then kill -KILL $$; fi
}

# The release folder (releases/<id>) the web root points into, or nothing.
deploy_live_release() {
  local target
  target=$(readlink "$DEPLOY_WEB_ROOT" 2>/dev/null) || return 0
  basename "$(dirname "$target")"
}

# The releases, oldest first (their names start with the UTC time they were published).
deploy_releases() {
  local dir
  for dir in "$DEPLOY_ROOT"/releases/*/; do
    [ -f "$dir/RELEASE" ] && basename "$dir"
  done | sort
}

# deploy_release_field <id> <field>: one "field: value" line of a release's RELEASE file.
deploy_release_field() {
  sed -n "s/^$2: //p" "$DEPLOY_ROOT/releases/$1/RELEASE" | head -n 1
}

# The release a rollback switches to when none is named: the newest release older than the live
# one that was live itself (REPLACED; a publish killed before its switch leaves a release that never
# was) and was not rolled back from (WITHDRAWN); or nothing.
deploy_rollback_target() {
  local live candidate='' dir
  live=$(deploy_live_release)
  [ -n "$live" ] || return 0
  while read -r id; do
    [ "$id" \< "$live" ] || break
    dir="$DEPLOY_ROOT/releases/$id"
    if [ -f "$dir/REPLACED" ] && [ ! -f "$dir/WITHDRAWN" ]; then candidate=$id; fi
  done < <(deploy_releases)
  printf '%s' "$candidate"
}

# deploy_switch_to <id>: points the web root at releases/<id>/site in one rename, so that the web
# server sees the old site or the new one, never a mix. A link left by an interrupted switch is
# replaced. The release live until now is marked as having been live (REPLACED).
deploy_switch_to() {
  local next="$DEPLOY_WEB_ROOT.new" live
  live=$(deploy_live_release)
  if [ -n "$live" ] && [ "$live" != "$1" ] && [ -d "$DEPLOY_ROOT/releases/$live" ]; then
    printf 'replaced: %s by %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$1" >"$DEPLOY_ROOT/releases/$live/REPLACED"
  fi
  ln -sfn "$DEPLOY_ROOT/releases/$1/site" "$next"
  deploy_fault_point link-made
  mv -T "$next" "$DEPLOY_WEB_ROOT"
}

# deploy_prune_releases: keeps the newest <keep> releases, the live one and the one a rollback
# would switch to; removes the rest and what interrupted publishes left.
deploy_prune_releases() {
  local live target newest=$DEPLOY_KEEP
  live=$(deploy_live_release)
  target=$(deploy_rollback_target)
  [ "$newest" -ge 1 ] 2>/dev/null || newest=1
  deploy_releases | head -n "-$newest" | while read -r id; do
    if [ "$id" != "$live" ] && [ "$id" != "$target" ]; then rm -rf "${DEPLOY_ROOT:?}/releases/$id"; fi
  done
  rm -rf "$DEPLOY_ROOT"/releases/.*.partial
}
