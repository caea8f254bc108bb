#!/usr/bin/env bash
# A sweep through a real Slurm: this script starts a one-node cluster of its own (munge, slurmctld,
# slurmd, all in a temporary folder), submits a small sweep with `xmw sweep --slurm --submit`, waits
# for its arrays, and checks that it made the same runs, with the same scores, as the same sweep run
# here with --jobs. Where the daemons cannot start (not root, no Slurm, a sandbox that forbids them)
# it says why and exits 77, which CTest reports as skipped, never as passed.
# Usage: slurm_sweep_test.sh XMW WORKDIR
set -uo pipefail
xmw=$1 work=$2
skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAILED: $*"; [ -n "${logs:-}" ] && tail -n 20 "$logs"/*.log 2>/dev/null; exit 1; }

[ "$(id -u)" -eq 0 ] || skip "the test cluster's daemons need root (SlurmUser=root, the munge key in /etc/munge)"
for tool in slurmctld slurmd sbatch squeue sinfo munged; do
    command -v "$tool" >/dev/null || skip "$tool is not installed (Debian packages slurm-wlm and munge)"
done

rm -rf "$work"
mkdir -p "$work"/{state,spool,logs}
logs="$work/logs"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    sleep 1
    for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null; done
}
trap cleanup EXIT

# munge: a key, its run folder, and the daemon as the munge user (unless one runs already).
if ! munge -n </dev/null >/dev/null 2>&1; then
    if [ ! -s /etc/munge/munge.key ]; then
        mkdir -p /etc/munge
        dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none || skip "cannot write /etc/munge/munge.key"
    fi
    chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
    mkdir -p /run/munge /var/lib/munge /var/log/munge
    chown munge:munge /run/munge /var/lib/munge /var/log/munge
    runuser -u munge -- munged --force >"$logs/munged.log" 2>&1 || skip "munged did not start: $(tail -n 3 "$logs/munged.log")"
    for _ in $(seq 50); do munge -n </dev/null >/dev/null 2>&1 && break; sleep 0.1; done
    munge -n </dev/null >/dev/null 2>&1 || skip "munge does not answer"
    started_munge=$(cat /run/munge/munged.pid 2>/dev/null)
    [ -n "$started_munge" ] && pids+=("$started_munge")
fi

node=$(hostname -s)
cpus=$(nproc)
port=$((20000 + RANDOM % 20000))
cat >"$work/slurm.conf" <<EOF
ClusterName=xmwtest
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
SlurmctldPort=$port
SlurmdPort=$((port + 1))
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$logs/slurmctld.log
SlurmdLogFile=$logs/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$work/slurm.conf"

slurmctld -i -D >"$logs/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -N "$node" >"$logs/slurmd.out" 2>&1 &
pids+=($!)
for _ in $(seq 60); do
    sinfo -h -o '%T' 2>/dev/null | grep -qx idle && break
    kill -0 "${pids[-1]}" 2>/dev/null || break
    sleep 0.5
done
sinfo -h -o '%T' 2>/dev/null | grep -qx idle ||
    skip "the test cluster did not come up: $(tail -n 2 "$logs/slurmctld.log" "$logs/slurmd.log" 2>/dev/null | tr '\n' ' ')"
echo "one-node Slurm up: $node, $cpus CPUs"

"$xmw" make-demo --out "$work/demo" --resolution 6 --years 2015-2016 >/dev/null || fail "make-demo"
grid='"models": ["lstm", "gru"], "methods": ["scratch", "finetune"], "epochs": 1, "options": {"hidden": 8, "batch": 32}, "pretrain": {"tem-fraction": 0.05}'
echo "{\"name\": \"on-slurm\", \"dataset\": \"demo\", $grid}" >"$work/slurm.json"
echo "{\"name\": \"here\", \"dataset\": \"demo\", $grid}" >"$work/here.json"

"$xmw" sweep "$work/slurm.json" --slurm --submit --partition test --time 00:20:00 --cpus-per-task 1 || fail "xmw sweep --slurm --submit"
for _ in $(seq 600); do
    [ -z "$(squeue -h 2>/dev/null)" ] && break
    sleep 1
done
[ -z "$(squeue -h)" ] || fail "the arrays did not finish in 10 minutes: $(squeue -h | head -n 5)"
cat "$work/demo/runs/on-slurm/slurm/"*.out
status=$("$xmw" sweep "$work/slurm.json" --status) || fail "xmw sweep --status"
echo "$status"
echo "$status" | tail -n 1 | grep -qx '6 done' || fail "not every run finished through Slurm"

"$xmw" sweep "$work/here.json" --jobs 1 --threads 1 2>/dev/null || fail "the same sweep here"
scores() { "$xmw" sweep "$1" --status | grep '^  done' | sed 's/  */ /g' | sort; }
diff <(scores "$work/slurm.json") <(scores "$work/here.json") || fail "Slurm's runs differ from the local ones"
echo "6 runs through Slurm (2 arrays and a dependent one), the same as here"

# One run as one distributed run over 2 Slurm tasks (srun inside the array task's allocation).
if [ "$cpus" -ge 2 ]; then
    echo '{"name": "two-tasks", "dataset": "demo", "models": ["lstm"], "methods": ["scratch"], "epochs": 2,
           "options": {"hidden": 8, "batch": 32, "dropout": 0}}' >"$work/two.json"
    "$xmw" sweep "$work/two.json" --slurm --submit --partition test --time 00:10:00 --cpus-per-task 1 --ntasks 2 ||
        fail "xmw sweep --slurm --ntasks 2 --submit"
    grep -qx '#SBATCH --ntasks=2' "$work/demo/runs/two-tasks/slurm/independent.sbatch" || fail "the script does not ask for 2 tasks"
    for _ in $(seq 300); do
        [ -z "$(squeue -h 2>/dev/null)" ] && break
        sleep 1
    done
    cat "$work/demo/runs/two-tasks/slurm/"*.out
    log="$work/demo/runs/two-tasks/lstm-scratch-temporal-p100-s0.log"
    cat "$log"
    "$xmw" sweep "$work/two.json" --status | tail -n 1 | grep -qx '1 done' || fail "the 2-task run did not finish"
    grep -q 'distributed: 2 processes (Slurm)' "$log" || fail "the run was not one run over 2 Slurm tasks"
    echo "1 run over 2 Slurm tasks (srun)"
else
    echo "not tried: a run over 2 Slurm tasks (this machine has one CPU)"
fi
echo "PASSED"
