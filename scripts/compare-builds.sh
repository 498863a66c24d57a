#!/usr/bin/env bash
# Runs every shipped chip's `run` (sync and async, --out) and `compare` / `compare --json` with two builds of the
# `engram` command and diffs the two output trees, so a change that must not move results can be checked byte for
# byte. Usage: scripts/compare-builds.sh BASE_DLL NEW_DLL OUT [CHIP...]
#   BASE_DLL, NEW_DLL: src/Cli/bin/Release/net10.0/engram.dll of the two builds; OUT: a fresh folder.
#   CHIPs default to hnn64 hnn64-multilayer tiled-256 tiled-1024 (names under arch/chips/).
# The chips are read from the working tree this script lives in, so both builds see the same YAML.
set -euo pipefail
if [ $# -lt 3 ]; then
  sed -n '2,7p' "$0" >&2
  exit 2
fi
base=$1 new=$2 out=$3
shift 3
chips=("$@")
[ ${#chips[@]} -eq 0 ] && chips=(hnn64 hnn64-multilayer tiled-256 tiled-1024)
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"

run_all() {
  local dll=$1 dir=$2
  mkdir -p "$dir"
  for chip in "${chips[@]}"; do
    local yaml="$root/arch/chips/$chip.yaml"
    dotnet "$dll" compare "$yaml" > "$dir/$chip.compare.txt"
    dotnet "$dll" compare "$yaml" --json > "$dir/$chip.compare.json"
    # Write-verify samples every device's pulse parameters: the path a read-only array never takes.
    dotnet "$dll" compare "$yaml" --json --program write-verify > "$dir/$chip.compare-write-verify.json"
    for schedule in sync async; do
      # stdout names the output folder, which differs between the two runs; the folder itself is what is compared.
      dotnet "$dll" run "$yaml" --schedule "$schedule" --out "$dir/$chip.run-$schedule" > /dev/null
    done
  done
}

run_all "$base" "$out/base"
run_all "$new" "$out/new"
if diff -r "$out/base" "$out/new"; then
  echo "identical: ${chips[*]}"
else
  echo "DIFFERENT (see above)" >&2
  exit 1
fi
