package org.nnlab.viz.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.viz.plot.Mathtext.Run;

class MathtextTest {
    @Test
    void subscriptIsOneLevelDown() {
        assertEquals(List.of(new Run("x", true, 0), new Run("1", false, -1)), Mathtext.parse("$x_1$"));
    }

    @Test
    void superscriptAndBracedGroups() {
        assertEquals(List.of(new Run("x", true, 0), new Run("3", false, 1)), Mathtext.parse("$x^3$"));
        assertEquals(List.of(new Run("w", true, 0), new Run("ij", true, -1)), Mathtext.parse("$w_{ij}$"));
    }

    @Test
    void accentsCombineOntoTheLetterAsTheLectureWritesThem() {
        assertEquals(List.of(new Run("Y\u0302", true, 0)), Mathtext.parse("$\\hat Y$"));
        assertEquals(List.of(new Run("Y\u0302", true, 0)), Mathtext.parse("$\\hat{Y}$"));
        assertEquals("x\u0304 y\u0303 v\u20d7 y\u0302\u2081".replace(" ", ""),
                Mathtext.plain("$\\bar x\\tilde{y}\\vec v\\hat y_1$").replace("1", "\u2081"));
        assertEquals(List.of(new Run("w", true, 0), new Run("j\u0302", true, -1)), Mathtext.parse("$w_{\\hat j}$"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mathtext.parse("$\\hat$"));
        assertEquals("Bad mathtext in label '$\\hat$': \\hat at index 1 has nothing to put the accent on."
                + " Hint: write \\hat{y}.", e.getMessage());
    }

    @Test
    void greekLowercaseIsItalicAndCapitalsUpright() {
        assertEquals(List.of(new Run("ωσ", true, 0)), Mathtext.parse("$\\omega\\sigma$"));
        assertEquals(List.of(new Run("Δ", false, 0)), Mathtext.parse("$\\Delta$"));
    }

    @Test
    void minusBecomesSpacedMinusSign() {
        assertEquals("h(x − 0.5)", Mathtext.plain("$h(x-0.5)$").replace('\u2005', ' '));
        assertEquals("e−z", Mathtext.plain("$e^{-z}$"));
    }

    @Test
    void operatorAfterASubscriptIsBinaryAndSpaced() {
        assertEquals("v1z1 + v2z2 + c = 0", Mathtext.plain("$v_1 z_1 + v_2 z_2 + c = 0$").replace('\u2005', ' '));
        assertEquals("x2 − 1", Mathtext.plain("$x^2 - 1$").replace('\u2005', ' '));
    }

    @Test
    void plainTextAroundMathKeepsItsStyle() {
        List<Run> runs = Mathtext.parse("Loss of $z_2$ \\$5");
        assertEquals(new Run("Loss of ", false, 0), runs.get(0));
        assertEquals(new Run(" $5", false, 0), runs.get(runs.size() - 1));
    }

    @Test
    void rejectsUnknownCommandNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mathtext.parse("$\\frac{1}{2}$"));
        assertEquals("Bad mathtext in label '$\\frac{1}{2}$': unknown command \\frac at index 1. Hint: supported are"
                + " Greek letters (\\omega, \\sigma, \\Delta…), \\times \\cdot \\pm \\leq \\geq \\infty \\partial \\nabla"
                + " \\sum \\rightarrow \\in, accents \\hat \\bar \\tilde \\vec \\dot \\ddot, spacing \\, \\; \\quad and \\mathrm{…}.", e.getMessage());
    }

    @Test
    void rejectsUnbalancedDollar() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mathtext.parse("cost $5"));
        assertEquals("Bad mathtext in label 'cost $5': unbalanced '$' at index 5. Hint: close the math with a second"
                + " '$', or write \\$ for a dollar sign.", e.getMessage());
    }
}
