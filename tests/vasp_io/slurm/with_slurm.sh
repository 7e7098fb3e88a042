#!/usr/bin/env bash
# Starts a private one-node Slurm cluster on loopback (munged + slurmctld + slurmd, one node with
# 2 CPUs, generated slurm.conf in a temp folder), runs "$@" with SLURM_CONF pointing at it, then
# stops the daemons. Exit 1 when Slurm or munge is not installed (tools/setup.sh installs them);
# exit 77 (= skip, which tools/check_no_skips.sh fails) with a message on stderr when the daemons
# cannot start here; otherwise the command's exit status.
set -u

skip() { echo "with_slurm: SKIP: $*" >&2; exit 77; }

for exe in munged slurmctld slurmd sbatch squeue scontrol; do
  if ! command -v "$exe" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$exe" ]; then
    echo "with_slurm: $exe not found: tools/setup.sh installs Debian's slurm-wlm and munge" >&2
    exit 1
  fi
done
PATH="$PATH:/usr/sbin"

work=$(mktemp -d "${TMPDIR:-/tmp}/fw-slurm.XXXXXX") || skip "cannot create a temp folder"
user=$(id -un)
cpus=2
# Ports derived from the PID so that two test runs on one machine do not collide.
port=$((20000 + ($$ % 20000)))

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null
  done
  if [ -z "${FW_SLURM_KEEP:-}" ]; then rm -rf "$work"; else echo "with_slurm: kept $work" >&2; fi
}
trap cleanup EXIT

mkdir -p "$work/munge" "$work/spool/ctld" "$work/spool/d" "$work/log"
chmod 700 "$work/munge"
# A fresh random munge key for this private cluster.
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 2>/dev/null
chmod 400 "$work/munge/munge.key"
munge_socket="$work/munge/munge.socket"
munged --force --key-file="$work/munge/munge.key" --socket="$munge_socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/log/munged.log" \
  --seed-file="$work/munge/munged.seed" 2>"$work/log/munged.err" ||
  skip "munged does not start: $(tail -n 2 "$work/log/munged.err" "$work/log/munged.log" 2>/dev/null | tr '\n' ' ')"
for _ in $(seq 50); do [ -s "$work/munge/munged.pid" ] && break; sleep 0.1; done
[ -s "$work/munge/munged.pid" ] && pids+=("$(cat "$work/munge/munged.pid")")

cat >"$work/slurm.conf" <<CONF
ClusterName=fwtest
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=$user
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$munge_socket
StateSaveLocation=$work/spool/ctld
SlurmdSpoolDir=$work/spool/d
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
MinJobAge=600
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
Waittime=0
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=1000 State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
cat >"$work/cgroup.conf" <<CONF
CgroupPlugin=autodetect
IgnoreSystemd=yes
CONF
export SLURM_CONF="$work/slurm.conf"

slurmctld -c -f "$SLURM_CONF" 2>"$work/log/slurmctld.err" ||
  skip "slurmctld does not start: $(tail -n 3 "$work/log/slurmctld.err" "$work/log/slurmctld.log" 2>/dev/null | tr '\n' ' ')"
for _ in $(seq 50); do [ -s "$work/slurmctld.pid" ] && break; sleep 0.1; done
[ -s "$work/slurmctld.pid" ] && pids+=("$(cat "$work/slurmctld.pid")")
slurmd -f "$SLURM_CONF" 2>"$work/log/slurmd.err" ||
  skip "slurmd does not start: $(tail -n 3 "$work/log/slurmd.err" "$work/log/slurmd.log" 2>/dev/null | tr '\n' ' ')"
for _ in $(seq 50); do [ -s "$work/slurmd.pid" ] && break; sleep 0.1; done
[ -s "$work/slurmd.pid" ] && pids+=("$(cat "$work/slurmd.pid")")

# Wait for the node to be schedulable.
ready=0
for _ in $(seq 150); do
  state=$(sinfo -h -N -o %T 2>/dev/null | head -n 1)
  case "$state" in idle*|mixed*|allocated*) ready=1; break ;; esac
  sleep 0.2
done
if [ "$ready" -ne 1 ]; then
  skip "the Slurm node did not become idle (state '${state:-none}'): $(tail -n 3 "$work/log/slurmd.log" "$work/log/slurmctld.log" 2>/dev/null | tr '\n' ' ')"
fi
echo "with_slurm: cluster up (SLURM_CONF=$SLURM_CONF)" >&2

"$@"
status=$?
if [ $status -ne 0 ]; then
  echo "with_slurm: command failed ($status); last log lines:" >&2
  tail -n 5 "$work/log/slurmctld.log" "$work/log/slurmd.log" >&2 2>/dev/null
fi
exit $status
