#!/usr/bin/env bash
# Submits a sweep as a Slurm job array of TASKS shards plus a dependent merge (and report) job.
#   scripts/slurm/submit.sh SWEEP.yaml OUT_DIR TASKS [--wait] [extra sbatch options...]
# With --wait it blocks until the merge job ends and exits with its code (non-zero also when a shard failed:
# the merge is then cancelled, as its dependency can never be met). Job logs go to OUT_DIR/slurm-*.out.
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 SWEEP.yaml OUT_DIR TASKS [--wait] [sbatch options...]" >&2
  exit 2
fi
sweep=$1
out=$2
tasks=$3
shift 3
wait=()
if [ "${1:-}" = "--wait" ]; then
  wait=(--wait)
  shift
fi
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
array=$(sbatch --parsable --array="0-$((tasks - 1))" --output="$out/slurm-%A_%a.out" "$@" "$here/sweep.sbatch" "$sweep" "$out")
array=${array%%;*}
echo "sweep array job $array ($tasks tasks)"
merge_out="$out/slurm-merge-%j.out"
if [ ${#wait[@]} -gt 0 ]; then
  echo "merge job queued after $array; waiting"
  sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes --output="$merge_out" "${wait[@]}" "$@" "$here/merge.sbatch" "$out"
else
  merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes --output="$merge_out" "$@" "$here/merge.sbatch" "$out")
  echo "merge job ${merge%%;*} runs after $array: $out/sweep.csv, $out/report.html"
fi
