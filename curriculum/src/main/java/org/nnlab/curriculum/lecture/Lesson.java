package org.nnlab.curriculum.lecture;

/**
 * One section of the lecture: it runs its experiments and writes its part of the report.
 *
 * <p>A lesson declares its models with the DSL, trains them with a seed derived from the lecture's
 * seed, and hands its figures, tables and numbers to the {@link LessonContext}. Lessons are
 * independent: {@code --only <id>} runs one of them alone.
 */
public interface Lesson {

    /** The short name used by {@code --only} and as the key in {@code summary.json}, e.g. {@code "mnist"}. */
    String id();

    /** The section heading, e.g. {@code "MNIST: a classifier for handwritten digits"}. */
    String title();

    /** The heading for this run, e.g. naming the dataset given with {@code --data}; {@link #title()} by default. */
    default String title(LessonContext context) {
        return title();
    }

    /** Runs the experiments and writes the section. */
    void run(LessonContext context) throws Exception;
}
