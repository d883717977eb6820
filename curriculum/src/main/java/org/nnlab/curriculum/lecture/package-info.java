/**
 * The lecture on artificial neural networks as runnable lessons, written into one HTML report.
 *
 * <p>Start with {@link org.nnlab.curriculum.lecture.Lecture}, which runs the lessons in order and
 * writes {@code report.html}, {@code summary.json} and the SVG figures; then read one lesson, for
 * example {@code HiddenLayerLesson} (a 2-2-1 network declared with the DSL, trained, and drawn)
 * or {@code BackpropLesson} (every forward value and gradient of a small network, by hand and by
 * nn-core). {@link org.nnlab.curriculum.lecture.Lesson} is the contract each section implements.
 */
package org.nnlab.curriculum.lecture;
