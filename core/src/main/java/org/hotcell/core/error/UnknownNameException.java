package org.hotcell.core.error;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A name (of an activation, cell type or backend) that no installed plugin serves. The message lists the
 * names that are known and suggests the closest one.
 */
public class UnknownNameException extends HotcellException {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String name;
    // An unmodifiable list from Stream.toList(), which serializes; javac sees only the List interface.
    @SuppressWarnings("serial")
    private final List<String> known;

    /**
     * @param code  the stable code of the subclass
     * @param kind  what was looked up, in words ("activation", "cell type", "backend")
     * @param name  the name asked for
     * @param known the names that are known now
     */
    protected UnknownNameException(String code, String kind, String name, Collection<String> known) {
        super(code, message(kind, name, known));
        this.kind = kind;
        this.name = name;
        this.known = known.stream().sorted().toList();
    }

    /** What kind of thing was looked up ("activation", "cell type", "backend"). */
    public String kind() {
        return kind;
    }

    /** The name that was asked for. */
    public String name() {
        return name;
    }

    /** The names known when the lookup failed, sorted. */
    public List<String> known() {
        return known;
    }

    /** The known name closest to the one asked for, if any is reasonably close. */
    public Optional<String> closest() {
        return Names.closest(name, known);
    }

    private static String message(String kind, String name, Collection<String> known) {
        List<String> sorted = known.stream().sorted().toList();
        StringBuilder text = new StringBuilder();
        text.append("unknown ").append(kind).append(" '").append(name).append("'");
        Names.closest(name, sorted).ifPresent(c -> text.append("; did you mean '").append(c).append("'?"));
        if (sorted.isEmpty()) {
            text.append("; no ").append(kind).append(" is installed");
        } else {
            text.append("; known: ").append(String.join(", ", sorted));
        }
        return text.toString();
    }
}
