package org.chainwise.reports.render;

import java.util.List;
import java.util.Locale;

/** Inline SVG charts with every label escaped: horizontal bars, and a trend line over weeks. */
final class Svg {

    private static final int LABEL_WIDTH = 190;
    private static final int BAR_AREA = 320;
    private static final int ROW_HEIGHT = 22;

    private Svg() {
    }

    /** One labelled bar. */
    record Bar(String label, double value, String valueText, String cssClass) {
    }

    /** Bars scaled to {@code max} (at least 1), one per row, the value printed after each. */
    static String bars(String title, List<Bar> bars, double max) {
        double scale = max <= 0 ? 1 : max;
        int height = Math.max(1, bars.size()) * ROW_HEIGHT + 8;
        int width = LABEL_WIDTH + BAR_AREA + 70;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\"><title>").append(Html.escape(title)).append("</title>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 4 + i * ROW_HEIGHT;
            double length = Math.max(0, Math.min(1, bar.value() / scale)) * BAR_AREA;
            svg.append("<text x=\"").append(LABEL_WIDTH - 6).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\">").append(Html.escape(bar.label())).append("</text>")
                    .append("<rect class=\"").append(Html.escape(bar.cssClass())).append("\" x=\"").append(LABEL_WIDTH)
                    .append("\" y=\"").append(y + 3).append("\" width=\"").append(number(length))
                    .append("\" height=\"").append(ROW_HEIGHT - 8).append("\"/>")
                    .append("<text x=\"").append(number(LABEL_WIDTH + length + 5)).append("\" y=\"").append(y + 15)
                    .append("\">").append(Html.escape(bar.valueText())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** A line of {@code shares} (0..1, one per week) with the largest value labelled; empty weeks plot at 0. */
    static String trend(String title, List<Double> shares, List<String> weekLabels) {
        int width = 360;
        int height = 90;
        int left = 34;
        int bottom = 18;
        int plotWidth = width - left - 8;
        int plotHeight = height - bottom - 8;
        double max = shares.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double top = max <= 0 ? 1 : max;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"trend\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height).append("\"><title>")
                .append(Html.escape(title)).append("</title>")
                .append("<line class=\"axis\" x1=\"").append(left).append("\" y1=\"").append(8 + plotHeight)
                .append("\" x2=\"").append(left + plotWidth).append("\" y2=\"").append(8 + plotHeight).append("\"/>")
                .append("<text x=\"").append(left - 4).append("\" y=\"12\" text-anchor=\"end\">")
                .append(Html.escape(percent(top))).append("</text>")
                .append("<text x=\"").append(left - 4).append("\" y=\"").append(8 + plotHeight)
                .append("\" text-anchor=\"end\">0</text>");
        int n = shares.size();
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double x = left + (n == 1 ? plotWidth / 2.0 : (double) i * plotWidth / (n - 1));
            double y = 8 + plotHeight - shares.get(i) / top * plotHeight;
            points.append(number(x)).append(',').append(number(y)).append(' ');
            svg.append("<circle cx=\"").append(number(x)).append("\" cy=\"").append(number(y)).append("\" r=\"2.5\"/>");
        }
        if (n > 0) {
            svg.append("<polyline points=\"").append(points.toString().strip()).append("\"/>")
                    .append("<text x=\"").append(left).append("\" y=\"").append(height - 3).append("\">")
                    .append(Html.escape(weekLabels.getFirst())).append("</text>")
                    .append("<text x=\"").append(left + plotWidth).append("\" y=\"").append(height - 3)
                    .append("\" text-anchor=\"end\">").append(Html.escape(weekLabels.getLast())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
