#!/bin/sh
# Print bench/expert_sources/discharge-summary.html to bench/expert/discharge-summary.pdf with headless Chromium.
#     sh bench/expert_sources/build_pdf.sh
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
chromium --headless --no-sandbox --disable-gpu --print-to-pdf="$HERE/../expert/discharge-summary.pdf" \
    --no-pdf-header-footer "file://$HERE/discharge-summary.html"
