# Shared by the publishing hooks (pre-receive, post-receive) and rollback.sh; sourced, not run.
# The layout of a deploy root is described in docs/deploy.md.

readonly DEPLOY_ZERO_OID_PATTERN='^0+$'
readonly DEPLOY_LOCK_WAIT_SECONDS=1800

# What the pusher sees ("remote: …" in git's output) goes to stderr.
say() { printf '%s\n' "$*" >&2; }

# deploy_load_config <deploy-root>: sets DEPLOY_ROOT and the settings of deploy.conf for the script
# that sources this file: DEPLOY_BRANCH, DEPLOY_KEEP, DEPLOY_WEB_ROOT, DEPLOY_TOOL_PATH, DEPLOY_PREVIEW_URL,
# DEPLOY_PREVIEW_DAYS, DEPLOY_FOUR_EYES, DEPLOY_AUTHORIZED_KEYS and the build's limits DEPLOY_BUILD_SECONDS,
# DEPLOY_BUILD_MEMORY_MB, DEPLOY_BUILD_PROCESSES, DEPLOY_BUILD_OUTPUT_MB.
# The file is parsed, not sourced, so it can only ever hold these settings.
# shellcheck disable=SC2034
deploy_load_config() {
  DEPLOY_ROOT=$(cd "$1" && pwd -P)
  DEPLOY_BRANCH=main
  DEPLOY_KEEP=5
  DEPLOY_WEB_ROOT="$DEPLOY_ROOT/current"
  DEPLOY_TOOL_PATH=
  DEPLOY_PREVIEW_URL=
  DEPLOY_PREVIEW_DAYS=30
  DEPLOY_FOUR_EYES=yes
  DEPLOY_AUTHORIZED_KEYS="$HOME/.ssh/authorized_keys"
  DEPLOY_BUILD_SECONDS=900
  DEPLOY_BUILD_MEMORY_MB=4096
  DEPLOY_BUILD_PROCESSES=512
  DEPLOY_BUILD_OUTPUT_MB=4096
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
      preview_url) DEPLOY_PREVIEW_URL=$value ;;
      preview_days) DEPLOY_PREVIEW_DAYS=$value ;;
      four_eyes) DEPLOY_FOUR_EYES=$value ;;
      authorized_keys) DEPLOY_AUTHORIZED_KEYS=$value ;;
      build_seconds) DEPLOY_BUILD_SECONDS=$value ;;
      build_memory_mb) DEPLOY_BUILD_MEMORY_MB=$value ;;
      build_processes) DEPLOY_BUILD_PROCESSES=$value ;;
      build_output_mb) DEPLOY_BUILD_OUTPUT_MB=$value ;;
      *) say "deploy: $config: unknown setting '$key'"; return 1 ;;
    esac
  done <"$config"
  # The hooks run with the SSH account's minimal PATH: put the tools install.sh found first.
  if [ -n "$DEPLOY_TOOL_PATH" ]; then PATH="$DEPLOY_TOOL_PATH:$PATH"; fi
  export PATH DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
  mkdir -p "$DEPLOY_ROOT/builds" "$DEPLOY_ROOT/releases" "$DEPLOY_ROOT/generators" "$DEPLOY_ROOT/previews" \
    "$DEPLOY_ROOT/preview-sites" "$DEPLOY_ROOT/cache" "$DEPLOY_ROOT/logs/builds" "$DEPLOY_ROOT/state"
  touch "$DEPLOY_ROOT/state/commits"
}

# deploy_log <message>: one line in logs/deploy.log, the readable record of every push, publish and rollback.
deploy_log() {
  printf '%s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >>"$DEPLOY_ROOT/logs/deploy.log"
}

# deploy_audit <event> [<key> <value>]…: one JSON object in logs/audit.jsonl, the append-only record
# (pushes, refusals, previews, publishes, rollbacks, role and generator changes) that bin/audit reads.
# Every line has time, event and actor; a single write of one line under O_APPEND never interleaves.
deploy_audit() {
  local event=$1 line
  shift
  line=$(jq -cn --arg time "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg event "$event" --arg actor "$(deploy_pusher)" \
    --args '{time: $time, event: $event, actor: $actor}
      + ([$ARGS.positional | select(length > 0) | _nwise(2) | {(.[0]): .[1]}] | add // {})' "$@")
  printf '%s\n' "$line" >>"$DEPLOY_ROOT/logs/audit.jsonl"
}

deploy_pusher() {
  # push-as (the SSH forced command) names the staff member; a local push is the account itself.
  printf '%s' "${DEPLOY_PUSHER:-$(id -un)}"
}

# The people file: one person a line, "<name><TAB><role><TAB><display name>", kept by bin/people
# outside the repository, so that no push can give itself rights.
deploy_people_file() { printf '%s' "$DEPLOY_ROOT/people.conf"; }

# deploy_person <name>: "<role><TAB><display name>" of a registered person, or nothing.
deploy_person() {
  awk -F '\t' -v name="$1" '$1 == name { print $2 "\t" $3; exit }' "$(deploy_people_file)" 2>/dev/null || true
}

# The pusher's role: theirs in the people file; the account itself (a push on the server, not
# through push-as) is an administrator, since it owns the deploy root anyway.
deploy_pusher_role() {
  if [ -z "${DEPLOY_PUSHER:-}" ]; then printf administrator; return; fi
  deploy_person "$DEPLOY_PUSHER" | cut -f1
}

# The pusher as people read it: "张三 (zhang-san)".
deploy_pusher_display() {
  local display
  display=$(deploy_person "$(deploy_pusher)" | cut -f2)
  printf '%s' "${display:+$display (}$(deploy_pusher)${display:+)}"
}

# Files only administrators may change whatever rules.conf says: what is compiled or run (the
# generator, the theme, build files, scripts, the deploy scripts, packages). Patterns as in rules.conf.
readonly DEPLOY_CODE_PATTERNS=('src/*' 'theme/*' 'tests/*' 'bench/*' 'scripts/*' 'deploy/*' '.ci/*' '.github/*'
  'node_modules/*' '*.props' '*.targets' '*.csproj' '*.slnx' '*.sln' 'global.json' '[Nn]u[Gg]et.[Cc]onfig'
  'package.json' 'package-lock.json' '*.sh')

# deploy_role_patterns <role>: the path patterns rules.conf gives the role, one a line.
deploy_role_patterns() {
  awk -v role="$1" '$1 == role { for (i = 2; i <= NF; i++) print $i }' "$DEPLOY_ROOT/rules.conf" 2>/dev/null || true
}

# deploy_may_change <role> <file>: true when the role may change the file. A pattern is a shell
# pattern in which * (and **) also match "/": input/** is everything under input/.
deploy_may_change() {
  local role=$1 file=$2 pattern
  if [ "$role" != administrator ]; then
    for pattern in "${DEPLOY_CODE_PATTERNS[@]}"; do
      # shellcheck disable=SC2053 # a pattern on purpose
      [[ $file == $pattern ]] && return 1
    done
  fi
  while read -r pattern; do
    # shellcheck disable=SC2053
    [[ $file == $pattern ]] && return 0
  done < <(deploy_role_patterns "$role")
  return 1
}

# Previews: <preview_url>/<branch>/, served from previews/<branch> (a link to preview-sites/<id>).
# A branch name makes a URL path: letters, digits, ".", "_", "-", and "/" between them.
deploy_preview_name_ok() { [[ $1 =~ ^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$ ]] && [[ $1 != *..* ]]; }

# deploy_preview_origin / deploy_preview_path_prefix: the two halves of preview_url
# (https://preview.example.gov.cn/p → https://preview.example.gov.cn and /p).
deploy_preview_origin() { [[ $DEPLOY_PREVIEW_URL =~ ^(https?://[^/]+) ]] && printf '%s' "${BASH_REMATCH[1]}"; }
deploy_preview_path_prefix() {
  local path=${DEPLOY_PREVIEW_URL#"$(deploy_preview_origin)"}
  printf '%s' "${path%/}"
}
deploy_preview_address() { printf '%s/%s/' "$(deploy_preview_origin)$(deploy_preview_path_prefix)" "$1"; }

# The sandbox of every build of pushed content (bubblewrap): no network, no other namespace of the
# host, no capabilities; the whole system read-only; the deploy root, /tmp and the account's home
# hidden; writable only the build's scratch folder and the photo cache; the administrator's installed
# generator (bin/, theme/, node_modules/) read-only. The limits: wall time (timeout), memory
# (RLIMIT_DATA: what the processes commit, unlike RLIMIT_AS which .NET's address-space reservations
# exceed at once), processes (RLIMIT_NPROC, which the kernel does not apply to root) and the scratch
# folder's total size (measured every second; not RLIMIT_FSIZE, which .NET's start-up trips over: it
# sizes an in-memory file for its code far beyond a small limit).
#
# deploy_sandboxed_build <log> <scratch> <previous site or ""> [generator build options…]
# builds <scratch>/source into <scratch>/output with the installed generator (or DEPLOY_BUILD_GENERATOR). Returns the build's status; when a limit stopped it,
# DEPLOY_LIMIT_HIT says which, in words for the pusher.
DEPLOY_LIMIT_HIT=
deploy_sandboxed_build() {
  local log=$1 scratch=$2 previous=$3
  shift 3
  local generator source="$scratch/source" output="$scratch/output" over="$scratch.over" tool status
  generator=${DEPLOY_BUILD_GENERATOR:-$(readlink -f "$DEPLOY_ROOT/generator")}
  DEPLOY_LIMIT_HIT=
  # What the push holds in place of the installed theme, packages and cache is not used.
  rm -rf "$source/theme" "$source/node_modules" "$source/.cache" "$over"
  mkdir -p "$source/theme" "$source/.cache" "$scratch/home"
  local sandbox=(bwrap --die-with-parent --new-session --unshare-all --cap-drop ALL
    --ro-bind / / --dev /dev --proc /proc --tmpfs /tmp --tmpfs /run --tmpfs "$HOME" --tmpfs "$DEPLOY_ROOT")
  for tool in ${DEPLOY_TOOL_PATH//:/ }; do sandbox+=(--ro-bind "$tool" "$tool"); done
  sandbox+=(--ro-bind "$generator" "$generator" --bind "$scratch" "$scratch"
    --ro-bind "$generator/theme" "$source/theme" --bind "$DEPLOY_ROOT/cache" "$source/.cache")
  local build=(dotnet "$generator/bin/qualitymonth.dll" build --format lines --root "$source" --output "$output" "$@")
  if [ -n "$previous" ]; then
    sandbox+=(--ro-bind "$previous" "$previous")
    build+=(--previous "$previous")
  fi
  sandbox+=(--clearenv --setenv PATH "$PATH" --setenv HOME "$scratch/home" --setenv LANG "${LANG:-C.UTF-8}" --setenv NO_COLOR 1
    --setenv DOTNET_NOLOGO 1 --setenv DOTNET_CLI_TELEMETRY_OPTOUT 1 --chdir "$source")
  # The pusher's language (sent by ssh) chooses the language of the build's messages, as on their computer.
  local variable
  for variable in LC_ALL LC_MESSAGES LANGUAGE; do
    if [ -n "${!variable:-}" ]; then sandbox+=(--setenv "$variable" "${!variable}"); fi
  done
  sandbox+=(--)
  local limits=(prlimit "--data=$((DEPLOY_BUILD_MEMORY_MB * 1024 * 1024))" "--nproc=$DEPLOY_BUILD_PROCESSES" --)
  timeout --kill-after=10 "$DEPLOY_BUILD_SECONDS" "${limits[@]}" "${sandbox[@]}" "${build[@]}" >>"$log" 2>&1 &
  local build_pid=$!
  (
    while kill -0 "$build_pid" 2>/dev/null; do
      if [ "$(du -sm "$scratch" 2>/dev/null | cut -f1)" -gt "$DEPLOY_BUILD_OUTPUT_MB" ]; then
        touch "$over"
        kill -TERM "$build_pid"
        break
      fi
      sleep 1
    done
  ) &
  local watchdog=$!
  status=0
  wait "$build_pid" || status=$?
  kill "$watchdog" 2>/dev/null || true
  wait "$watchdog" 2>/dev/null || true
  if [ -f "$over" ]; then
    DEPLOY_LIMIT_HIT="its files grew past the limit of $DEPLOY_BUILD_OUTPUT_MB MB (build_output_mb)"
  elif [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    DEPLOY_LIMIT_HIT="it took longer than the limit of $DEPLOY_BUILD_SECONDS seconds (build_seconds)"
  elif [ "$status" -ne 0 ] && grep -qiE '\[out-of-memory\]|Out of memory|OutOfMemoryException|PAL_SEHException|Cannot allocate memory|0x8007000E|bad_alloc|failed to map segment|terminate called after throwing' "$log"; then
    DEPLOY_LIMIT_HIT="it reached the memory limit of $DEPLOY_BUILD_MEMORY_MB MB (build_memory_mb)"
  elif [ "$status" -ne 0 ] && grep -qE 'Resource temporarily unavailable' "$log"; then
    # A thread's stack is memory too: out of either, a new thread or process fails the same way.
    DEPLOY_LIMIT_HIT="it could not start more threads or processes: it reached the memory limit of $DEPLOY_BUILD_MEMORY_MB MB (build_memory_mb) or the process limit of $DEPLOY_BUILD_PROCESSES (build_processes)"
  elif [ "$status" -gt 128 ]; then
    DEPLOY_LIMIT_HIT="it was killed by signal $((status - 128)), most likely at the memory limit of $DEPLOY_BUILD_MEMORY_MB MB (build_memory_mb)"
  fi
  rm -f "$over"
  return "$status"
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

# The builds of one push, one scratch folder per pushed branch: builds/<hash of the ref>.
deploy_build_key() { printf '%s' "$1" | sha256sum | cut -c1-16; }

# state/commits: "<commit> <name>" for every commit the server received, with who pushed it first —
# the server's own record of authorship, which (unlike a commit's author line) nobody can write.
deploy_commits_file() { printf '%s' "$DEPLOY_ROOT/state/commits"; }

# deploy_authors <new> <old or zero> <pusher>: who pushed the commits from <old> to <new> first, one
# name a line; commits the server has not seen yet are the pusher's.
deploy_authors() {
  local range=("$1")
  deploy_is_zero_oid "$2" || range+=("^$2")
  git rev-list "${range[@]}" | awk -v pusher="$3" '
    FILENAME != "-" { if (!($1 in by)) by[$1] = $2; next }
    { print ($1 in by) ? by[$1] : pusher }' "$(deploy_commits_file)" - | sort -u
}

# deploy_remove_preview <branch> <why>: removes the branch's preview (its link and its site).
deploy_remove_preview() {
  local link="$DEPLOY_ROOT/previews/$1" site
  [ -L "$link" ] || return 0
  site=$(dirname "$(readlink "$link")")
  rm -f "$link"
  rm -rf "$site"
  # A branch "a/b" leaves previews/a/ behind.
  local folder
  folder=$(dirname "$link")
  while [ "$folder" != "$DEPLOY_ROOT/previews" ] && rmdir "$folder" 2>/dev/null; do folder=$(dirname "$folder"); done
  deploy_log "preview of $1 removed: $2"
  deploy_audit preview-removed branch "$1" reason "$2"
}

# deploy_prune_previews: removes the previews not pushed to for preview_days days, and what an
# interrupted push left in preview-sites/.
deploy_prune_previews() {
  local link branch site
  while read -r link; do
    branch=${link#"$DEPLOY_ROOT/previews/"}
    site=$(dirname "$(readlink "$link")")
    if [ -n "$(find "$site/PREVIEW" -mmin "+$((DEPLOY_PREVIEW_DAYS * 1440))" 2>/dev/null)" ]; then
      deploy_remove_preview "$branch" "not pushed to for $DEPLOY_PREVIEW_DAYS days"
    fi
  done < <(find "$DEPLOY_ROOT/previews" -type l)
  for site in "$DEPLOY_ROOT"/preview-sites/*; do
    [ -e "$site" ] || continue
    if ! find "$DEPLOY_ROOT/previews" -type l -lname "$site/site" | grep -q .; then rm -rf "$site"; fi
  done
}
