#!/usr/bin/env bash
# Regenerates results/sensitivity-hnn64/: the hardware sweep (arch/sweeps/hnn64-sensitivity.yaml), the
# convergence sweep (arch/sweeps/hnn64-convergence.yaml), each merged and reported, the shipped chip's own
# comparison, and summary.md. Usage: results/sensitivity-hnn64/run.sh [JOBS]   (default 2; needs dotnet, python3)
set -euo pipefail
cd "$(dirname "$0")/../.."
jobs=${1:-2}
out=results/sensitivity-hnn64
dotnet build -c Release src/Cli -v quiet -nologo >/dev/null
engram() { dotnet src/Cli/bin/Release/net10.0/engram.dll "$@"; }

# A point's id hashes the sweep, chip and card texts, not the simulator, so after a change to the code a re-run
# into the old folder would take every point as done. Each sweep therefore runs from scratch into a new folder,
# which replaces the old one only once it is complete, merged and reported.
run_sweep() { # SWEEP_FILE DEST
  local new="$2.new"
  rm -rf "$new"
  engram sweep "$1" --out "$new" --jobs "$jobs"
  engram merge "$new"
  engram report "$new"
  rm -rf "$2.old"
  if [ -d "$2" ]; then mv "$2" "$2.old"; fi
  mv "$new" "$2"
  rm -rf "$2.old"
}

start=$(date +%s)
run_sweep arch/sweeps/hnn64-sensitivity.yaml "$out/hardware"
run_sweep arch/sweeps/hnn64-convergence.yaml "$out/convergence"
engram compare arch/chips/hnn64.yaml --json > "$out/compare-hnn64.json.new"
mv "$out/compare-hnn64.json.new" "$out/compare-hnn64.json"
python3 "$out/summarize.py" "$out" > "$out/summary.md.new"
mv "$out/summary.md.new" "$out/summary.md"
echo "results/sensitivity-hnn64 regenerated in $(( $(date +%s) - start )) s (jobs $jobs)" >&2
