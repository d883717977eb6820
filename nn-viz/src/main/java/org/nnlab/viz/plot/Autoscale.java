package org.nnlab.viz.plot;

import java.util.List;

/**
 * Matplotlib's autoscaling: the finite data range plus a 5% margin on each side (in the axis'
 * scale), except that a margin never crosses a sticky edge such as an image border or a bar base.
 * No data gives [0, 1] (log: [1, 10]); a single value v gives v ± 5% (or ± 0.05 at 0).
 */
final class Autoscale {
    static final double MARGIN = 0.05;

    private Autoscale() {
    }

    static Limits limits(List<Series> series, Scale xScale, Scale yScale, boolean xAxis) {
        DataBounds b = new DataBounds(xScale, yScale);
        for (Series s : series) {
            s.extend(b);
        }
        Scale scale = xAxis ? xScale : yScale;
        double lo = xAxis ? b.xmin : b.ymin;
        double hi = xAxis ? b.xmax : b.ymax;
        double[] sticky = xAxis ? b.stickyX : b.stickyY;
        if (lo > hi) {
            return scale == Scale.LOG ? new Limits(1, 10) : new Limits(0, 1);
        }
        double ulo = scale.forward(lo);
        double uhi = scale.forward(hi);
        if (ulo == uhi) {
            double d = ulo == 0 ? 0.05 : Math.abs(ulo) * MARGIN;
            return new Limits(scale.inverse(ulo - d), scale.inverse(uhi + d));
        }
        double m = (uhi - ulo) * MARGIN;
        double nlo = ulo - m;
        double nhi = uhi + m;
        for (double s : sticky) {
            double u = scale.forward(s);
            if (u <= ulo && u > nlo) {
                nlo = u;
            }
            if (u >= uhi && u < nhi) {
                nhi = u;
            }
        }
        return new Limits(scale.inverse(nlo), scale.inverse(nhi));
    }
}
