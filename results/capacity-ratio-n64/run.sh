#!/usr/bin/env bash
# Reproduces results/capacity-ratio-n64/: the adaptive/pinv capacity ratio at 50 % stuck devices, N = 64, on random,
# digits and MNIST patterns, under the paper protocol (one pattern subset per P) and the robust variants
# (--subsets K: K independent pattern subsets per P, each with its own cue trials), in software and on hnn64.yaml.
# Usage: results/capacity-ratio-n64/run.sh [software|chip|table|all]   (default all; each run's folder is replaced
# as a whole, so any part can be re-run alone, e.g. `run.sh chip` after a change to the chip model, then `run.sh table`).
set -euo pipefail
cd "$(dirname "$0")/../.."
what=${1:-all}
out=results/capacity-ratio-n64
seed=11
chip=arch/chips/hnn64.yaml
datasets="random digits mnist"
rules="pinv adaptive"
# ENGRAM=path/to/engram.dll runs a given build instead of building this checkout.
if [ -z "${ENGRAM:-}" ]; then
  [ "$what" = table ] || dotnet build -c Release src/Cli -v quiet -nologo >/dev/null
  ENGRAM=src/Cli/bin/Release/net10.0/engram.dll
fi
engram() { dotnet "$ENGRAM" "$@"; }

run() { # platform protocol dataset rule [capacity options...]; summary printout next to the folder
  local platform=$1 protocol=$2 dataset=$3 rule=$4 start=$SECONDS
  shift 4
  local dir=$out/$platform/$protocol/$dataset/$rule
  mkdir -p "$(dirname "$dir")"
  engram capacity --rule "$rule" --dataset "$dataset" --seed "$seed" --quiet --out "$dir" "$@" > "$dir.txt"
  rm -f "$dir/report.html"  # `engram report DIR` redraws it; the CSVs are what this folder keeps
  echo "$platform $protocol $dataset $rule: $((SECONDS - start)) s wall" | tee -a "$out/timings-$platform.txt" >&2
}

# Protocols in order of cost (the paper protocol learns once per P, the robust ones K times); all on P = 1..24
# (step 1, the capacities at 50 % faults are far below 24: censored values are marked in ratio.csv), plus the paper
# protocol on the default grid P = 4, 8, .., 128. PROTOCOLS, DATASETS and RULES (space separated) select a part.
protocols=${PROTOCOLS:-"paper paper-grid4 subsets8 paper-cue10 paper-weights50 paper-adc10"}
# hnn64.yaml with 10-bit instead of 5-bit converters (a diagnostic: how much of the chip's loss is quantization).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -e "s#card: ../devices/#card: $PWD/arch/devices/#" -e "s#^    bits: 5 #    bits: 10 #" "$chip" > "$tmp/hnn64-adc10.yaml"
grep -q "^    bits: 10 " "$tmp/hnn64-adc10.yaml"
datasets=${DATASETS:-$datasets}
rules=${RULES:-$rules}
options() { # platform protocol -> the capacity options of that protocol
  case "$1/$2" in
    software/paper) echo "--faults 0.5 --n 64 --trials 20 --grid 1:24:1" ;;
    software/paper-grid4) echo "--faults 0.5 --n 64 --trials 20" ;;
    software/subsets8) echo "--faults 0.5 --n 64 --trials 20 --grid 1:24:1 --subsets 8" ;;
    # The He et al. notebook's cue: 10 % of the bits flipped instead of the script's 5 %.
    software/paper-cue10) echo "--faults 0.5 --n 64 --trials 20 --grid 1:24:1 --cue-flip 0.1" ;;
    # Every recall simulated on the chip: 10 cue trials for the paper protocol, 4 subsets x 5 trials for the robust one.
    chip/paper) echo "--faults 0.5 --chip $chip --trials 10 --grid 1:24:1" ;;
    chip/subsets4) echo "--faults 0.5 --chip $chip --trials 5 --grid 1:24:1 --subsets 4" ;;
    # On the chip a weight is lost when either device of its differential pair is stuck, 1 - (1 - p)^2 of the weights:
    # device rate 1 - sqrt(0.5) = 0.2929 loses half the weights, the software model's 50 %.
    chip/paper-weights50) echo "--faults 0.2929 --chip $chip --trials 10 --grid 1:24:1" ;;
    # Its recalls simulate slower, so a shorter grid, 5 trials and random patterns only.
    chip/paper-adc10) echo "--faults 0.5 --chip $tmp/hnn64-adc10.yaml --trials 5 --grid 1:12:1" ;;
    *) return 1 ;;
  esac
}

for platform in software chip; do
  [ "$what" = "$platform" ] || [ "$what" = all ] || continue
  for protocol in $protocols; do
    [ "$platform" = chip ] && [ "$protocol" = subsets8 ] && protocol=subsets4
    [ "$platform" = chip ] && [ "$protocol" = paper-grid4 ] && continue
    [ "$platform" = software ] && [ "$protocol" = paper-weights50 ] && continue
    [ "$platform" = chip ] && [ "$protocol" = paper-cue10 ] && continue
    [ "$platform" = software ] && [ "$protocol" = paper-adc10 ] && continue
    for dataset in $datasets; do
      [ "$protocol" = paper-adc10 ] && [ "$dataset" != random ] && continue
      for rule in $rules; do
        # shellcheck disable=SC2046
        run "$platform" "$protocol" "$dataset" "$rule" $(options "$platform" "$protocol")
      done
    done
  done
done

# ratio.csv: per platform, protocol, dataset and criterion, the capacity of each rule and adaptive/pinv. "pooled" is the
# capacity of the curve averaged over all subsets and trials; "subset_median" the median (and min..max) of the
# capacities each subset draw gives on its own (draw 0 is the paper protocol's). censored = yes when a capacity is the
# grid's largest P (the true value may be larger).
awk -F, -v OFS=, '
  function median(list,   a, n, i, j, t) { n = split(list, a, " "); for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
    lo = a[1]; hi = a[n]; return n % 2 ? a[(n + 1) / 2] : (a[n/2] + a[n/2 + 1]) / 2 }
  function ratio(a, p) { return p > 0 ? sprintf("%.2f", a / p) : "undefined" }
  function censored(key, p, a) { return (p + 0 >= top[key, "pinv"] || a + 0 >= top[key, "adaptive"]) ? "yes" : "no" }
  BEGIN { crit[1] = "capacity_099"; crit[2] = "capacity_095"; crit[3] = "capacity_exact_099"; crit[4] = "capacity_exact_095"
          name[1] = "similarity,0.99"; name[2] = "similarity,0.95"; name[3] = "exact,0.99"; name[4] = "exact,0.95"
          print "platform,protocol,dataset,criterion,threshold,statistic,pinv,adaptive,ratio,pinv_min,pinv_max,adaptive_min,adaptive_max,subsets,censored" }
  FNR == 1 { split(FILENAME, part, "/"); key = part[3] SUBSEP part[4] SUBSEP part[5]; rule = part[6]; kind = part[7]
             for (i = 1; i <= NF; i++) col[$i] = i; next }
  kind == "capacity.csv" { keys[key] = 1; for (c = 1; c <= 4; c++) pooled[key, rule, c] = $(col[crit[c]]) }
  kind == "capacity-subsets.csv" { for (c = 1; c <= 4; c++) draws[key, rule, c] = draws[key, rule, c] " " $(col[crit[c]]) }
  kind == "capacity-curve.csv" { if ($(col["patterns"]) + 0 > top[key, rule]) top[key, rule] = $(col["patterns"]) + 0 }
  END { for (key in keys) { split(key, k, SUBSEP); if (!((key, "pinv", 1) in pooled) || !((key, "adaptive", 1) in pooled)) continue
          for (c = 1; c <= 4; c++) {
            p = pooled[key, "pinv", c]; a = pooled[key, "adaptive", c]; n = split(draws[key, "pinv", c], tmp, " ")
            print k[1], k[2], k[3], name[c], "pooled", p, a, ratio(a, p), "", "", "", "", n, censored(key, p, a)
            if (n > 1) { mp = median(draws[key, "pinv", c]); plo = lo; phi = hi; ma = median(draws[key, "adaptive", c])
              print k[1], k[2], k[3], name[c], "subset_median", mp, ma, ratio(ma, mp), plo, phi, lo, hi, n, censored(key, phi, hi) } } } }
' $(find "$out" -mindepth 5 \( -name capacity.csv -o -name capacity-subsets.csv -o -name capacity-curve.csv \) | sort) \
  | { read -r header; echo "$header"; sort -t, -k1,1 -k2,2 -k3,3 -k4,4 -k5,5r -k6,6; } > "$out/ratio.csv"
# ratio.md: the same as one table, a row per (platform, protocol, dataset, statistic), a column per criterion, each cell
# "pinv / adaptive = ratio" (an asterisk marks a censored value).
awk -F, '
  NR == 1 { next }
  { row = $1 " | " $2 " | " $3 " | " $6; if (!(row in seen)) { seen[row] = 1; order[++rows] = row }
    cell[row, $4 " " $5] = $7 " / " $8 " = " $9 ($15 == "yes" ? "*" : "") }
  END { print "| platform | protocol | dataset | statistic | similarity ≥ 0.99 | similarity ≥ 0.95 | exact ≥ 0.99 | exact ≥ 0.95 |"
        print "|---|---|---|---|---|---|---|---|"
        for (i = 1; i <= rows; i++) { r = order[i]
          printf "| %s | %s | %s | %s | %s |\n", r, cell[r, "similarity 0.99"], cell[r, "similarity 0.95"], cell[r, "exact 0.99"], cell[r, "exact 0.95"] } }
' "$out/ratio.csv" > "$out/ratio.md"
echo "wrote $out/ratio.csv and $out/ratio.md" >&2
