#!/usr/bin/env bash
# THE run command (README): builds LiveHire and starts it in Embedded mode (one process, SQLite, files on local
# disk, nothing else to install) with demo data, then prints the address and the demo logins.
# PORT=5000 by default; LIVEHIRE_DATA=<dir> (default ./data) holds the database, job store, uploads and the log.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo_root=$(pwd)
port=${PORT:-5000}
data=${LIVEHIRE_DATA:-$repo_root/data}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { printf '[run.sh] %s\n' "$*"; }
# Readiness probe over bash's /dev/tcp: a fresh Debian may have neither curl nor wget.
ready() {
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET /health/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  local _proto status
  read -r _proto status _ <&3 || true
  exec 3>&-
  [[ $status == 200 ]]
}

# The live pages' scripts are bundled by esbuild during the build, which needs Node.js.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  say "installing Node.js (needed to build the live pages' scripts)"
  sudo=(); ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends nodejs npm
fi

# "Make a resume from my profile" prints Chinese with WenQuanYi Micro Hei; without it everything else works and
# /health/ready names the missing font.
if [[ ! -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]] && command -v apt-get >/dev/null 2>&1; then
  say "installing fonts-wqy-microhei (Chinese font for resumes made from profiles)"
  sudo=(); ((EUID == 0)) || sudo=(sudo)
  { "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends fonts-wqy-microhei; } \
    || say "could not install fonts-wqy-microhei: resumes cannot be made from profiles until it is installed"
fi

say "building (Release)…"
dotnet build src/Web/LiveHire.Web.csproj -c Release -nologo -v quiet -clp:ErrorsOnly

mkdir -p "$data"
log="$data/livehire.log"
say "starting on http://127.0.0.1:$port (log: $log)"
cd src/Web
LiveHire__Mode=Embedded LiveHire__DataDirectory="$data" ASPNETCORE_URLS="http://127.0.0.1:$port" \
  dotnet bin/Release/net10.0/LiveHire.Web.dll --demo >"$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null' EXIT INT TERM

for _ in $(seq 1 120); do
  if ready; then break; fi
  if ! kill -0 $app 2>/dev/null; then say "LiveHire stopped during start-up; last lines of $log:"; tail -n 30 "$log"; exit 1; fi
  sleep 0.5
done
ready || { say "LiveHire did not become ready; see $log"; exit 1; }

cat <<BANNER

  LiveHire is running (Embedded mode):  http://127.0.0.1:$port

  Demo logins (password for all: LiveHire2026)
    organizer@demo.livehire    organizer  九龙坡区就业和人才中心 — schedules live sessions, reviews booths
    organizer2@demo.livehire   organizer  沙坪坝区就业服务中心
    recruiter@demo.livehire    recruiter  重庆渝味食品有限公司 — hosts the studio
    recruiter2@demo.livehire   recruiter  山城物流有限公司
    candidate@demo.livehire    candidate  陈小红 — watches, asks
    candidate2@demo.livehire   candidate  刘大明
    admin@demo.livehire        admin      /admin/outbox (SMS codes), /admin/jobs (Hangfire)
  Or sign in with any mainland mobile number: the SMS code appears in the admin's outbox.

  API reference: http://127.0.0.1:$port/api/reference    Health: /health/ready    Metrics: /metrics
  Press Ctrl+C to stop.

BANNER
wait $app
