#!/usr/bin/env bash
# Notebooks through the real Jupyter stack with the workbook's own C# kernel:
#  1. install the kernel the way docs/notebooks.md says (one dotnet run);
#  2. execute every notebooks/*.ipynb (and the engine's sample) with nbclient;
#  3. bad-input tests through jupyter_client (syntax error, exception, endless receive and loop
#     with interrupt, huge output, host killed or exiting, restart, completion);
#  4. export the executed notebooks to HTML with nbconvert and screenshot one in headless Chromium
#     (artifacts/screenshots/).
# Needs `dotnet build` first (.ci/run does it): notebooks `#r` artifacts/bin/Otp/debug/Otp.dll.
set -uo pipefail
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3                       # Debian's Python, which has ipykernel and nbclient
OUT=artifacts/notebooks
passed=0; failed=0
pass() { echo "ok   $*"; passed=$((passed+1)); }
fail() { echo "FAIL $*"; failed=$((failed+1)); }
mkdir -p "$OUT/executed" "$OUT/html" artifacts/screenshots

echo "-- install the kernel (README: dotnet run --project src/Workbook.Kernel -- install)"
if OTP_KERNEL_PYTHON=$PY timeout 600 dotnet run --project src/Workbook.Kernel -- install; then
  pass "kernel installed"
else
  fail "kernel install"; echo "STEP-TOTALS passed=$passed failed=$failed"; exit 1
fi

echo "-- execute every notebook through Jupyter"
notebooks=(notebooks/*.ipynb tests/Workbook.Notebooks.Tests/Samples/*.ipynb)
log=$(mktemp)
timeout 900 $PY .ci/steps/jupyter/execute_notebooks.py "$OUT/executed" "${notebooks[@]}" 2>&1 \
  | grep -v -E 'Debugger warning|frozen modules|Debugging will proceed' | tee "$log"
passed=$((passed+$(grep -c '^ok ' "$log"))); failed=$((failed+$(grep -c '^FAIL ' "$log")))
grep -q '^notebooks: ' "$log" || fail "notebook execution did not finish"

echo "-- bad input through jupyter_client"
( cd tests/Workbook.Notebooks.Tests/Samples && timeout 900 $PY ../../../.ci/steps/jupyter/bad_input.py ) 2>&1 \
  | grep -v -E 'Debugger warning|frozen modules|Debugging will proceed' | tee "$log"
passed=$((passed+$(grep -c '^ok ' "$log"))); failed=$((failed+$(grep -c '^FAIL ' "$log")))
grep -q '^bad-input: ' "$log" || fail "bad-input tests did not finish"

echo "-- HTML export and a screenshot"
# nbconvert's HTML exporter with a template that embeds SVG outputs as images (Debian's
# nbconvert 6.5 would strip inline SVG to blank space; see the template's comment).
if timeout 300 $PY .ci/steps/jupyter/export_html.py "$OUT/html" "$OUT"/executed/*.ipynb >"$log" 2>&1; then
  pass "nbconvert exported $(ls "$OUT"/html/*.html | wc -l) notebooks to HTML"
else
  cat "$log"; fail "nbconvert HTML export"
fi
svgs=$(cat "$OUT"/executed/*.ipynb | grep -c '"image/svg+xml"')
shown=$(cat "$OUT"/html/*.html | grep -c 'src="data:image/svg+xml;base64')
if [ "$shown" -ge "$svgs" ] && [ "$svgs" -gt 0 ]; then pass "all $svgs SVG outputs are in the HTML as images"
else fail "SVG outputs: $svgs in the notebooks, $shown shown in the HTML"; fi
# The chapter with a message diagram, else the first page there is.
page=$(ls "$OUT"/html/01-*.html 2>/dev/null | head -1); [ -n "$page" ] || page=$(ls "$OUT"/html/*.html | head -1)
shot=artifacts/screenshots/$(basename "${page%.html}").png
profile=$(mktemp -d)
rm -f "$shot"
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
  --hide-scrollbars --window-size=1100,2400 --screenshot="$shot" "file://$PWD/$page" >"$log" 2>&1
rm -rf "$profile"
if [ -s "$shot" ]; then pass "screenshot $shot of $page"; else tail -5 "$log"; fail "chromium screenshot of $page"; fi
rm -f "$log"

echo "STEP-TOTALS passed=$passed failed=$failed"
[ "$failed" = 0 ]
