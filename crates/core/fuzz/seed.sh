#!/usr/bin/env bash
# Seeds the fuzz corpus (corpus/parse/, not committed) with the seed readout and every fixture
# readout, so that libFuzzer starts from real readouts rather than from empty input.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
mkdir -p corpus/parse
cp ../tests/fixtures/*.txt ../../../corpus/*.txt corpus/parse/
echo "seeded corpus/parse with $(ls corpus/parse | wc -l) files"
