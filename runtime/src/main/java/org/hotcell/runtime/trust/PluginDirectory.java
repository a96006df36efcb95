package org.hotcell.runtime.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Checks on the directory plugins are loaded from: whoever can write there can run code in this process. */
public final class PluginDirectory {
    private PluginDirectory() {
    }

    /**
     * Creates the directory when missing and checks that only its owner can write to it.
     *
     * @param force accept a directory that group or others can write to (a shared, trusted setup)
     * @throws UntrustedPluginException naming the directory and its permissions when group or others can write to
     *                                  it and {@code force} is false
     */
    public static Path prepare(Path directory, boolean force) throws IOException {
        Path dir = directory.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        if (view == null) {
            return dir; // Not a POSIX file system: there are no group/other write bits to inspect.
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        boolean shared = permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE);
        if (shared && !force) {
            throw new UntrustedPluginException("refusing plugins directory " + dir + ": its permissions are "
                    + PosixFilePermissions.toString(permissions) + ", so users other than its owner can drop code "
                    + "into this process; run 'chmod go-w " + dir + "' or pass --force to accept it");
        }
        return dir;
    }
}
