#!/usr/bin/env bash
# Trains the lecture's MNIST model with nnlab, PyTorch and numpy, alternately, and prints the medians.
#
#   scripts/bench-peers.sh [--dataset fashion|mnist10k] [--rounds 3] [--threads 1] [--batch 32]
#                          [--peers "nnlab torch numpy"]
#
# Each round runs every peer once, back to back, so a noisy shared machine slows them alike; each run
# appends its RESULT line to target/bench-results/<dataset>-t<threads>-b<batch>.jsonl and the summary compares the
# medians over rounds. Needs: apt-get install -y python3-torch python3-numpy python3-threadpoolctl
# dataset-fashion-mnist libopenblas0-pthread (numpy otherwise falls back to the reference BLAS).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dataset=fashion rounds=3 threads=1 batch=32 peers="nnlab torch numpy"
peerdir="${NNLAB_PEERS:-$here/../shared/bench/peers}"
[ -d "$peerdir" ] || peerdir=/work/shared/bench/peers
while [ $# -gt 0 ]; do
  case "$1" in
    --dataset) dataset="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --batch) batch="$2"; shift 2 ;;
    --peers) peers="$2"; shift 2 ;;
    *) echo "bench-peers: unknown option $1 (expected --dataset, --rounds, --threads, --batch, --peers)" >&2; exit 2 ;;
  esac
done

jar="$here/curriculum/target/nnlab.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$here" -path '*/target' -prune -o -name '*.java' -newer "$jar" -print -quit)" ]; then
  mvn -q -B -Dstyle.color=never -f "$here/pom.xml" -DskipTests -pl curriculum -am package
fi
# The benchmark is a test source: it is not part of nnlab.jar.
jar="$jar:$here/curriculum/target/test-classes"

# The JVM flags, explained in BENCHMARKS.md: a serial collector and a heap sized to the data (the
# images stay bytes) keep the whole process's peak RSS below the numpy peer's; nothing else is tuned.
JAVA_FLAGS=(-XX:+UseSerialGC -Xms96m -Xmx128m -XX:-UsePerfData)
py=/usr/bin/python3   # Debian's python, where python3-torch and python3-numpy are installed

out="$here/target/bench-results/$dataset-t$threads-b$batch.jsonl"
mkdir -p "$(dirname "$out")"
for round in $(seq 1 "$rounds"); do
  for peer in $peers; do
    echo "round $round/$rounds: $peer (load $(cut -d' ' -f1 /proc/loadavg))" >&2
    case "$peer" in
      nnlab) java "${JAVA_FLAGS[@]}" -cp "$jar" org.nnlab.curriculum.bench.MnistBenchmark \
               --dataset "$dataset" --threads "$threads" --batch "$batch" --out "$out" | grep '^RESULT' ;;
      torch) (cd "$peerdir" && "$py" mlp_torch.py --dataset "$dataset" --threads "$threads" --batch "$batch" --out "$out") 2>/dev/null \
               | grep '^RESULT' ;;
      # The machine's OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE slow a current OpenBLAS: unset for this run only.
      numpy) (cd "$peerdir" && env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
               "$py" mlp_numpy.py --dataset "$dataset" --threads "$threads" --batch "$batch" --out "$out") 2>/dev/null | grep '^RESULT' ;;
      *) echo "bench-peers: unknown peer $peer (expected nnlab, torch, numpy)" >&2; exit 2 ;;
    esac
  done
done

"$py" - "$out" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
by = {}
for r in rows:
    by.setdefault(r["peer"], []).append(r)
print(f"{'peer':6} {'runs':>4} {'epoch s':>8} {'samples/s':>10} {'test acc':>8} {'infer s':>8} {'peak MB':>8}")
med = {}
for peer, rs in by.items():
    m = lambda k: statistics.median(r[k] for r in rs)
    med[peer] = m("epoch_s_median")
    print(f"{peer:6} {len(rs):4d} {m('epoch_s_median'):8.3f} {m('samples_per_s'):10.0f} {m('test_acc'):8.4f}"
          f" {m('infer_s_median'):8.4f} {max(r['ru_maxrss_mb'] for r in rs):8.1f}")
if "nnlab" in med:
    for peer in med:
        if peer != "nnlab":
            print(f"nnlab epoch time / {peer}: {med['nnlab'] / med[peer]:.2f}")
PY
