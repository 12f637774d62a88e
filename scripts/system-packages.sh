#!/usr/bin/env bash
# Installs the Debian packages the end-to-end tests and the benchmark need, when any is missing:
# chromium, firefox-esr, and openssl (the e2e fixture server makes its TLS certificate with it).
# As root it uses apt-get; otherwise sudo, if sudo works without asking for a password.
# When it cannot install, it prints ONE line saying what to run, and exits 1.
# Called by tests/run-all.sh (npm test) before anything else; safe to run by hand.
set -uo pipefail

missing=()
command -v "${CHROMIUM_BIN:-chromium}" >/dev/null 2>&1 || missing+=(chromium)
command -v "${FIREFOX_BIN:-firefox-esr}" >/dev/null 2>&1 || missing+=(firefox-esr)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
[ ${#missing[@]} -eq 0 ] && exit 0

install_line="apt-get install -y ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "npm test: missing ${missing[*]}, and this is not a Debian system (no apt-get): install them with your package manager (or set CHROMIUM_BIN / FIREFOX_BIN), then run npm test again" >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  echo "npm test: missing ${missing[*]}, and cannot install them (not root, no password-less sudo): run \`sudo $install_line\`, then npm test again" >&2
  exit 1
fi

echo "npm test: installing ${missing[*]} (apt-get)"
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
if ! { "${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" apt-get install -y -qq "${missing[@]}"; } >"$log" 2>&1; then
  tail -n 20 "$log" >&2; rm -f "$log"
  echo "npm test: apt-get could not install ${missing[*]} (output above): fix that, or run \`$install_line\` yourself" >&2
  exit 1
fi
rm -f "$log"
