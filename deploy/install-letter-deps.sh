#!/usr/bin/env bash
# Installs, only when missing, what reading agencies' reply letters needs (package
# letter): poppler-utils (pdftotext, pdfsig, pdftoppm), Tesseract with its Vietnamese
# data (scans), LibreOffice Writer (.doc). Used by `make run` and by install-test-deps.sh.
set -euo pipefail
need=()
command -v pdftotext >/dev/null && command -v pdfsig >/dev/null || need+=(poppler-utils)
command -v tesseract >/dev/null || need+=(tesseract-ocr)
[ -n "$(ls /usr/share/tesseract-ocr/*/tessdata/vie.traineddata 2>/dev/null)" ] || need+=(tesseract-ocr-vie)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "letter deps: installing ${need[*]}"
sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
