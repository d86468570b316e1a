#!/bin/sh
# Installs what metaeval needs to build and test, when it is missing: poppler-glib (with
# cairo and glib), SQLite, zlib, libxml2 (for the statically linked release build), xmllint,
# Tesseract with Dutch and English, and a font for the PDF writer.
# As root it installs with apt-get; otherwise it prints the exact command and fails.
set -eu

missing=""
# Without pkg-config nothing can be asked: every library's -dev package is needed.
if command -v pkg-config >/dev/null 2>&1; then
  pkg-config --exists poppler-glib || missing="$missing libpoppler-glib-dev"
  pkg-config --exists sqlite3 || missing="$missing libsqlite3-dev"
  pkg-config --exists zlib || missing="$missing zlib1g-dev"
  # The release build links Foundation in (--static-swift-stdlib), and its XML part then
  # links libxml2 by name: that needs the development link, not only the library.
  pkg-config --exists libxml-2.0 || missing="$missing libxml2-dev"
else
  missing="$missing pkgconf libpoppler-glib-dev libsqlite3-dev zlib1g-dev libxml2-dev"
fi
command -v xmllint >/dev/null 2>&1 || missing="$missing libxml2-utils"
# OCR of scanned reports: the tesseract program with Dutch and English.
if ! command -v tesseract >/dev/null 2>&1; then
  missing="$missing tesseract-ocr tesseract-ocr-nld tesseract-ocr-eng"
else
  langs=$(tesseract --list-langs 2>/dev/null || true)
  echo "$langs" | grep -qx nld || missing="$missing tesseract-ocr-nld"
  echo "$langs" | grep -qx eng || missing="$missing tesseract-ocr-eng"
fi
if ! command -v fc-list >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi dejavu; then
  missing="$missing fonts-dejavu-core fontconfig"
fi

[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "metaeval: installing$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "metaeval: missing$missing; install with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
  exit 1
fi
