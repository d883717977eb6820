package org.nnlab.curriculum.grading;

import java.net.URI;
import javax.tools.SimpleJavaFileObject;

/** A Java source held in memory, named by its file name so javac's messages cite it. */
final class SourceFile extends SimpleJavaFileObject {
    private final String fileName;
    private final String text;

    SourceFile(String fileName, String text) {
        super(URI.create("string:///" + fileName.replace(' ', '_')), Kind.SOURCE);
        this.fileName = fileName;
        this.text = text;
    }

    @Override
    public String getName() {
        return fileName;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
    }
}
