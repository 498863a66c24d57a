#!/usr/bin/env bash
# A short MNIST check on arch/chips/train-mnist.yaml (784-256-128-10): FP, SGD and SHD on 2000 evenly spaced
# training images for 2 epochs, seed 1, tested on the 1996 test images. Usage: results/training/mnist.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release src/Cli -v quiet -nologo >/dev/null
mkdir -p results/training/mnist
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for alg in fp sgd shd; do
  dotnet src/Cli/bin/Release/net10.0/engram.dll train arch/chips/train-mnist.yaml --task mnist --algorithm "$alg" \
    --samples 2000 --epochs 2 --seed 1 --out "$tmp/$alg" | tee -a "$tmp/summary.txt"
  cp "$tmp/$alg/training.csv" "results/training/mnist/$alg.csv"
done
grep "test accuracy" "$tmp/summary.txt" > results/training/mnist/summary.txt
