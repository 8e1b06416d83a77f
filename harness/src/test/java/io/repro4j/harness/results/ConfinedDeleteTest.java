package io.repro4j.harness.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deletes stay inside the directory they are confined to, whatever the path looks like. */
class ConfinedDeleteTest {

    @TempDir
    Path dir;

    private Path file(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        return Files.writeString(path, "x");
    }

    @Test
    void deletesATreeInsideTheContainer() throws IOException {
        Path work = dir.resolve("root/work");
        file(work.resolve("T/run-1/tmp/a/b.txt"));

        ConfinedDelete.within(work).deleteTree(work.resolve("T"));

        assertThat(work).isEmptyDirectory();
    }

    @Test
    void refusesATreeOutsideTheContainerAndDeletesNothing() throws IOException {
        Path work = dir.resolve("root/work");
        Files.createDirectories(work);
        Path module = file(dir.resolve("module/pom.xml")).getParent();

        assertThatThrownBy(() -> ConfinedDelete.within(work).deleteTree(module))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused to delete " + module).hasMessageContaining("not inside " + work);
        assertThat(module.resolve("pom.xml")).exists();
    }

    @Test
    void refusesDotDotSegmentsThatLeaveTheContainer() throws IOException {
        Path work = dir.resolve("root/work");
        Files.createDirectories(work);
        Path sibling = file(dir.resolve("root/verdicts/T.json")).getParent();

        assertThatThrownBy(() -> ConfinedDelete.within(work).deleteTree(work.resolve("../verdicts")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ConfinedDelete.within(work).deleteTreeQuietly(work.resolve("T/../../verdicts")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(sibling.resolve("T.json")).exists();
    }

    @Test
    void refusesATreeReachedThroughALinkedFolder() throws IOException {
        Path work = dir.resolve("root/work");
        Files.createDirectories(work);
        Path outside = file(dir.resolve("elsewhere/keep/data.txt")).getParent().getParent();
        Files.createSymbolicLink(work.resolve("link"), outside);

        assertThatThrownBy(() -> ConfinedDelete.within(work).deleteTree(work.resolve("link/keep")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(outside.resolve("keep/data.txt")).exists();
    }

    @Test
    void removesLinksInsideTheTreeWithoutFollowingThem() throws IOException {
        Path work = dir.resolve("root/work");
        Path outside = file(dir.resolve("elsewhere/data.txt")).getParent();
        Files.createDirectories(work.resolve("T/cwd"));
        Files.createSymbolicLink(work.resolve("T/cwd/out"), outside);
        Files.createSymbolicLink(work.resolve("T/top"), outside);

        ConfinedDelete.within(work).deleteTree(work.resolve("T"));

        assertThat(work.resolve("T")).doesNotExist();
        assertThat(outside.resolve("data.txt")).exists();
    }

    @Test
    void aMissingTreeIsNothingToDo() throws IOException {
        Path work = dir.resolve("root/work");
        ConfinedDelete.within(work).deleteTree(work.resolve("never-made"));
        ConfinedDelete.within(work).deleteTree(dir.resolve("not-even-inside"));
        assertThat(dir.resolve("root")).doesNotExist();
    }
}
