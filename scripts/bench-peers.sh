#!/usr/bin/env bash
# Trains the lecture's MNIST model with nnlab, PyTorch and numpy, alternately, and prints the medians.
#
#   scripts/bench-peers.sh [--dataset fashion|mnist10k] [--rounds 3] [--threads 1] [--batch 32]
#                          [--hidden 100|512,256] [--precision float32|float64] [--epochs 5]
#                          [--peers "nnlab torch numpy"] [-Dmaven.repo.local=DIR ...]
#
# --hidden sets the ReLU hidden widths of every peer (784-512-256-10 with 512,256); --precision is nnlab's
# alone (default float32, as the peers compute). Each round runs every peer once, back to back, so a noisy
# shared machine slows them alike; each run appends its RESULT line to
# target/bench-results/<dataset>-t<threads>-b<batch>-h<hidden>-<precision>.jsonl and the summary compares the
# medians over this invocation's rounds. When nnlab.jar is missing or older than a source, the script rebuilds it
# with mvn, passing on every -D… argument (e.g. -Dmaven.repo.local=DIR) and the words of MAVEN_ARGS; mvn reads
# MAVEN_OPTS itself. Needs: apt-get install -y python3-torch python3-numpy python3-threadpoolctl
# dataset-fashion-mnist libopenblas0-pthread (numpy otherwise falls back to the reference BLAS).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dataset=fashion rounds=3 threads=1 batch=32 hidden=100 precision=float32 epochs=5 peers="nnlab torch numpy"
mvn_args=()
peerdir="${NNLAB_PEERS:-$here/../shared/bench/peers}"
[ -d "$peerdir" ] || peerdir=/work/shared/bench/peers
while [ $# -gt 0 ]; do
  case "$1" in
    --dataset) dataset="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --batch) batch="$2"; shift 2 ;;
    --hidden) hidden="$2"; shift 2 ;;
    --precision) precision="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --peers) peers="$2"; shift 2 ;;
    -D*) mvn_args+=("$1"); shift ;;
    *) echo "bench-peers: unknown option $1 (expected --dataset, --rounds, --threads, --batch, --hidden, --precision, --epochs, --peers, -Dname=value for mvn)" >&2; exit 2 ;;
  esac
done

jar="$here/curriculum/target/nnlab.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$here" -path '*/target' -prune -o -name '*.java' -newer "$jar" -print -quit)" ]; then
  # shellcheck disable=SC2086 # MAVEN_ARGS is a list of words, as mvn reads it
  mvn -q -B -Dstyle.color=never ${MAVEN_ARGS:-} "${mvn_args[@]}" -f "$here/pom.xml" -DskipTests -pl curriculum -am package
fi
# The benchmark is a test source: it is not part of nnlab.jar.
jar="$jar:$here/curriculum/target/test-classes"

# The JVM flags, explained in BENCHMARKS.md: a serial collector and a heap sized to the data (the
# images stay bytes) keep the whole process's peak RSS below the numpy peer's; nothing else is tuned.
JAVA_FLAGS=(-XX:+UseSerialGC -Xms96m -Xmx128m -XX:-UsePerfData)
py=/usr/bin/python3   # Debian's python, where python3-torch and python3-numpy are installed

case "$precision" in float32|float64) ;; *) echo "bench-peers: --precision is float32 or float64, not $precision" >&2; exit 2 ;; esac
out="$here/target/bench-results/$dataset-t$threads-b$batch-h${hidden//,/-}-$precision.jsonl"
mkdir -p "$(dirname "$out")"
# The summary covers this invocation's rounds; earlier lines in the file stay for the record.
skip=$( [ -f "$out" ] && wc -l < "$out" || echo 0)
for round in $(seq 1 "$rounds"); do
  for peer in $peers; do
    echo "round $round/$rounds: $peer (load $(cut -d' ' -f1 /proc/loadavg))" >&2
    case "$peer" in
      nnlab) java "${JAVA_FLAGS[@]}" -cp "$jar" org.nnlab.curriculum.bench.MnistBenchmark --dataset "$dataset" \
               --threads "$threads" --batch "$batch" --hidden "$hidden" --precision "$precision" --epochs "$epochs" \
               --out "$out" | grep '^RESULT' ;;
      torch) (cd "$peerdir" && "$py" mlp_torch.py --dataset "$dataset" --threads "$threads" --batch "$batch" \
               --hidden "$hidden" --epochs "$epochs" --out "$out") 2>/dev/null | grep '^RESULT' ;;
      # The machine's OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE slow a current OpenBLAS: unset for this run only.
      numpy) (cd "$peerdir" && env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
               "$py" mlp_numpy.py --dataset "$dataset" --threads "$threads" --batch "$batch" --hidden "$hidden" \
               --epochs "$epochs" --out "$out") 2>/dev/null | grep '^RESULT' ;;
      *) echo "bench-peers: unknown peer $peer (expected nnlab, torch, numpy)" >&2; exit 2 ;;
    esac
  done
done

"$py" - "$out" "$skip" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]).readlines()[int(sys.argv[2]):] if l.strip()]
by = {}
for r in rows:
    by.setdefault(r["peer"], []).append(r)
print(f"{'peer':14} {'runs':>4} {'epoch s':>8} {'samples/s':>10} {'test acc':>8} {'infer s':>8} {'peak MB':>8}")
med, inf = {}, {}
for peer, rs in by.items():
    m = lambda k: statistics.median(r[k] for r in rs)
    med[peer], inf[peer] = m("epoch_s_median"), m("infer_s_median")
    label = peer + (" " + rs[0]["precision"] if "precision" in rs[0] else "")
    print(f"{label:14} {len(rs):4d} {m('epoch_s_median'):8.3f} {m('samples_per_s'):10.0f} {m('test_acc'):8.4f}"
          f" {m('infer_s_median'):8.4f} {max(r['ru_maxrss_mb'] for r in rs):8.1f}")
if "nnlab" in med:
    for peer in med:
        if peer != "nnlab":
            print(f"nnlab / {peer}: epoch time {med['nnlab'] / med[peer]:.2f}, inference {inf['nnlab'] / inf[peer]:.2f}")
PY
