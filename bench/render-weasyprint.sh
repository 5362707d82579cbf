#!/bin/sh
# usage: render-weasyprint.sh IN.html OUT.pdf
# WeasyPrint CLI (Debian package 'weasyprint'); exits with weasyprint's status.
# From the shared peer set (bench/peers/render-weasyprint.sh), unchanged.
set -e
IN=$(readlink -f "$1"); OUT=$2
exec weasyprint --quiet "$IN" "$OUT"
