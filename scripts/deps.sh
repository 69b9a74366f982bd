#!/usr/bin/env bash
# Installs the Debian packages the portal and its tests need, only those that are missing.
# Usage: scripts/deps.sh [postgres] [fonts] [pdftools] [chromium] [wrk] [nginx]   (no argument: all but wrk and nginx)
set -euo pipefail
want=("$@"); [ ${#want[@]} -eq 0 ] && want=(postgres fonts pdftools chromium)
pkgs=()
for w in "${want[@]}"; do
  case "$w" in
    postgres) [ -x /usr/lib/postgresql/15/bin/initdb ] || pkgs+=(postgresql-15 postgresql-contrib-15) ;;
    fonts)
      [ -f /usr/share/fonts/truetype/arphic/uming.ttc ] || pkgs+=(fonts-arphic-uming)
      [ -f /usr/share/fonts/truetype/arphic/ukai.ttc ] || pkgs+=(fonts-arphic-ukai)
      [ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || pkgs+=(fonts-wqy-zenhei)
      command -v fc-match >/dev/null || pkgs+=(fontconfig) ;;
    pdftools) command -v pdftotext >/dev/null || pkgs+=(poppler-utils) ;;
    chromium) [ -x /usr/bin/chromium ] || pkgs+=(chromium) ;;
    # HTTP load generator for scripts/bench-public.sh only; not part of "all".
    wrk) command -v wrk >/dev/null || pkgs+=(wrk) ;;
    # The reverse proxy in front of two instances (deploy/nginx-two-instances.conf and its test); not part of "all".
    nginx) [ -x /usr/sbin/nginx ] || pkgs+=(nginx) ;;
    *) echo "deps.sh: unknown group $w" >&2; exit 2 ;;
  esac
done
[ ${#pkgs[@]} -eq 0 ] && exit 0
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "Installing Debian packages: ${pkgs[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
