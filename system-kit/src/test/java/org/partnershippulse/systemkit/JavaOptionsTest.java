package org.partnershippulse.systemkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system tests start the services with the JVM options the scripts use: one file, or the variable instead. */
class JavaOptionsTest {

    @TempDir
    Path dir;

    @Test
    void theFileGivesOneOptionALineAndTheVersionedOnesOnlyFromThatJava() throws IOException {
        Path file = Files.writeString(dir.resolve("options"), """
                # why
                -XX:+UseSerialGC
                  -Xmx384m   # a comment after it

                25: -XX:+UseCompactObjectHeaders
                """);
        assertEquals(List.of("-XX:+UseSerialGC", "-Xmx384m"), ServiceProcesses.javaOptions(17, null, file));
        assertEquals(List.of("-XX:+UseSerialGC", "-Xmx384m", "-XX:+UseCompactObjectHeaders"), ServiceProcesses.javaOptions(25, null, file));
    }

    @Test
    void theVariableReplacesTheFileEvenWhenEmpty() throws IOException {
        Path file = Files.writeString(dir.resolve("options"), "-XX:+UseSerialGC\n");
        assertEquals(List.of("-Xmx1g", "-XX:+UseG1GC"), ServiceProcesses.javaOptions(25, " -Xmx1g  -XX:+UseG1GC ", file));
        assertEquals(List.of(), ServiceProcesses.javaOptions(25, "", file));
    }

    @Test
    void theRepositorysFileBoundsTheHeap() {
        Path file = Path.of(System.getProperty("user.dir")).getParent().resolve("scripts/service-java-options");
        assertTrue(ServiceProcesses.javaOptions(25, null, file).stream().anyMatch(o -> o.startsWith("-Xmx")), "no -Xmx in " + file);
    }
}
