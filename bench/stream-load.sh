#!/usr/bin/env bash
# Stream load figure: starts one `./hotcell run` on loopback with a fresh models, state and plugins directory,
# runs org.hotcell.bench.load.StreamLoad against it (1, 10, 1,000 and 100,000 open streams by default), always
# stops the server, and writes bench/results/<date>-stream-load.md.
#
#   bench/stream-load.sh [StreamLoad options, e.g. --threads 8 --levels 1,10,1000,100000 --steps 20000]
#
# It builds nothing but `./hotcell build`, and only when the runtime or the load tool is missing or older than
# its sources.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

tool_class="bench/target/classes/org/hotcell/bench/load/StreamLoad.class"
stamp="runtime/target/hotcell-launcher.stamp"
stale() {
  [ -f "$stamp" ] && [ -f "$tool_class" ] || return 0
  [ -n "$(find . -path ./.git -prune -o -path '*/target' -prune -o -path ./examples/custom-activation -prune \
      -o -path ./examples/karaf -prune -o \( -name '*.java' -o -name pom.xml -o -name bnd.bnd \
      -o -path '*/src/main/resources/*' \) -newer "$stamp" -print -quit)" ] && return 0
  [ -n "$(find bench/src/main/java/org/hotcell/bench/load -newer "$tool_class" -print -quit)" ]
}
if stale; then
  echo "stream-load: building (./hotcell build)..." >&2
  ./hotcell build
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/hotcell-stream-load.XXXXXX")"
mkdir -p "$work/models" "$work/state" "$work/plugins"
chmod 700 "$work/plugins"
log="$work/server.log"
server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
cleanup() {
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The model: an LSTM with 4 inputs, 32 hidden units and a per-step readout of 4 outputs, the shape of the
# streaming example (a reading in, the next values out); seeded random weights, since speed does not need training.
cat >"$work/models/lstm-stream.json" <<'EOF'
{"format": "hotcell-model", "version": 1, "input_size": 4, "seed": 7,
 "layers": [{"cell": "lstm", "hidden_size": 32, "direction": "forward", "merge": "concat",
             "activations": {"gate": "sigmoid", "candidate": "tanh", "output": "tanh"},
             "options": {"bias": true, "peepholes": false, "input_forget": false, "clip": null,
                         "linear_before_reset": false}}],
 "head": {"outputs": 4, "readout": "per_step"}}
EOF

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
# Which HTTP server runs: what the server's module path (runtime/target/lib) holds when it starts, since the
# sources may have moved on since the build.
jetty_jar="$(cd runtime/target/lib && ls | grep -m 1 '^jetty-server' || true)"
if [ -n "$jetty_jar" ]; then server_kind="Jetty (runtime/target/lib/$jetty_jar)"
else server_kind="the JDK's com.sun.net.httpserver (no Jetty in runtime/target/lib)"; fi
./hotcell run --port 0 --models "$work/models" --state "$work/state" --plugins "$work/plugins" \
  --max-streams 100000 >"$log" 2>&1 &
server_pid=$!

port=""
for _ in $(seq 1 600); do
  port="$(sed -n 's|.*hotcell running: .*http://127\.0\.0\.1:\([0-9][0-9]*\)/api/.*|\1|p' "$log" | head -n 1)"
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; echo "stream-load: the server stopped" >&2; exit 1; }
  sleep 0.2
done
[ -n "$port" ] || { tail -n 40 "$log" >&2; echo "stream-load: no port in the server log after 120 s" >&2; exit 1; }
running_line="$(grep -m 1 'hotcell running:' "$log" | sed 's/^.*hotcell running:/hotcell running:/')"
# The model is built when the server starts, but wait until it is listed as available.
for _ in $(seq 1 100); do
  curl -s --max-time 2 "http://127.0.0.1:$port/api/models" | grep -q '"lstm-stream"' && break
  sleep 0.2
done

out="$work/table.md"
status=0
"$java_bin" -cp bench/target/classes org.hotcell.bench.load.StreamLoad --url "http://127.0.0.1:$port/" \
  --model lstm-stream "$@" >"$out" || status=$?
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

jetty_log="$(grep -i -m 1 'jetty' "$log" | sed 's/^ *//' || true)"
stop_server

mkdir -p bench/results
result="bench/results/$(date +%F)-stream-load.md"
{
  echo "# Stream load: streams/s and steps/s by open streams ($(date '+%F %H:%M %Z'))"
  echo
  echo "\`bench/stream-load.sh${*:+ $*}\` against \`./hotcell run --port 0 --max-streams 100000\` with a fresh"
  echo "\`--state\` directory (H2 MVStore, each step committed before its answer), on loopback."
  echo
  echo "- Machine: $(lscpu | sed -n 's/^Model name: *//p' | head -n 1), $(nproc) cores" \
    "($(lscpu | sed -n 's/^Thread(s) per core: *//p') thread(s) per core), $(free -g | awk '/^Mem:/ {print $2}') GB;" \
    "JDK $("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.version = //p')."
  echo "- Load average (1, 5, 15 min) before: $load_before; after: $load_after."
  echo "- Server: ${server_kind}${jetty_log:+; log: \`$jetty_log\`}; \`$running_line\`"
  echo "- Git: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- runtime core plugins || echo ', runtime or plugins with uncommitted changes')."
  cat "$out"
} >"$result"
cat "$result"
echo "stream-load: wrote $result" >&2
exit "$status"
