#!/bin/sh
# Print bench/community_sources/building-survey.html to bench/community/building-survey.pdf with headless Chromium.
#     sh bench/community_sources/build_pdf.sh
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
chromium --headless --no-sandbox --disable-gpu --print-to-pdf="$HERE/../community/building-survey.pdf" \
    --no-pdf-header-footer "file://$HERE/building-survey.html"
