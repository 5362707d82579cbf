#!/bin/sh
# usage: render-chromium.sh IN.html OUT.pdf
# Headless Chromium (Debian package 'chromium') print-to-pdf; a fresh profile each run.
# From the shared peer set (bench/peers/render-chromium.sh), unchanged.
IN=$(readlink -f "$1"); OUT=$2
PROFILE=$(mktemp -d /tmp/chromium-profile.XXXXXX)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$PROFILE" --no-pdf-header-footer --print-to-pdf="$OUT" \
  "file://$IN" >/dev/null 2>&1
rc=$?
rm -rf "$PROFILE"
exit $rc
