#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, for CI and for trying the job-array scripts: munge, slurmctld and
# slurmd with all their state in one folder. Needs root and Debian's slurmctld, slurmd, slurm-client and munge.
#   scripts/slurm/local-cluster.sh start DIR   # prints the SLURM_CONF to export; waits until the node is idle
#   scripts/slurm/local-cluster.sh stop DIR
# Ports are picked at random (SLURM_PORT overrides) so two clusters on one machine do not collide.
set -euo pipefail
cmd=${1:?usage: local-cluster.sh start|stop DIR}
dir=${2:?usage: local-cluster.sh start|stop DIR}

stop() {
  for daemon in slurmd slurmctld munged; do
    # The daemons remove their own pid files on exit, so a file may vanish between the test and the read.
    pid=$(cat "$dir/$daemon.pid" 2>/dev/null) || continue
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$dir/$daemon.pid"
  done
}

if [ "$cmd" = stop ]; then
  stop
  exit 0
fi

mkdir -p "$dir/munge" "$dir/log" "$dir/state" "$dir/spool"
chmod 0700 "$dir/munge"
# A fresh random key: this cluster trusts nobody else's.
dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
chmod 0400 "$dir/munge/munge.key"
munged --force --socket="$dir/munge/sock" --key-file="$dir/munge/munge.key" --pid-file="$dir/munged.pid" \
  --log-file="$dir/log/munged.log" --seed-file="$dir/munge/seed"
port=${SLURM_PORT:-$((20000 + RANDOM % 20000))}
cpus=$(nproc)
cat > "$dir/slurm.conf" <<CONF
ClusterName=local
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$dir/munge/sock
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
ReturnToService=2
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$dir/slurm.conf
slurmctld -i
slurmd -N localhost
for _ in $(seq 60); do
  if sinfo -h -o %T 2>/dev/null | grep -q idle; then
    echo "$SLURM_CONF"
    exit 0
  fi
  sleep 0.5
done
echo "local-cluster: the node did not become idle; logs in $dir/log" >&2
stop
exit 1
