#!/usr/bin/env bash
# A Spark standalone master and one worker on this machine (127.0.0.1), made of the Spark jars the build copied to
# study-spark/target/lib (Hotcell's own left out, as in a Spark distribution): to try
# `./hotcell study --spark spark://127.0.0.1:7077` without downloading Spark. With a Spark 4.2 distribution, its
# sbin/start-master.sh and sbin/start-worker.sh do the same.
#
#   standalone.sh start [CORES [MEMORY]]   master on $SPARK_MASTER_PORT (7077), web UI on $SPARK_MASTER_WEBUI_PORT (8080)
#   standalone.sh stop
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state="$here/target/standalone"
die() { echo "standalone.sh: $*" >&2; exit 1; }

java_bin="${JAVA_HOME:+$JAVA_HOME/bin/java}"
java_bin="${java_bin:-$(command -v java || true)}"
[ -x "$java_bin" ] || die "no java: set JAVA_HOME to a JDK 21 or newer"
release=$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
[ "${release%%.*}" -ge 21 ] 2>/dev/null || die "$java_bin is Java $release; set JAVA_HOME to a JDK 21 or newer"

# What Spark's own scripts give its JVMs on JDK 17+ (org.apache.spark.launcher.JavaModuleOptions).
flags=(-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  -Dio.netty.tryReflectionSetAccessible=true --sun-misc-unsafe-memory-access=allow
  --enable-native-access=ALL-UNNAMED -Dspark.master.rest.enabled=false -Xmx256m)

stop() {
  local pid_file pid
  for pid_file in "$state/worker.pid" "$state/master.pid"; do
    [ -f "$pid_file" ] || continue
    pid=$(cat "$pid_file")
    # The worker stops its executors when it is asked to stop.
    kill "$pid" 2>/dev/null && echo "stopped $(basename "$pid_file" .pid) (pid $pid)"
    rm -f "$pid_file"
  done
}

start() {
  local cores="${1:-$(getconf _NPROCESSORS_ONLN)}" memory="${2:-2g}"
  local port="${SPARK_MASTER_PORT:-7077}" ui="${SPARK_MASTER_WEBUI_PORT:-8080}"
  [ -d "$here/target/lib" ] || die "no $here/target/lib: run './hotcell build' first"
  stop >/dev/null
  rm -rf "$state"
  mkdir -p "$state/spark-home/jars" "$state/work"
  local jar
  for jar in "$here"/target/lib/*.jar; do
    case "${jar##*/}" in
      hotcell-*) ;;
      *) ln -s "$jar" "$state/spark-home/jars/" ;;
    esac
  done
  # The worker builds each executor's command from SPARK_HOME and JAVA_HOME; outside a distribution, Spark asks
  # for the Scala version through SPARK_SCALA_VERSION.
  export SPARK_HOME="$state/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
  export JAVA_HOME="${java_bin%/bin/java}"
  "$java_bin" "${flags[@]}" -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$port" --webui-port "$ui" >"$state/master.log" 2>&1 &
  echo $! >"$state/master.pid"
  "$java_bin" "${flags[@]}" -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores "$cores" --memory "$memory" --work-dir "$state/work" \
    "spark://127.0.0.1:$port" >"$state/worker.log" 2>&1 &
  echo $! >"$state/worker.pid"
  local waited=0
  until grep -q "Successfully registered with master" "$state/worker.log" 2>/dev/null; do
    if [ $waited -ge 120 ] || ! kill -0 "$(cat "$state/master.pid")" 2>/dev/null \
        || ! kill -0 "$(cat "$state/worker.pid")" 2>/dev/null; then
      tail -n 20 "$state/master.log" "$state/worker.log" >&2
      stop >/dev/null
      die "the worker did not register with spark://127.0.0.1:$port; logs are in $state"
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  echo "master spark://127.0.0.1:$port (web UI http://127.0.0.1:$ui), one worker with $cores cores and $memory"
  echo "logs in $state; stop with: $0 stop"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  *) die "usage: standalone.sh start [CORES [MEMORY]] | stop" ;;
esac
