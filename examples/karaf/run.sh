#!/usr/bin/env bash
# Proves Hotcell inside stock Apache Karaf: unpacks Karaf 4.4.10 from the Maven repository into target/, applies
# the settings README.md lists, installs the `hotcell` feature and the embedding example bundle, lists the Hotcell
# services, waits for the example's forward pass in Karaf's log, runs the same example as plain JPMS and checks
# that both results are equal. With --streaming it then installs the streaming example bundle and waits for its
# detection summary. It stops Karaf on the way out and ends with the forward pass's output line.
# The Karaf commands go through Karaf's MBeans (KarafMBeans.java), since Karaf 4.4's shell fails on JDK 24+.
#
#   ./run.sh [--keep] [--version V] [--no-vector] [--streaming] [--streaming-steps N]
#
#   --keep       leave Karaf running afterwards (stop it with target/apache-karaf-4.4.10/bin/stop)
#   --version V  the Hotcell version to install (default: the version in ../../pom.xml)
#   --no-vector  start Karaf without jdk.incubator.vector: the SIMD backend is left out, the activations and the
#                reference backend still serve, and the plain-Java run leaves the Vector API out too
#   --streaming  afterwards also install hotcell-example-streaming, whose activator trains its predictor through
#                the Registry service, steps 24 streams of 300 readings and logs precision and recall; wait up to
#                180 s for that summary and print it
#   --streaming-steps N  the predictor's training steps in Karaf (hotcell.streaming.steps; default 150; implies
#                --streaming)
#
# Needs `mvn install` of Hotcell first (the bundles, hotcell-features and hotcell-example-embedding in ~/.m2;
# hotcell-example-streaming too for --streaming).
# Environment: JAVA_HOME (a JDK 21+; otherwise found as ../../hotcell finds one), HOTCELL_KARAF_JMX_PORT (the
# loopback port of the JMX agent KarafMBeans.java starts, default 9098), MVN (the Maven command, default mvn).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="$here/target"
karaf_version=4.4.10
karaf="$target/apache-karaf-$karaf_version"
m2="${HOME}/.m2/repository"
jmx_port="${HOTCELL_KARAF_JMX_PORT:-9098}"
wait_seconds=60
streaming_wait_seconds=180

die() { echo "run.sh: $*" >&2; exit 1; }
say() { echo "== $*"; }

keep=false
vector=true
version=""
streaming=false
streaming_steps=150
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=true; shift ;;
    --no-vector) vector=false; shift ;;
    --version) [ $# -ge 2 ] || die "--version needs a value"; version="$2"; shift 2 ;;
    --streaming) streaming=true; shift ;;
    --streaming-steps)
      [ $# -ge 2 ] && [[ "$2" =~ ^[1-9][0-9]{0,6}$ ]] || die "--streaming-steps needs a positive whole number"
      streaming=true; streaming_steps="$2"; shift 2 ;;
    -h|--help) sed -n '2,25p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (known: --keep, --version V, --no-vector, --streaming, --streaming-steps N)" ;;
  esac
done
if [ -z "$version" ]; then
  # The version right after hotcell-parent's artifactId in the root pom.
  version=$(sed -n '/<artifactId>hotcell-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' "$root/pom.xml")
  [ -n "$version" ] || die "could not read the project version from $root/pom.xml; pass --version"
fi

# ---- A JDK 21+: JAVA_HOME, then java on PATH, then the newest under /usr/lib/jvm (as ../../hotcell looks).
java_release() {
  local spec
  spec=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1)
  case "$spec" in 1.*) echo 1 ;; [0-9]*) echo "${spec%%.*}" ;; *) echo 0 ;; esac
}
find_java_home() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_release "$JAVA_HOME/bin/java")" -ge 21 ]; then
    echo "$JAVA_HOME"; return
  fi
  local java_on_path
  if java_on_path=$(command -v java 2>/dev/null) && [ "$(java_release "$java_on_path")" -ge 21 ]; then
    java_on_path=$(readlink -f "$java_on_path"); echo "${java_on_path%/bin/java}"; return
  fi
  local best="" best_release=0 home release
  for home in /usr/lib/jvm/*/ /opt/java/*/ /usr/local/lib/jvm/*/; do
    home=${home%/}
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    release=$(java_release "$home/bin/java")
    if [ "$release" -ge 21 ] && [ "$release" -gt "$best_release" ]; then best=$home; best_release=$release; fi
  done
  [ -n "$best" ] && echo "$best"
}
JAVA_HOME=$(find_java_home) || true
[ -n "$JAVA_HOME" ] || die "no JDK 21 or newer found (JAVA_HOME, java on PATH, /usr/lib/jvm); install one or set JAVA_HOME"
export JAVA_HOME
java="$JAVA_HOME/bin/java"
release=$(java_release "$java")

# ---- What the run needs from ~/.m2.
m2_jar() { echo "$m2/$(echo "$1" | tr . /)/$2/$3/$2-$3.jar"; }
slf4j_version=$(sed -n 's/.*<slf4j.version>\(.*\)<\/slf4j.version>.*/\1/p' "$root/pom.xml" | head -n 1)
features_xml="$m2/org/hotcell/hotcell-features/$version/hotcell-features-$version-features.xml"
example_jar=$(m2_jar org.hotcell hotcell-example-embedding "$version")
streaming_jar=$(m2_jar org.hotcell hotcell-example-streaming "$version")
needed_files=("$features_xml" "$example_jar" "$(m2_jar org.hotcell hotcell-osgi "$version")")
if $streaming; then needed_files+=("$streaming_jar"); fi
for needed in "${needed_files[@]}"; do
  [ -f "$needed" ] || die "$needed is missing: run 'mvn install' in $root first"
done

# ---- Karaf from the Maven repository, unpacked afresh so every run starts from the stock files.
# True while the process is this directory's Karaf (a stale karaf.pid may name someone else's process by now).
is_our_karaf() { ps -o args= -p "$1" 2>/dev/null | grep -q -F -- "-Dkaraf.home=$karaf "; }
stop_karaf() {
  [ -f "$karaf/karaf.pid" ] || return 0
  local pid; pid=$(cat "$karaf/karaf.pid")
  is_our_karaf "$pid" || return 0
  "$karaf/bin/stop" >/dev/null 2>&1 || true
  local waited=0
  while is_our_karaf "$pid" && [ $waited -lt 30 ]; do sleep 1; waited=$((waited + 1)); done
  if is_our_karaf "$pid"; then kill "$pid" 2>/dev/null || true; sleep 2; fi
  if is_our_karaf "$pid"; then kill -9 "$pid" 2>/dev/null || true; fi
}
stop_karaf   # one left running by an earlier --keep

mvn_run() {
  ${MVN:-mvn} "$@"
}
tarball="$target/apache-karaf-$karaf_version.tar.gz"
if [ ! -f "$tarball" ]; then
  say "copying org.apache.karaf:apache-karaf:$karaf_version:tar.gz from the Maven repository"
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is not on PATH"
  # Maven's bundled Guava calls sun.misc.Unsafe, which JDK 24+ warns about unless allowed.
  if [ "$release" -ge 24 ]; then export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"; fi
  mkdir -p "$target"
  mvn_run -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="org.apache.karaf:apache-karaf:$karaf_version:tar.gz" -DoutputDirectory="$target" \
      >"$target/mvn.log" 2>&1 || { cat "$target/mvn.log" >&2; die "mvn dependency:copy of Karaf failed"; }
fi
rm -rf "$karaf"
tar -xzf "$tarball" -C "$target"

# ---- The settings (README.md says why each is there).
# Loopback only: Karaf's ssh console listens on every interface by default (its RMI/JMX already uses 127.0.0.1).
sed -i 's/^sshHost *=.*/sshHost = 127.0.0.1/' "$karaf/etc/org.apache.karaf.shell.cfg"
# Artifacts come from ~/.m2 (pax-url-aether's default local repository) and Maven Central only: Karaf's two
# snapshot repositories by default are not needed (Hotcell SNAPSHOTs are in ~/.m2) and may be unreachable.
sed -i '/^org.ops4j.pax.url.mvn.repositories *=/,/[^\\]$/d' "$karaf/etc/org.ops4j.pax.url.mvn.cfg"
echo 'org.ops4j.pax.url.mvn.repositories = https://repo1.maven.org/maven2@id=central' >> "$karaf/etc/org.ops4j.pax.url.mvn.cfg"
if $vector; then
  # The system bundle exports the Vector API package, so backend-simd (and activations' bulk kernels) resolve.
  sed -i 's/^org.osgi.framework.system.packages.extra *= *\\$/&\n    jdk.incubator.vector, \\/' "$karaf/etc/config.properties"
  grep -q '^    jdk.incubator.vector, \\$' "$karaf/etc/config.properties" || die "could not add jdk.incubator.vector to config.properties"
fi
if $streaming; then
  # The streaming bundle reads hotcell.streaming.steps with BundleContext.getProperty: framework properties first,
  # then system properties. Karaf passes etc/config.properties to the framework as its properties (as with
  # system.packages.extra above), so the setting stays the framework's, as in StreamingBundleTest, instead of a
  # JVM-wide system property from etc/system.properties that every library in Karaf's JVM would see.
  { echo
    echo "# examples/karaf/run.sh --streaming: training steps of the streaming example (StreamingBundle)"
    echo "hotcell.streaming.steps = $streaming_steps"
  } >> "$karaf/etc/config.properties"
fi
if [ "$release" -ge 24 ]; then
  # JDK 24+ supports no Security Manager: Subject.getSubject throws, and Karaf's EventAdmin calls it for every event.
  sed -i 's/^org.apache.felix.eventadmin.AddSubject *=.*/org.apache.felix.eventadmin.AddSubject=false/' \
    "$karaf/etc/org.apache.felix.eventadmin.impl.EventAdmin.cfg"
fi

# The password KarafMBeans.java gives the JDK's JMX agent it starts in Karaf's JVM (on 127.0.0.1 only): on
# JDK 24+ Karaf 4.4's shell (ssh, bin/client, local console) and its JMX connector fail in Subject.getSubject,
# so the commands go to Karaf's MBeans through the JDK's agent instead.
HOTCELL_KARAF_JMX_PASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
export HOTCELL_KARAF_JMX_PASSWORD
(umask 077
 echo "hotcell $HOTCELL_KARAF_JMX_PASSWORD" > "$karaf/etc/hotcell-jmx.password"
 echo "hotcell readwrite" > "$karaf/etc/hotcell-jmx.access")

{
  echo
  echo "# ---- Hotcell example (examples/karaf/run.sh)"
  if [ "$release" -ge 24 ]; then
    echo "# JDK 24+ refuses to start with Karaf's default -Djava.security.manager=allow: Karaf's default options without it."
    echo 'export JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions"'
  fi
  if $vector; then
    echo '# The Vector API module in the boot layer, so the system bundle can export jdk.incubator.vector, and native'
    echo '# access, with which the SIMD backend keeps its workers off the caller'"'"'s CPU; only for'
    echo '# the container JVM (bin/start, then bin/karaf), not bin/client, bin/stop or bin/status.'
    echo 'case "${KARAF_SCRIPT:-}" in start|karaf) export EXTRA_JAVA_OPTS="--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED" ;; esac'
  fi
} >> "$karaf/bin/setenv"

# ---- Start Karaf (in the background; stopped on every way out unless --keep).
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in 8101 1099 44444 "$jmx_port"; do
  port_in_use "$port" && die "port $port on 127.0.0.1 is in use (another Karaf?); stop it, or set HOTCELL_KARAF_JMX_PORT"
done
started=false
on_exit() {
  local status=$?
  if $started && ! $keep; then stop_karaf; fi
  exit $status
}
trap on_exit EXIT
trap 'exit 130' INT TERM

begin=$SECONDS
say "starting Karaf $karaf_version on JDK $release ($JAVA_HOME)$($vector || echo ', without jdk.incubator.vector')"
KARAF_REDIRECT="$karaf/data/karaf-console.log" "$karaf/bin/start" 2>/dev/null
started=true
# Karaf writes its process id at once; KarafMBeans.java attaches to that process.
for _ in $(seq 1 30); do [ -s "$karaf/karaf.pid" ] && break; sleep 1; done
[ -s "$karaf/karaf.pid" ] || die "Karaf wrote no karaf.pid in 30 s; see $karaf/data/karaf-console.log"
pid=$(cat "$karaf/karaf.pid")

# ---- What a user types in Karaf's shell, through Karaf's MBeans (KarafMBeans.java says why).
say "installing Hotcell $version"
"$java" "$here/KarafMBeans.java" "$karaf" "$pid" "$jmx_port" "$wait_seconds" \
  "feature:repo-add mvn:org.hotcell/hotcell-features/$version/xml/features" \
  "feature:install hotcell" \
  "bundle:install -s mvn:org.hotcell/hotcell-example-embedding/$version" \
  "bundle:list org.hotcell" \
  "service:list org.hotcell.core.activation.ActivationFactory" \
  "service:list org.hotcell.core.cell.CellType" \
  "service:list org.hotcell.core.backend.Backend" \
  "service:list org.hotcell.core.registry.Registry" \
  || die "a Karaf command failed; Karaf's log is $karaf/data/log/karaf.log"

# Everything Karaf listens on must be on loopback (checked where ss is available).
if command -v ss >/dev/null 2>&1; then
  exposed=$(ss -ltnpH 2>/dev/null | grep "pid=$pid," | awk '{print $4}' | grep -v -E '^(127\.|\[::ffff:127\.|\[::1\]|localhost)' || true)
  [ -z "$exposed" ] || die "Karaf listens beyond loopback: $exposed"
fi

say "waiting up to ${wait_seconds}s for the forward pass in data/log/karaf.log"
log="$karaf/data/log/karaf.log"
karaf_line=""
deadline=$((SECONDS + wait_seconds))
while [ $SECONDS -lt $deadline ]; do
  karaf_line=$(grep -h -o 'hotcell-embedding: forward .*' "$log" 2>/dev/null | head -n 1 || true)
  [ -n "$karaf_line" ] && break
  sleep 1
done
[ -n "$karaf_line" ] || die "no 'hotcell-embedding: forward' line in $log after ${wait_seconds}s"
# Messages (what follows "time | level | thread | logger | bundle | ") that Hotcell bundles logged at a level.
hotcell_messages() {
  grep -E "^[^|]*\| $1 +\|[^|]*\|[^|]*\| [0-9]+ - org\.hotcell\." "$log" | sed 's/^\([^|]*|\)\{5\} //' || true
}
say "what Hotcell logged in Karaf (the Registry's view, and any warning)"
hotcell_messages INFO | grep -E '^(un)?registered ' | sed 's/^/  /' || true
hotcell_messages WARN | sed 's/^/  WARN /'
echo "karaf log: $karaf_line"

# ---- The same example as plain JPMS (ServiceLoader), on module-path jars from ~/.m2.
say "running org.hotcell.example.embedding.Main on the module path"
module_path="$(m2_jar org.hotcell hotcell-core "$version"):$(m2_jar org.hotcell hotcell-cells "$version"):$(m2_jar org.hotcell hotcell-activations "$version")"
module_path="$module_path:$(m2_jar org.slf4j slf4j-api "$slf4j_version"):$(m2_jar org.slf4j slf4j-simple "$slf4j_version"):$example_jar"
vector_options=()
if $vector; then
  module_path="$module_path:$(m2_jar org.hotcell hotcell-backend-simd "$version")"
  vector_options=(--add-modules jdk.incubator.vector --enable-native-access=org.hotcell.backend.simd)
fi
plain_err="$target/plain-java.err"
plain_line=$("$java" "${vector_options[@]}" --module-path "$module_path" \
  -m org.hotcell.example.embedding/org.hotcell.example.embedding.Main 2>"$plain_err" | grep -o 'hotcell-embedding: forward .*' | head -n 1) \
  || die "the plain-Java example printed no forward line; its stderr is in $plain_err"
echo "plain JPMS: $plain_line"

# The example's result field: checksum=..., or sum=... in its first version.
checksum() { echo "$1" | sed -n 's/.* \(check\)\{0,1\}sum=\([^ ]*\).*/\2/p'; }
karaf_sum=$(checksum "$karaf_line")
plain_sum=$(checksum "$plain_line")
if [ -n "$karaf_sum" ] && [ -n "$plain_sum" ]; then
  [ "$karaf_sum" = "$plain_sum" ] || die "checksums differ: Karaf $karaf_sum, plain JPMS $plain_sum"
  say "checksums equal ($karaf_sum); $((SECONDS - begin)) s from Karaf's start"
else
  # A line without a checksum: the whole lines must then be equal.
  [ "$karaf_line" = "$plain_line" ] || die "the two forward lines differ (and carry no checksum to compare)"
  say "no checksum field; the two lines are equal; $((SECONDS - begin)) s from Karaf's start"
fi

# ---- The streaming example: its activator trains (or loads) the predictor through the Registry service in a
# thread of its own, steps 24 streams of 300 readings with each stream's LSTM state kept, and logs its summary.
streaming_lines=""
if $streaming; then
  say "installing the streaming example (hotcell.streaming.steps = $streaming_steps in etc/config.properties)"
  streaming_begin=$SECONDS
  "$java" "$here/KarafMBeans.java" "$karaf" "$pid" "$jmx_port" "$wait_seconds" \
    "bundle:install -s mvn:org.hotcell/hotcell-example-streaming/$version" \
    "bundle:list org.hotcell.example.streaming" \
    || die "a Karaf command failed; Karaf's log is $karaf/data/log/karaf.log"
  say "waiting up to ${streaming_wait_seconds}s for 'hotcell-streaming: recall=' in data/log/karaf.log"
  streaming_outcome=timeout
  deadline=$((SECONDS + streaming_wait_seconds))
  while [ $SECONDS -lt $deadline ]; do
    if grep -q 'hotcell-streaming: recall=' "$log" 2>/dev/null; then streaming_outcome=done; break; fi
    if grep -q 'hotcell-streaming: stopped' "$log" 2>/dev/null; then streaming_outcome=stopped; break; fi
    is_our_karaf "$pid" || { streaming_outcome=gone; break; }
    sleep 1
  done
  streaming_lines=$(grep -h -o 'hotcell-streaming: .*' "$log" 2>/dev/null || true)
  if [ "$streaming_outcome" != done ]; then
    [ -z "$streaming_lines" ] || echo "$streaming_lines"
    hotcell_messages WARN | { grep -v '^hotcell-streaming: ' || true; } | sed 's/^/  WARN /'
    hotcell_messages ERROR | sed 's/^/  ERROR /'
    case "$streaming_outcome" in
      stopped) die "the streaming bundle stopped (its 'hotcell-streaming: stopped' line is above); see $log" ;;
      gone) die "Karaf exited while the streaming example ran; see $karaf/data/karaf-console.log" ;;
      *) die "no 'hotcell-streaming: recall=' line in $log after ${streaming_wait_seconds}s" ;;
    esac
  fi
  # The bundle's own time: from its first line (training, or the model loaded) to recall=, by karaf.log's clock.
  bundle_seconds=$(grep -E '^[0-9]{4}-[^|]*\|.*hotcell-streaming: ' "$log" | awk '
    { split(substr($0, 12, 12), t, /[:,]/); s = t[1] * 3600 + t[2] * 60 + t[3] + t[4] / 1000
      if (NR == 1) first = s; last = s }
    END { d = last - first; if (d < 0) d += 86400; printf "%.1f", d }')
  say "streaming summary: ${bundle_seconds} s in the bundle (its first line to recall= in karaf.log)," \
    "$((SECONDS - streaming_begin)) s after bundle:install, $((SECONDS - begin)) s from Karaf's start"
fi

if $keep; then
  say "Karaf keeps running: $karaf/bin/stop stops it"
else
  stop_karaf
  started=false
fi
# Every line the streaming bundle logged (its summary last), then the forward pass's line, always the last line.
[ -z "$streaming_lines" ] || echo "$streaming_lines"
echo "$karaf_line"
