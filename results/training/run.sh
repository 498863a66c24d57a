#!/usr/bin/env bash
# Reproduces results/training/: the Onen et al. comparison on the 8x8 digits (FP, SGD, Tiki-Taka, TTv2, SHD;
# 3 seeds; asymmetric soft-bounds card and symmetric idealized card), SGD and SHD against the device's
# asymmetry, and each algorithm's energy per epoch by block. Usage: results/training/run.sh [EPOCHS]
set -euo pipefail
cd "$(dirname "$0")/../.."
epochs=${1:-10}
seeds=1,2,3
out=results/training
dotnet build -c Release src/Cli -v quiet -nologo >/dev/null
engram() { dotnet src/Cli/bin/Release/net10.0/engram.dll "$@"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out/runs" "$out/breakdown"

# The same chip on the symmetric card; and on soft-bounds cards with bounds +/-b (asymmetry kappa = 1/b).
sed "s#card: ../devices/softbounds.yaml#card: $PWD/arch/devices/idealized.yaml#" arch/chips/train-digits.yaml > "$tmp/idealized.yaml"
cp arch/chips/train-digits.yaml "$tmp/softbounds.yaml"
sed -i "s#card: ../devices/softbounds.yaml#card: $PWD/arch/devices/softbounds.yaml#" "$tmp/softbounds.yaml"
for b in 4 2 1 0.6 0.4; do
  sed "s#^  mapping: reference_column.*#  mapping: reference_column\n  pulse_response: {w_max: $b, w_min: -$b}#" "$tmp/softbounds.yaml" > "$tmp/bounds-$b.yaml"
done

summarise() { # device algorithm csv -> one line per seed: device,algorithm,seed,test_accuracy,energy_j,latency_ps,update_energy_j,write_verify_energy_j,update_latency_ps,write_verify_latency_ps
  awk -F, -v dev="$1" -v alg="$2" -v last="$epochs" 'NR==1{for(i=1;i<=NF;i++)c[$i]=i; next}
    {e[$2]+=$(c["energy_j"]); l[$2]+=$(c["latency_ps"]); u[$2]+=$(c["update_energy_j"])+$(c["transfer_energy_j"]); ul[$2]+=$(c["update_latency_ps"])+$(c["transfer_latency_ps"]);
     wv[$2]+=$(c["write_verify_energy_j"]); wl[$2]+=$(c["write_verify_latency_ps"]); if($3==last) acc[$2]=$(c["test_accuracy"])}
    END{for(s in acc) printf "%s,%s,%s,%.4f,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g\n", dev, alg, s, acc[s], e[s]/last, l[s]/last, u[s]/last, wv[s]/last, ul[s]/last, wl[s]/last}' "$3" | sort -t, -k3n
}

header=device,algorithm,seed,test_accuracy,energy_per_epoch_j,latency_per_epoch_ps,update_energy_per_epoch_j,write_verify_energy_per_epoch_j,update_latency_per_epoch_ps,write_verify_latency_per_epoch_ps
echo "$header" > "$out/accuracy.csv"
for device in softbounds idealized; do
  for alg in fp sgd tiki-taka ttv2 shd; do
    engram train "$tmp/$device.yaml" --algorithm "$alg" --epochs "$epochs" --seeds "$seeds" --out "$tmp/$device-$alg" 2>/dev/null | tail -n +1 >&2
    cp "$tmp/$device-$alg/training.csv" "$out/runs/$device-$alg.csv"
    [ "$device" = softbounds ] && cp "$tmp/$device-$alg/breakdown.csv" "$out/breakdown/$alg.csv"
    summarise "$device" "$alg" "$tmp/$device-$alg/training.csv" >> "$out/accuracy.csv"
  done
done

echo "bound,kappa,$header" > "$out/asymmetry.csv"
for b in 4 2 1 0.6 0.4; do
  for alg in sgd shd; do
    engram train "$tmp/bounds-$b.yaml" --algorithm "$alg" --epochs "$epochs" --seeds "$seeds" --out "$tmp/bounds-$b-$alg" 2>/dev/null >&2
    cp "$tmp/bounds-$b-$alg/training.csv" "$out/runs/bounds-$b-$alg.csv"
    summarise "bounds-$b" "$alg" "$tmp/bounds-$b-$alg/training.csv" | awk -v b="$b" '{printf "%s,%.4g,%s\n", b, 1/b, $0}' >> "$out/asymmetry.csv"
  done
done

# Energy per epoch by block kind on the asymmetric card (mean over seeds and epochs).
kinds="crossbar row_driver column_driver adc shift_add adder_tree pulse_generator digital_unit"
echo "algorithm,energy_per_epoch_j,$(echo $kinds | sed 's/ /_j,/g')_j" > "$out/blocks.csv"
for alg in sgd tiki-taka ttv2 shd; do
  awk -F, -v alg="$alg" -v kinds="$kinds" 'NR==1{for(i=1;i<=NF;i++)c[$i]=i; n=split(kinds,k," "); next}
    {rows++; e+=$(c["energy_j"]); for(j=1;j<=n;j++) s[j]+=$(c[k[j]"_energy_j"])}
    END{printf "%s,%.6g", alg, e/rows; for(j=1;j<=n;j++) printf ",%.6g", s[j]/rows; printf "\n"}' "$out/runs/softbounds-$alg.csv" >> "$out/blocks.csv"
done

# Means over seeds, for the notes.
awk -F, 'NR>1{k=$1","$2; n[k]++; a[k]+=$4; a2[k]+=$4*$4} END{for(k in n){m=a[k]/n[k]; v=a2[k]/n[k]-m*m; printf "%s,%.4f,%.4f\n", k, m, (v>0?sqrt(v):0)}}' "$out/accuracy.csv" | sort > "$out/accuracy-mean.csv"
sed -i '1i device,algorithm,mean_test_accuracy,std_test_accuracy' "$out/accuracy-mean.csv"
awk -F, 'NR>1{k=$1","$2","$4; n[k]++; a[k]+=$6} END{for(k in n) printf "%s,%.4f\n", k, a[k]/n[k]}' "$out/asymmetry.csv" | sort -t, -k2gr > "$out/asymmetry-mean.csv"
sed -i '1i bound,kappa,algorithm,mean_test_accuracy' "$out/asymmetry-mean.csv"
cat "$out/accuracy-mean.csv" "$out/asymmetry-mean.csv" "$out/blocks.csv"
