#!/usr/bin/env bash
# Installs the system packages the suite runs on in local mode: PostgreSQL and RabbitMQ servers (Debian/Ubuntu).
# With --browser, also what the workbench's browser tests drive: Chromium and a Chinese font for its screenshots.
# Does nothing when they are already there, so every entry point can call it.
set -euo pipefail

missing=()
compgen -G '/usr/lib/postgresql/*/bin/postgres' > /dev/null || missing+=(postgresql)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
command -v setpriv > /dev/null || missing+=(util-linux)
if [ "${1:-}" = "--browser" ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  fc-list :lang=zh 2> /dev/null | grep -q . || missing+=(fonts-wqy-microhei)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get > /dev/null; then
  echo "error: missing ${missing[*]}; install them with your package manager (this script knows apt-get only)." >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo > /dev/null || { echo "error: installing ${missing[*]} needs root; run: apt-get install ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi

echo "Installing ${missing[*]} ..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
# The packages start system-wide servers where an init system runs; the suite runs its own, so stop them.
for service in postgresql rabbitmq-server; do
  $sudo service "$service" stop > /dev/null 2>&1 || true
done
