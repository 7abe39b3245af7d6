#!/usr/bin/env bash
# THE test command (README): installs what the tests need, builds the solution once, runs every test
# project, and prints as its last line "N passed, N failed" (", N skipped" when some were skipped).
#
# Test fixtures start their own Redis, PostgreSQL and Azurite on free 127.0.0.1 ports under a temp
# directory made here (passed as LIVEHIRE_TEST_TMP) and stop them afterwards; on the way out this
# script also kills any such server a crashed test host left behind, recognised by that directory.
#
# Environment: LIVEHIRE_KEEP_TEST_TMP=1 keeps the temp directory (with results/*.trx) for inspection.
# LIVEHIRE_TEST_REDIS / LIVEHIRE_TEST_POSTGRES / LIVEHIRE_TEST_BLOB make the fixtures use existing servers.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo_root=$(pwd)

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
# Playwright must use the browser from Debian (chromium), never download one: nothing but the registries is reachable.
export PLAYWRIGHT_BROWSERS_PATH=0
export DEBIAN_FRONTEND=noninteractive

say() { printf '[test.sh] %s\n' "$*"; }
started_at=$SECONDS
elapsed() { printf '%ss' "$((SECONDS - started_at))"; }

# --- 1. System packages --------------------------------------------------------------------------
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

ensure_system_packages() {
  local wanted=(redis-server postgresql ffmpeg chromium nginx libnginx-mod-rtmp fonts-noto-cjk fonts-wqy-microhei poppler-utils)
  # Node may come from elsewhere (e.g. a newer nodejs build that bundles npm); only fall back to Debian's if absent.
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    wanted+=(nodejs npm)
  fi

  local missing=() package
  for package in "${wanted[@]}"; do
    installed "$package" || missing+=("$package")
  done
  if ((${#missing[@]} == 0)); then
    return
  fi

  local sudo=()
  if ((EUID != 0)); then
    if ! command -v sudo >/dev/null 2>&1; then
      say "missing packages (${missing[*]}) and not root: install them, or run as root" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  say "installing ${missing[*]}"
  "${sudo[@]}" apt-get update
  "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

# --- 2. npm test tools (Azurite) -------------------------------------------------------------------
ensure_test_tools() {
  local tools=tests/tools stamp=tests/tools/node_modules/.livehire-lock.sha256 lock_hash
  lock_hash=$(sha256sum "$tools/package-lock.json" | cut -d' ' -f1)
  # npm ci wipes and reinstalls node_modules; skip it when the lock file has not changed since the last one.
  if [[ -f $stamp && $(cat "$stamp") == "$lock_hash" && -x $tools/node_modules/.bin/azurite-blob ]]; then
    return
  fi
  say "npm ci --prefix $tools"
  npm ci --prefix "$tools" --no-audit --no-fund
  printf '%s\n' "$lock_hash" >"$stamp"
}

# --- Server cleanup ---------------------------------------------------------------------------------
test_tmp=$(mktemp -d "${TMPDIR:-/tmp}/livehire-test.XXXXXX")
# PostgreSQL runs as the postgres user (initdb refuses root), who must be able to enter this directory.
chmod 755 "$test_tmp"
export LIVEHIRE_TEST_TMP=$test_tmp

# Kills redis-server, postgres and Azurite (node) processes that belong to this run: their working
# directory or command line lies under $test_tmp (fixtures start servers there; PostgreSQL chdirs into
# its data directory, and redis-server rewrites its command line but keeps its working directory).
kill_leftover_servers() {
  local proc pid name cwd cmdline killed=()
  for proc in /proc/[0-9]*; do
    pid=${proc#/proc/}
    name=$(cat "$proc/comm" 2>/dev/null) || continue
    case $name in redis-server | postgres | node) ;; *) continue ;; esac
    cwd=$(readlink "$proc/cwd" 2>/dev/null) || cwd=
    cmdline=$(tr '\0' ' ' <"$proc/cmdline" 2>/dev/null) || cmdline=
    if [[ $cwd == "$test_tmp"/* || $cmdline == *"$test_tmp"/* ]]; then
      kill -KILL "$pid" 2>/dev/null && killed+=("$pid:$name")
    fi
  done
  if ((${#killed[@]} > 0)); then
    say "killed leftover servers: ${killed[*]}" >&2
  fi
}

on_exit() {
  kill_leftover_servers
  if [[ ${LIVEHIRE_KEEP_TEST_TMP:-} != 1 ]]; then
    rm -rf "$test_tmp"
  fi
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 3. Summary from the .trx files ------------------------------------------------------------------
# Pure awk, so it works without python: sums the <Counters .../> element of every trx file and prints
# "passed failed skipped executed files" on one line.
count_results() {
  awk '
    /<Counters / {
      files++
      n = split("total executed passed failed error timeout aborted notExecuted", keys, " ")
      for (i = 1; i <= n; i++) {
        if (match($0, " " keys[i] "=\"[0-9]+\"")) {
          value = substr($0, RSTART, RLENGTH)
          gsub(/[^0-9]/, "", value)
          sum[keys[i]] += value
        }
      }
    }
    END {
      failed = sum["failed"] + sum["error"] + sum["timeout"] + sum["aborted"]
      skipped = sum["total"] - sum["executed"]
      if (skipped < sum["notExecuted"]) skipped = sum["notExecuted"]
      printf "%d %d %d %d %d\n", sum["passed"], failed, skipped, sum["executed"], files
    }
  ' "$@" </dev/null
}

# --- Run -------------------------------------------------------------------------------------------
ensure_system_packages
ensure_test_tools

say "dotnet build LiveHire.sln -c Release ($(elapsed))"
if ! dotnet build LiveHire.sln -c Release; then
  say "build failed ($(elapsed))"
  exit 1
fi

results=$test_tmp/results
say "dotnet test ($(elapsed))"
test_status=0
dotnet test LiveHire.sln -c Release --no-build \
  --logger "trx;LogFilePrefix=r" --results-directory "$results" || test_status=$?

# Servers should all be gone by now; anything still running is a fixture that failed to clean up.
kill_leftover_servers

shopt -s nullglob
trx_files=("$results"/*.trx)
shopt -u nullglob
if ((${#trx_files[@]} == 0)); then
  say "no test results were written (dotnet test exited with $test_status)"
  echo "0 passed, 0 failed"
  exit 1
fi

read -r passed failed skipped executed files < <(count_results "${trx_files[@]}")
say "$files result file(s), $executed test(s) executed, dotnet test exited with $test_status ($(elapsed))"
if [[ ${LIVEHIRE_KEEP_TEST_TMP:-} == 1 ]]; then
  say "results kept in $results"
fi
summary="$passed passed, $failed failed"
if ((skipped > 0)); then
  summary+=", $skipped skipped"
fi
echo "$summary"

if ((test_status != 0 || failed > 0 || executed == 0)); then
  exit 1
fi
