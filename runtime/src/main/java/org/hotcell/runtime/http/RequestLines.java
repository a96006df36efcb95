package org.hotcell.runtime.http;

import java.net.Socket;
import java.net.SocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.io.NetworkTrafficListener;

/**
 * Keeps the last bytes each connection sent, so that a request line Jetty refuses before it makes a request of it (a
 * malformed percent-escape fails its URI parser) can still be named in the 400 answer. At most
 * {@link HttpApi#MAX_HEADERS} bytes are kept per open connection, and dropped when it closes.
 */
final class RequestLines implements NetworkTrafficListener {
    private static final Pattern REQUEST_LINE = Pattern.compile("(?m)^[A-Z]+ (\\S+) HTTP/\\d\\.\\d\\r?$");

    private final Map<SocketAddress, Tail> tails = new ConcurrentHashMap<>();

    /** The last bytes of one connection, in a ring. */
    private static final class Tail {
        private final byte[] ring = new byte[HttpApi.MAX_HEADERS];
        private long written;

        synchronized void append(ByteBuffer bytes) {
            while (bytes.hasRemaining()) {
                int at = (int) (written % ring.length);
                int length = Math.min(bytes.remaining(), ring.length - at);
                bytes.get(ring, at, length);
                written += length;
            }
        }

        synchronized String text() {
            int size = (int) Math.min(written, ring.length);
            int start = (int) ((written - size) % ring.length);
            byte[] ordered = new byte[size];
            int first = Math.min(size, ring.length - start);
            System.arraycopy(ring, start, ordered, 0, first);
            System.arraycopy(ring, 0, ordered, first, size - first);
            return new String(ordered, StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    public void incoming(Socket socket, ByteBuffer bytes) {
        SocketAddress remote = socket.getRemoteSocketAddress();
        if (remote != null) {
            tails.computeIfAbsent(remote, r -> new Tail()).append(bytes.duplicate());
        }
    }

    @Override
    public void closed(Socket socket) {
        SocketAddress remote = socket.getRemoteSocketAddress();
        if (remote != null) {
            tails.remove(remote);
        }
    }

    /** The target of the last request line from {@code remote} whose percent-escapes are malformed, or null. */
    String malformedTarget(SocketAddress remote) {
        Tail tail = remote == null ? null : tails.get(remote);
        if (tail == null) {
            return null;
        }
        String found = null;
        Matcher line = REQUEST_LINE.matcher(tail.text());
        while (line.find()) {
            String target = line.group(1);
            try {
                URLDecoder.decode(target, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                found = target;
            }
        }
        return found;
    }
}
