import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.rmi.server.RMISocketFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import javax.management.JMException;
import javax.management.JMRuntimeException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Runs the few Karaf shell commands that run.sh needs through Karaf's own MBeans, for JDKs where Karaf 4.4's
 * shell cannot run a command: on JDK 24 and newer every shell session (ssh, bin/client, the local console)
 * fails in {@code Subject.getSubject}, which those JDKs no longer support.
 *
 * <p>It talks to the JDK's own JMX agent in the Karaf JVM, not to Karaf's JMX connector (whose role checks fail
 * the same way). It starts that agent itself, through the attach API (same user only), on 127.0.0.1:PORT with the
 * user {@code hotcell}, the password in the environment variable {@code HOTCELL_KARAF_JMX_PASSWORD} and the
 * password and access files in Karaf's etc/ that run.sh writes. (Starting the agent with -D options at JVM start
 * would also open the JDK's local connector on every interface.) Every RMI connection this program makes goes to
 * 127.0.0.1, whatever host name the agent's stubs carry.
 *
 * <p>Usage: {@code java KarafMBeans.java KARAF_HOME PID PORT WAIT_SECONDS 'feature:repo-add URL'
 * 'feature:install NAME' 'bundle:install -s URL' 'bundle:list PREFIX' 'service:list CLASS' ...}. It waits up to
 * WAIT_SECONDS for Karaf's MBeans to appear, then runs each argument as one command, in order; the first that
 * fails ends the run with exit status 1.
 */
public final class KarafMBeans {

    private static final String FEATURES = "org.apache.karaf:type=feature,name=root";
    private static final String BUNDLES = "org.apache.karaf:type=bundle,name=root";
    private static final String SERVICE_STATE = "osgi.core:type=serviceState,*";
    private static final String BUNDLE_STATE = "osgi.core:type=bundleState,*";

    /** Service properties every service has; the listing leaves them out. */
    private static final Set<String> STANDARD_PROPERTIES =
            Set.of("objectClass", "service.id", "service.bundleid", "service.scope");

    /** The private property in which SPI Fly names the class it registered; listed as "implementation". */
    private static final String SPIFLY_IMPLEMENTATION = ".org.apache.aries.spifly.provider.implclass";

    private final MBeanServerConnection server;

    private KarafMBeans(MBeanServerConnection server) {
        this.server = server;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: java KarafMBeans.java KARAF_HOME PID PORT WAIT_SECONDS 'COMMAND ARGS' ...");
            System.exit(2);
        }
        String karafHome = args[0];
        String pid = args[1];
        int port = Integer.parseInt(args[2]);
        long deadline = System.nanoTime() + Long.parseLong(args[3]) * 1_000_000_000L;
        String password = Objects.requireNonNull(System.getenv("HOTCELL_KARAF_JMX_PASSWORD"),
                "HOTCELL_KARAF_JMX_PASSWORD is not set");
        RMISocketFactory.setSocketFactory(new LoopbackSockets());
        try (JMXConnector connector = connectWhenReady(karafHome, pid, port, password, deadline)) {
            KarafMBeans karaf = new KarafMBeans(connector.getMBeanServerConnection());
            for (String command : Arrays.copyOfRange(args, 4, args.length)) {
                System.out.println("karaf> " + command);
                try {
                    karaf.run(command.trim().split("\\s+"));
                } catch (JMException | JMRuntimeException | IllegalArgumentException e) {
                    Throwable cause = e;
                    while (cause.getCause() != null) {
                        cause = cause.getCause();
                    }
                    System.err.println("karaf-mbeans: '" + command + "' failed: " + cause);
                    System.exit(1);
                }
            }
        }
    }

    /**
     * Connects once Karaf has registered the MBeans the commands use, starting the JDK's JMX agent in Karaf's JVM
     * when nothing answers on the port yet (Karaf's JVM accepts attaching a moment after it starts).
     */
    private static JMXConnector connectWhenReady(String karafHome, String pid, int port, String password, long deadline)
            throws Exception {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        Map<String, Object> environment = Map.of(JMXConnector.CREDENTIALS, new String[] {"hotcell", password});
        Exception last = null;
        do {
            JMXConnector connector = null;
            try {
                connector = JMXConnectorFactory.connect(url, environment);
                MBeanServerConnection server = connector.getMBeanServerConnection();
                if (server.isRegistered(new ObjectName(FEATURES)) && server.isRegistered(new ObjectName(BUNDLES))
                        && !server.queryNames(new ObjectName(SERVICE_STATE), null).isEmpty()
                        && !server.queryNames(new ObjectName(BUNDLE_STATE), null).isEmpty()) {
                    return connector;
                }
                last = new IllegalStateException("Karaf's feature, bundle and service MBeans are not all registered yet");
            } catch (IOException e) {
                last = e;
                try {
                    startAgent(karafHome, pid, port);
                } catch (AttachNotSupportedException | IOException notYet) {
                    last = notYet;
                }
            }
            if (connector != null) {
                connector.close();
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("no Karaf MBeans at " + url + " in time: " + last, last);
    }

    private static void startAgent(String karafHome, String pid, int port) throws Exception {
        Properties agent = new Properties();
        agent.setProperty("com.sun.management.jmxremote.host", "127.0.0.1");
        agent.setProperty("com.sun.management.jmxremote.port", Integer.toString(port));
        agent.setProperty("com.sun.management.jmxremote.rmi.port", Integer.toString(port));
        agent.setProperty("com.sun.management.jmxremote.ssl", "false");
        agent.setProperty("com.sun.management.jmxremote.registry.ssl", "false");
        agent.setProperty("com.sun.management.jmxremote.authenticate", "true");
        agent.setProperty("com.sun.management.jmxremote.password.file", karafHome + "/etc/hotcell-jmx.password");
        agent.setProperty("com.sun.management.jmxremote.access.file", karafHome + "/etc/hotcell-jmx.access");
        VirtualMachine vm = VirtualMachine.attach(pid);
        try {
            vm.startManagementAgent(agent);
        } finally {
            vm.detach();
        }
    }

    /** RMI sockets of this program: connections only to 127.0.0.1, no server socket beyond it. */
    private static final class LoopbackSockets extends RMISocketFactory {
        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return new Socket(InetAddress.getLoopbackAddress(), port);
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        }
    }

    private void run(String[] words) throws Exception {
        String name = words[0];
        List<String> rest = Arrays.asList(words).subList(1, words.length);
        switch (name) {
            case "feature:repo-add" -> invoke(FEATURES, "addRepository", single(name, rest));
            case "feature:install" -> invoke(FEATURES, "installFeature", single(name, rest));
            case "bundle:install" -> installBundle(rest);
            case "bundle:list" -> listBundles(single(name, rest));
            case "service:list" -> listServices(single(name, rest));
            default -> throw new IllegalArgumentException("unknown command '" + name
                    + "'; known: feature:repo-add, feature:install, bundle:install -s, bundle:list, service:list");
        }
    }

    private static String single(String command, List<String> arguments) {
        if (arguments.size() != 1) {
            throw new IllegalArgumentException(command + " takes one argument, got " + arguments);
        }
        return arguments.get(0);
    }

    private void installBundle(List<String> arguments) throws Exception {
        if (arguments.size() != 2 || !arguments.get(0).equals("-s")) {
            throw new IllegalArgumentException("bundle:install takes -s URL (install and start), got " + arguments);
        }
        Object id = server.invoke(new ObjectName(BUNDLES), "install",
                new Object[] {arguments.get(1), true}, new String[] {String.class.getName(), boolean.class.getName()});
        System.out.println("Bundle ID: " + id);
    }

    /** Bundles whose symbolic name starts with the prefix: id, state, symbolic name and version. */
    private void listBundles(String prefix) throws Exception {
        ObjectName state = only(BUNDLE_STATE);
        TabularData bundles = (TabularData) server.invoke(state, "listBundles", new Object[0], new String[0]);
        Map<Long, String> lines = new TreeMap<>();
        for (CompositeData bundle : rows(bundles)) {
            String symbolicName = (String) bundle.get("SymbolicName");
            if (symbolicName.startsWith(prefix)) {
                long id = (Long) bundle.get("Identifier");
                lines.put(id, String.format("%4d | %-8s | %s %s", id, bundle.get("State"), symbolicName,
                        bundle.get("Version")));
            }
        }
        lines.values().forEach(System.out::println);
    }

    /** Services registered under the class: id, providing bundle and the public properties a service adds. */
    private void listServices(String objectClass) throws Exception {
        ObjectName state = only(SERVICE_STATE);
        ObjectName bundleState = only(BUNDLE_STATE);
        TabularData services = (TabularData) server.invoke(state, "listServices",
                new Object[] {objectClass, null}, new String[] {String.class.getName(), String.class.getName()});
        Map<Long, String> lines = new TreeMap<>();
        for (CompositeData service : rows(services)) {
            long id = (Long) service.get("Identifier");
            long bundle = (Long) service.get("BundleIdentifier");
            String provider = (String) server.invoke(bundleState, "getSymbolicName",
                    new Object[] {bundle}, new String[] {long.class.getName()});
            TabularData properties = (TabularData) server.invoke(state, "getProperties",
                    new Object[] {id}, new String[] {long.class.getName()});
            List<String> shown = new ArrayList<>();
            for (CompositeData property : rows(properties)) {
                String key = (String) property.get("Key");
                if (key.equals(SPIFLY_IMPLEMENTATION)) {
                    shown.add("implementation=" + property.get("Value"));
                } else if (!STANDARD_PROPERTIES.contains(key) && !key.startsWith(".")) {
                    shown.add(key + "=" + property.get("Value"));
                }
            }
            shown.sort(null);
            lines.put(id, String.format("  service.id=%d from %s (bundle %d)%s", id, provider, bundle,
                    shown.isEmpty() ? "" : ": " + String.join(", ", shown)));
        }
        System.out.println(objectClass + ": " + lines.size() + (lines.size() == 1 ? " service" : " services"));
        lines.values().forEach(System.out::println);
    }

    private ObjectName only(String pattern) throws Exception {
        Set<ObjectName> names = server.queryNames(new ObjectName(pattern), null);
        if (names.size() != 1) {
            throw new IllegalStateException("expected one MBean named " + pattern + ", found " + names);
        }
        return names.iterator().next();
    }

    private void invoke(String mbean, String operation, String argument) throws Exception {
        server.invoke(new ObjectName(mbean), operation, new Object[] {argument}, new String[] {String.class.getName()});
    }

    @SuppressWarnings("unchecked")
    private static Collection<CompositeData> rows(TabularData table) {
        return (Collection<CompositeData>) table.values();
    }
}
