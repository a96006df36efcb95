package org.hotcell.study.spark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The master URLs the Spark runner serves ({@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]},
 * {@code spark://host:port[,host:port...]}), and a quick look at a standalone master before Spark is given it:
 * Spark's own client retries an unreachable master for a minute and then reports only "All masters are
 * unresponsive".
 */
final class SparkMasters {
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?])?");
    private static final Pattern STANDALONE = Pattern.compile("spark://[^,/\\s]+:[0-9]{1,5}(,[^,/\\s]+:[0-9]{1,5})*");

    private SparkMasters() {
    }

    static boolean isLocal(String master) {
        return master != null && LOCAL.matcher(master).matches();
    }

    static boolean isStandalone(String master) {
        return master != null && STANDALONE.matcher(master).matches();
    }

    /** The host and port of each master of a {@code spark://} URL (several for a master with standbys). */
    static List<InetSocketAddress> addresses(String master) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            String host = hostPort.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            addresses.add(InetSocketAddress.createUnresolved(host, Integer.parseInt(hostPort.substring(colon + 1))));
        }
        return addresses;
    }

    /**
     * Whether every master of the URL is on this machine's loopback interface: then its workers are here too,
     * and the driver need not be reachable from elsewhere.
     */
    static boolean onLoopback(String master) {
        for (InetSocketAddress address : addresses(master)) {
            try {
                if (!InetAddress.getByName(address.getHostString()).isLoopbackAddress()) {
                    return false;
                }
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns when one master of the URL accepts a connection.
     *
     * @throws SparkStudyException naming the URL and why each master could not be reached
     */
    static void requireReachable(String master, int timeoutMillis) {
        List<String> failures = new ArrayList<>();
        for (InetSocketAddress address : addresses(master)) {
            String where = address.getHostString() + ":" + address.getPort();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()), timeoutMillis);
                return;
            } catch (UnknownHostException e) {
                failures.add(where + ": unknown host");
            } catch (IOException e) {
                failures.add(where + ": " + e.getMessage());
            }
        }
        throw new SparkStudyException(SparkStudyException.MASTER, "--spark " + master + ": cannot reach the Spark "
                + "master (" + String.join("; ", failures) + "). Start a standalone master and a worker (README, "
                + "\"Running the study on Spark\") or correct the URL");
    }
}
