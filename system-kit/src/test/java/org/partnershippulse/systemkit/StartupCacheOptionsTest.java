package org.partnershippulse.systemkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service starts from its start-up cache only when the cache was made from the jar it starts. */
class StartupCacheOptionsTest {

    // the test runs on 17 or 25: the cache is the one that JVM reads
    private static final boolean AOT = Runtime.version().feature() >= 25;
    private static final String CACHE = AOT ? "app.aot" : "app-cds.jsa";
    private static final String OPTION = AOT ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";

    @TempDir
    Path dir;

    @Test
    void aCacheNewerThanTheJarIsUsed() throws IOException {
        Path jar = file("quarkus-run.jar", 1000);
        Path cache = file(CACHE, 2000);
        assertEquals(List.of(OPTION + cache), ServiceProcesses.startupCacheOptions(PulseService.PARTNERSHIP, jar));
    }

    @Test
    void aCacheOlderThanTheJarIsNot() throws IOException {
        Path jar = file("quarkus-run.jar", 2000);
        file(CACHE, 1000);
        assertEquals(List.of(), ServiceProcesses.startupCacheOptions(PulseService.PARTNERSHIP, jar));
    }

    @Test
    void withoutACacheTheStartIsPlain() throws IOException {
        Path jar = file("quarkus-run.jar", 1000);
        assertEquals(List.of(), ServiceProcesses.startupCacheOptions(PulseService.PARTNERSHIP, jar));
    }

    @Test
    void theOtherJvmsCacheIsNotUsed() throws IOException {
        Path jar = file("quarkus-run.jar", 1000);
        file(AOT ? "app-cds.jsa" : "app.aot", 2000);
        assertEquals(List.of(), ServiceProcesses.startupCacheOptions(PulseService.PARTNERSHIP, jar));
    }

    private Path file(String name, long epochSecond) throws IOException {
        Path f = Files.writeString(dir.resolve(name), "x");
        Files.setLastModifiedTime(f, FileTime.from(Instant.ofEpochSecond(epochSecond)));
        return f;
    }
}
