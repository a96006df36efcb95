package org.hotcell.model.task;

import java.util.List;
import java.util.Locale;

import org.hotcell.core.error.InvalidSpecException;

/** The built-in tasks by name. */
public final class Tasks {
    /** The names {@link #create} knows. */
    public static final List<String> NAMES = List.of("adding", "copy", "sine");

    private Tasks() {
    }

    /**
     * The task of this name at this length: the sequence length for {@code adding} and {@code sine}, the
     * delay for {@code copy} (5 symbols of 8).
     *
     * @throws InvalidSpecException naming the task and the known ones
     */
    public static Task create(String name, int length) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "adding" -> new AddingTask(length);
            case "copy" -> new CopyTask(5, 8, length);
            case "sine" -> new SineTask(length);
            default -> throw new InvalidSpecException("unknown task '" + name + "'; known: " + String.join(", ", NAMES));
        };
    }
}
