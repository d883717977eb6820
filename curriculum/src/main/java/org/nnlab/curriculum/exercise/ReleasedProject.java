package org.nnlab.curriculum.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What makes a released exercise a standalone Maven project: its {@code pom.xml}, and the part of
 * its README that says how to build, test and hand it in.
 *
 * <p>The project depends only on published artifacts without solutions: {@code org.nnlab:nnlab}
 * (the library) and {@code org.nnlab:nnlab-exercise-api} (the grading annotations and the listener
 * that prints the visible score), both at the version of this build, plus JUnit. Sources stay in
 * {@code src/} and tests in {@code test/}, configured in the POM, so IntelliJ IDEA, VS Code and
 * Eclipse open it as it is. Plugin versions are this build's, so an offline {@code mvn test}
 * finds them in the local repository the build filled.
 */
public final class ReleasedProject {
    private static final Properties VERSIONS = versions();

    private ReleasedProject() {
    }

    /** The nnlab version released projects depend on, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String nnlabVersion() {
        return VERSIONS.getProperty("nnlab.version");
    }

    /** The {@code pom.xml} of {@code exercise}'s release. */
    public static String pom(Exercise exercise) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Exercise %2$s: %3$s.
                     mvn test   compiles your code and runs the visible tests; the visible score is printed at the end.
                     See README.md for how to hand it in. -->
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>

                  <groupId>org.nnlab.exercises</groupId>
                  <artifactId>%1$s</artifactId>
                  <version>1.0</version>
                  <name>nnlab exercise %2$s: %1$s</name>

                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>

                  <dependencies>
                    <dependency>
                      <groupId>org.nnlab</groupId>
                      <artifactId>nnlab</artifactId>
                      <version>%4$s</version>
                      <type>pom</type>
                    </dependency>
                    <dependency>
                      <groupId>org.nnlab</groupId>
                      <artifactId>nnlab-exercise-api</artifactId>
                      <version>%4$s</version>
                      <scope>test</scope>
                    </dependency>
                    <dependency>
                      <groupId>org.junit.jupiter</groupId>
                      <artifactId>junit-jupiter</artifactId>
                      <version>%5$s</version>
                      <scope>test</scope>
                    </dependency>
                  </dependencies>

                  <build>
                    <sourceDirectory>src</sourceDirectory>
                    <testSourceDirectory>test</testSourceDirectory>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>%6$s</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>%7$s</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>%8$s</version>
                        <configuration>
                          <trimStackTrace>true</trimStackTrace>
                        </configuration>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-jar-plugin</artifactId>
                        <version>%9$s</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(exercise.id(), exercise.number(), xml(exercise.title()), nnlabVersion(),
                VERSIONS.getProperty("junit.version"), VERSIONS.getProperty("resources-plugin.version"),
                VERSIONS.getProperty("compiler-plugin.version"), VERSIONS.getProperty("surefire-plugin.version"),
                VERSIONS.getProperty("jar-plugin.version"));
    }

    /** The command that zips the files the grader takes, run in the project folder. */
    public static String zipCommand(Exercise exercise) {
        return "jar --create --no-manifest --file " + exercise.id() + "-submission.zip "
                + String.join(" ", exercise.studentFiles());
    }

    /** The README section on building, testing and handing in, appended to the instructions. */
    public static String workflow(Exercise exercise) {
        return """

                ## Working on it and handing it in

                This folder is a Maven project: open it in IntelliJ IDEA, VS Code or Eclipse as it is
                (File > Open, then the folder), or use the command line.

                ```sh
                mvn test
                ```

                compiles your code and runs the visible tests. At the end it prints your visible score the
                way the grader counts it (e.g. `4/7 visible points; hidden tests run after submission`) and
                every failing test with its message. The grader also runs hidden tests after you submit.

                Hand in %s. To make the zip to upload, run in this folder:

                ```sh
                %s
                ```

                (`jar` comes with every JDK.) The grader takes %s from the upload, wherever it sits in it,
                and ignores every other file.
                """.formatted(String.join(", ", exercise.studentFiles().stream().map(Exercise::fileName).toList()),
                zipCommand(exercise), exercise.studentFiles().size() == 1 ? "this file" : "these files");
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("--", "- -");
    }

    private static Properties versions() {
        Properties p = new Properties();
        try (InputStream in = ReleasedProject.class.getResourceAsStream("release.properties")) {
            if (in == null) {
                throw new IllegalStateException("release.properties is missing from nnlab's classes. Hint: rebuild"
                        + " nnlab with Maven (mvn -pl curriculum -am package), which fills it in.");
            }
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read release.properties", e);
        }
    }
}
