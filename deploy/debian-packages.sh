#!/usr/bin/env bash
# The Debian packages the project needs, by job. Installs what is missing
# when running as root (as CI does); otherwise stops with the exact command.
#
#   deploy/debian-packages.sh nginx     `make serve-prod` and the server tests
#   deploy/debian-packages.sh browser   the browser tests (and nginx)
#   deploy/debian-packages.sh ci        everything .ci/run needs
set -euo pipefail
job="${1:?usage: debian-packages.sh nginx|browser|ci}"
need=()
want_nginx() {
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
  [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] \
    || need+=(libnginx-mod-http-brotli-static)
}
want_browser() {
  [ -x /usr/bin/chromium ] || need+=(chromium)
  # grep reads all of fc-list's output: with -q it would stop early, and the
  # broken pipe would fail the pipeline (pipefail) and reinstall every time.
  fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
}
case "$job" in
  nginx) want_nginx ;;
  browser) want_browser; want_nginx ;;
  ci)
    want_browser; want_nginx
    command -v npm >/dev/null || need+=(nodejs npm)
    command -v git >/dev/null || need+=(git)
    ;;
  *) echo "debian-packages.sh: unknown job '$job' (nginx, browser or ci)" >&2; exit 2 ;;
esac
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if [ "$job" != ci ]; then
    echo "This needs: ${need[*]}. Install them with:" >&2
    echo "  sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  sudo="sudo"
fi
echo "Installing ${need[*]} ..."
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# policy-rc.d may refuse to start nginx's system service; the project never uses it.
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
