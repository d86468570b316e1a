#!/bin/sh
# Runs `metaeval extract` under valgrind on a good PDF, an encrypted one and a truncated one,
# and prints valgrind's leak summary. Swift's debug info is stripped from a copy first: this
# valgrind cannot read it. Development check; the tests do not use it.
set -eu
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product metaeval >/dev/null  # as make builds it
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
objcopy --strip-debug .build/release/metaeval "$tmp/metaeval"
good=Corpus/nl-01-zaaksysteem-rekenkamer.pdf
head -c 20000 "$good" > "$tmp/truncated.pdf"
valgrind --leak-check=full "$tmp/metaeval" extract "$good" \
  Tests/PDFExtractionTests/Fixtures/encrypted-password-secret.pdf "$tmp/truncated.pdf" \
  > /dev/null 2> "$tmp/valgrind.txt" || true
grep -E "definitely lost|indirectly lost|possibly lost|ERROR SUMMARY" "$tmp/valgrind.txt"
