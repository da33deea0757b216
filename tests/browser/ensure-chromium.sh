#!/usr/bin/env bash
# Browser tests need Debian's Chromium and CJK fonts. Install them when
# running as root (as CI does); otherwise stop with the exact command.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
# grep reads all of fc-list's output: with -q it would stop early, and the
# broken pipe would fail the pipeline (pipefail) and reinstall every time.
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing ${need[*]} for the browser tests ..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
else
  echo "Browser tests need: ${need[*]}. Install them with:" >&2
  echo "  sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
