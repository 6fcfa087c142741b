#!/usr/bin/env bash
# Installs, only when missing, the Debian packages the tests use: ClickHouse (unless
# CLICKHOUSE_ADDR names a server), headless Chromium for browser tests and PDF export,
# fonts with Vietnamese glyphs for exports, and LibreOffice Writer (the report's PDF, and the
# tests that open generated .docx files) with Liberation Serif, metric-compatible with the
# Times New Roman the report is set in.
set -euo pipefail
# Reply letters (.doc, PDF, scans): poppler, Tesseract with Vietnamese, LibreOffice.
"$(dirname "$0")/install-letter-deps.sh"
need=()
if [ -z "${CLICKHOUSE_ADDR:-}" ]; then
  [ -x /usr/bin/clickhouse-server ] || [ -x /usr/sbin/clickhouse-server ] || need+=(clickhouse-server)
  command -v clickhouse-client >/dev/null || need+=(clickhouse-client)
fi
command -v chromium >/dev/null || need+=(chromium)
[ -e /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf ] || need+=(fonts-noto-core)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
[ -e /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || need+=(fonts-liberation2)
# CSV exports are checked by converting them in LibreOffice Calc with Vietnamese settings.
[ -e /usr/lib/libreoffice/program/libsclo.so ] || need+=(libreoffice-calc-nogui)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "test-deps: installing ${need[*]}"
sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
