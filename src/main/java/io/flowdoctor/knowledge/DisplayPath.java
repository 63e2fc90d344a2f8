package io.flowdoctor.knowledge;

import java.nio.file.Path;

/** How a file is named in messages, versions and the catalog: its directory's name, then the path below it, with '/'. */
public final class DisplayPath {

    private DisplayPath() {
    }

    public static String of(Path directory, Path file) {
        return directory.getFileName() + "/" + directory.relativize(file).toString().replace('\\', '/');
    }
}
