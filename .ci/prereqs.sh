#!/usr/bin/env bash
# Debian packages the real-VS-Code runner needs: code-server compiles native modules
# (krb5, X11, xkbfile, libsecret), uses ripgrep, and the tests drive Debian's Chromium.
# openssl makes the private CA and certificates of the HTTPS tests.
# Elsewhere (macOS, other distributions) it only says what is needed and leaves the machine alone.
set -euo pipefail
# fonts-wqy-zenhei: CJK glyphs, so screenshots of the Chinese sample names are readable.
packages=(chromium openssl libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep fonts-wqy-zenhei)
if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "Not a Debian-like system: install the equivalents of ${packages[*]} yourself if the tests ask for them."
  exit 0
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing Debian packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
