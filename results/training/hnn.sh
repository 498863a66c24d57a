#!/usr/bin/env bash
# Reproduces results/training/hnn/: He et al.'s hardware-adaptive memory trained with hnn64.yaml in the loop
# (its own fault map at 0 and 50 % stuck devices) and recalled on it, P = 4..28. Usage: results/training/hnn.sh [EPOCHS]
set -euo pipefail
cd "$(dirname "$0")/../.."
epochs=${1:-300}
dotnet build -c Release src/Cli -v quiet -nologo >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dotnet src/Cli/bin/Release/net10.0/engram.dll train arch/chips/hnn64.yaml --task hnn --algorithm adaptive \
  --patterns 4,8,12,16,20,24,28 --faults 0,0.5 --epochs "$epochs" --seed 1 --out "$tmp/hnn" | tee results/training/hnn/summary.txt
cp "$tmp/hnn/hnn.csv" "$tmp/hnn/breakdown.csv" results/training/hnn/
