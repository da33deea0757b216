#!/usr/bin/env bash
# `make serve-prod` and the server tests need Debian's nginx and its brotli
# module. Install them when running as root (as CI does); otherwise stop with
# the exact command.
set -euo pipefail
need=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] \
  || need+=(libnginx-mod-http-brotli-static)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing ${need[*]} ..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # policy-rc.d may refuse to start the system service; this project never uses it.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
else
  echo "Serving the site needs: ${need[*]}. Install them with:" >&2
  echo "  sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
