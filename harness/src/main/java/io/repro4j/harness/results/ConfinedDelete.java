package io.repro4j.harness.results;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The one way repro4j deletes a directory tree: only inside a directory it made, checked before anything goes.
 *
 * <p>The tree must lie inside the container after normalisation and after resolving the links of its existing
 * ancestors, so {@code ..} segments and a linked parent cannot lead outside. Links inside the tree are removed as
 * links; what they point to is never visited. A tree outside its container is refused with an
 * {@link IllegalStateException} naming both paths, and nothing is deleted.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ConfinedDelete {

    private final Path container;

    private ConfinedDelete(Path container) {
        this.container = Objects.requireNonNull(container, "container").toAbsolutePath().normalize();
    }

    /** Deletes only trees at or below {@code container}. */
    public static ConfinedDelete within(Path container) {
        return new ConfinedDelete(container);
    }

    /**
     * Deletes {@code tree} and everything below it; nothing when it does not exist.
     *
     * @throws IllegalStateException when {@code tree} is not at or below the container
     * @throws IOException when a file cannot be deleted (what was deleted before stays deleted)
     */
    public void deleteTree(Path tree) throws IOException {
        Path target = tree.toAbsolutePath().normalize();
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        requireInside(target);
        Files.walkFileTree(target, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Like {@link #deleteTree}, but a file that cannot be deleted is left behind silently. Refusals still throw. */
    public void deleteTreeQuietly(Path tree) {
        try {
            deleteTree(tree);
        } catch (IOException ignored) {
            // A file held open (another OS, a lingering reader) must not hide a verdict; it stays under the root.
        }
    }

    private void requireInside(Path target) throws IOException {
        boolean inside = target.startsWith(container);
        if (inside) {
            // The textual check passed; resolve the links of the tree's parent so that a linked folder on the way
            // cannot lead elsewhere. The tree itself may be a link: it is then removed, not followed.
            Path realContainer = container.toRealPath();
            Path parent = target.getParent();
            inside = target.equals(container)
                    || (parent != null && parent.toRealPath().startsWith(realContainer));
        }
        if (!inside) {
            throw new IllegalStateException("repro4j refused to delete " + target + ": it is not inside "
                    + container + ", the only directory this clean-up may delete from. Nothing was deleted; "
                    + "please report this as a bug of repro4j.");
        }
    }
}
