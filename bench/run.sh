#!/usr/bin/env bash
# Runs the side-by-side benchmark suite of issue 8: Hotcell SIMD and reference, ONNX Runtime and
# Deeplearning4j, in one run, and prints the table (also written to bench/target/results.md, with JMH's JSON
# in bench/target/jmh/).
#
#   bench/run.sh [--quick] [--paired-only] [--no-build] [--threads 1,2]
#
#   --quick      a representative subset (LSTM 25x32x512 and 100x1x256, tanh, 1 thread), about 5 minutes
#   --paired-only  only the paired measurements, calls alternating in one JVM (no JMH): silu against tanh, the
#                layers and the GEMM against ONNX Runtime at 1 thread (the GEMM with an FMA peak probe timed in the
#                same rounds, whose rate is the peak its share is of), every
#                training step against its forward pass at every thread count, the batch-1 layers and products
#                with bf16 and int8 weights against fp32 at 1 thread (about 2 minutes; --quick: bf16 only, 1), and
#                issue 20's targets with their worst cases; written to bench/target/paired.md. About 27 minutes
#                (--quick: 6)
#   --no-build   run what bench/target holds (built earlier with -Ppeers)
#   --threads    thread counts to measure (default 1,2; --quick: 1)
#
# Environment: HOTCELL_JDK, the JDK to build and run with (default: the JDK 25 under /usr/lib/jvm, never the default
# java); MVN, the Maven command (default mvn; a command with arguments, or a wrapper script, may stand in).
#
# Builds bench and the modules it uses with -Ppeers, then runs org.hotcell.bench.Suite. The suite sets the
# environment of Deeplearning4j's forks itself (OPENBLAS_CORETYPE from the CPU, OMP_WAIT_POLICY=PASSIVE,
# OMP_NUM_THREADS = threads). The whole grid takes about 20-30 minutes on 2 cores: run it on an idle machine.
set -euo pipefail

bench="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$bench")"

jdk="${HOTCELL_JDK:-}"
if [[ -z "$jdk" ]]; then
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*; do
        if [[ -x "$candidate/bin/java" ]]; then jdk="$candidate"; break; fi
    done
fi
if [[ -z "$jdk" || ! -x "$jdk/bin/java" ]]; then
    echo "run.sh: no JDK 25 found under /usr/lib/jvm (set HOTCELL_JDK)" >&2
    exit 2
fi

build=1
suite_args=()
for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        *) suite_args+=("$arg") ;;
    esac
done

if (( build )); then
    echo "run.sh: building bench -Ppeers" >&2
    read -ra mvn <<< "${MVN:-mvn}"
    # Offline first; online only when a peer jar has never been downloaded on this machine.
    mvn_build=("${mvn[@]}" -B -q -Ppeers -pl bench -am package -DskipTests)
    (cd "$root" && export JAVA_HOME="$jdk" PATH="$jdk/bin:$PATH" &&
        { "${mvn_build[@]}" -o || "${mvn_build[@]}"; })
fi

if [[ ! -f "$bench/target/classpath.txt" ]]; then
    echo "run.sh: bench/target/classpath.txt missing; build first (drop --no-build)" >&2
    exit 2
fi
if [[ ! -d "$bench/target/classes/org/hotcell/bench/peers" ]]; then
    echo "run.sh: warning: peers not compiled (build with -Ppeers); ONNX Runtime and DL4J will be missing" >&2
fi

# Run from a private copy: a build in this tree while the suite runs (a reactor mvn verify) would rebuild
# bench/target and the modules' jars under a run that lasts half an hour. Jars from ~/.m2 stay put.
work="$(mktemp -d /tmp/hotcell-bench.XXXXXX)"
mkdir -p "$work/lib" "$work/out"
cp -r "$bench/target/classes" "$work/classes"
classpath="$work/classes"
IFS=: read -ra entries < "$bench/target/classpath.txt" || true  # no final newline: read returns 1
for entry in "${entries[@]}"; do
    case "$entry" in
        "$HOME"/.m2/*) classpath+=":$entry" ;;
        *)
            copy="$work/lib/$(echo "$entry" | md5sum | cut -c1-8)-$(basename "$entry")"
            cp -r "$entry" "$copy"
            classpath+=":$copy"
            ;;
    esac
done

status=0
# Native access: the SIMD backend keeps its workers off the caller's CPU with it (see SpinTeam).
(cd "$work" && "$jdk/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx1g \
    -cp "$classpath" org.hotcell.bench.Suite --out "$work/out" "${suite_args[@]}") || status=$?

mkdir -p "$bench/target"
cp -r "$work/out/." "$bench/target/"
for written in "$work"/out/*.md; do
    if [[ -f "$written" ]]; then echo "run.sh: results in $bench/target/$(basename "$written")" >&2; fi
done
rm -rf "$work"
echo "run.sh: JMH JSON (if any) in $bench/target/jmh/" >&2
exit "$status"
