#!/usr/bin/env bash
# Notebooks under both kernels a learner may have, with the same checks for each:
#  1. install the .NET Interactive tool (Microsoft.dotnet-interactive, deprecated but still in use)
#     in a tool path and register its Jupyter kernel, and the workbook's own kernel, in a private
#     Jupyter folder (nothing lands in the user's ~/.local/share/jupyter);
#  2. execute every notebooks/*.ipynb with each kernel through nbclient and check: no cell error,
#     every committed diagram an image/svg+xml output, every line of each committed
#     deterministic output present (.ci/steps/jupyter/run_and_compare.py).
# Committed outputs free of machine-specific data (IP addresses, absolute paths, .NET
# Interactive's JavaScript bootstrap) are checked by the notebook tests and `-- check`.
# Needs `dotnet build` first (.ci/run does it): notebooks `#r` artifacts/bin/Otp/debug/Otp.dll.
set -uo pipefail
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3                       # Debian's Python, which has ipykernel and nbclient
VERSION=1.0.712001
TOOLS=$PWD/artifacts/tools/dotnet-interactive
PRIVATE=$PWD/artifacts/jupyter            # private JUPYTER_PATH / JUPYTER_DATA_DIR for this step
OUT=artifacts/notebooks/kernels
export JUPYTER_PATH=$PRIVATE JUPYTER_DATA_DIR=$PRIVATE DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1
export ERL_CRASH_DUMP=${TMPDIR:-/tmp}/workbook-erl_crash.dump
passed=0; failed=0
pass() { echo "ok   $*"; passed=$((passed+1)); }
fail() { echo "FAIL $*"; failed=$((failed+1)); }
finish() { echo "STEP-TOTALS passed=$passed failed=$failed"; [ "$failed" = 0 ]; exit $?; }
rm -rf "$PRIVATE" "$OUT"; mkdir -p "$PRIVATE/kernels" "$OUT"

echo "-- install Microsoft.dotnet-interactive $VERSION in $TOOLS"
if [ -x "$TOOLS/dotnet-interactive" ] && "$TOOLS/dotnet-interactive" --version 2>/dev/null | grep -q "^$VERSION"; then
  pass "dotnet-interactive already in the tool path"
elif timeout 600 dotnet tool install --tool-path "$TOOLS" Microsoft.dotnet-interactive --version "$VERSION" >"$OUT/tool.log" 2>&1 \
  || timeout 600 dotnet tool update --tool-path "$TOOLS" Microsoft.dotnet-interactive --version "$VERSION" >>"$OUT/tool.log" 2>&1; then
  pass "dotnet-interactive $VERSION installed"
else
  cat "$OUT/tool.log"; fail "dotnet tool install Microsoft.dotnet-interactive"; finish
fi

echo "-- register the kernels in $PRIVATE"
if timeout 120 "$TOOLS/dotnet-interactive" jupyter install --path "$PRIVATE/kernels" >"$OUT/install.log" 2>&1 \
   && [ -f "$PRIVATE/kernels/.net-csharp/kernel.json" ]; then
  # The spec it writes starts `dotnet interactive`, which needs the tool on the PATH; point it at
  # the tool path instead, and keep its HTTP API (always on) on loopback.
  $PY - "$PRIVATE/kernels/.net-csharp/kernel.json" "$TOOLS/dotnet-interactive" <<'PYEOF'
import json, sys
path, tool = sys.argv[1], sys.argv[2]
spec = json.load(open(path))
spec["argv"] = [tool, "jupyter", "--default-kernel", "csharp", "--http-local-only", "{connection_file}"]
json.dump(spec, open(path, "w"), indent=2)
PYEOF
  pass ".NET Interactive kernel .net-csharp registered"
else
  cat "$OUT/install.log"; fail "dotnet-interactive jupyter install"; finish
fi
if OTP_KERNEL_PYTHON=$PY timeout 600 dotnet run --project src/Workbook.Kernel -- install >"$OUT/otp-install.log" 2>&1; then
  pass "workbook kernel otp-csharp registered"
else
  cat "$OUT/otp-install.log"; fail "workbook kernel install"; finish
fi
kernels=$($PY -m jupyter kernelspec list 2>/dev/null | awk 'NR>1 {print $1}' | tr '\n' ' ')
echo "kernels in the private folder: $kernels"

log=$(mktemp)
for kernel in otp-csharp .net-csharp; do
  echo "-- every notebook with $kernel"
  timeout 1200 $PY .ci/steps/jupyter/run_and_compare.py "$kernel" "$OUT/$kernel" notebooks/*.ipynb 2>&1 \
    | grep -v -E 'Debugger warning|frozen modules|Debugging will proceed|Microsoft.Hosting.Lifetime|^      (Now listening|Application|Hosting environment|Content root)' \
    | tee "$log"
  passed=$((passed+$(grep -c '^ok ' "$log"))); failed=$((failed+$(grep -c '^FAIL ' "$log")))
  grep -q '^notebooks: ' "$log" || fail "$kernel: notebook execution did not finish"
done
rm -f "$log"
finish
