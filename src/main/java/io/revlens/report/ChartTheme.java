package io.revlens.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.Locale;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPosition;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.CategoryLabelWidthType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The one look of every chart (set on each chart element as its customizer): a restrained palette — one accent for
 * the series that matters, greys for context — white plots with light grid lines, and axes in the unit the chart
 * shows, from the element's {@code revlens.axis} property ({@code percent}: fractions as "15%"; {@code money}:
 * "$1.2M"; {@code count}: whole numbers only). A chart whose {@code revlens.kind} is {@code pareto} draws its second series (the cumulative share) as a
 * line over the bars, with the 80% line marked; one whose {@code revlens.kind} is {@code sparkline} is a KPI tile's
 * bare line.
 */
public final class ChartTheme implements JRChartCustomizer {

    static final Color ACCENT = new Color(0x1A, 0x23, 0x7E);
    static final Color[] CONTEXT = {new Color(0x90, 0xA4, 0xAE), new Color(0x60, 0x7D, 0x8B), new Color(0xB0, 0xBE, 0xC5),
            new Color(0x78, 0x90, 0x9C), new Color(0xCF, 0xD8, 0xDC), new Color(0x45, 0x5A, 0x64)};
    static final Color GRID = new Color(0xE0, 0xE6, 0xEA);
    static final Color MARKER = new Color(0xC6, 0x28, 0x28);

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(new Color(0x37, 0x47, 0x4F));
        }
        if (!(chart.getPlot() instanceof CategoryPlot plot)) {
            return;
        }
        var properties = jasperChart.getPropertiesMap();
        String kind = properties == null ? null : properties.getProperty("revlens.kind");
        if ("sparkline".equals(kind)) {
            sparkline(chart, plot);
            return;
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlinesVisible(false);
        fitCategoryLabels(plot.getDomainAxis());
        String axis = properties == null ? null : properties.getProperty("revlens.axis");
        if ("pareto".equals(kind)) {
            paretoLine(plot);
        }
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            colour(plot.getRenderer(d), plot.getDataset(d), d);
        }
        ValueAxis range = plot.getRangeAxis();
        if (range instanceof NumberAxis number) {
            if ("percent".equals(axis)) {
                NumberFormat percent = NumberFormat.getPercentInstance(Locale.US);
                number.setNumberFormatOverride(percent);
            } else if ("money".equals(axis)) {
                number.setNumberFormatOverride(new CompactMoneyFormat());
            } else if ("count".equals(axis)) {
                number.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
        }
    }

    /**
     * Room for a partial period's label ("Q4 26 to date", "Oct 26 to date") instead of "...": two lines under a
     * category, and vertical labels as long as the plot is tall.
     */
    private static void fitCategoryLabels(CategoryAxis domain) {
        if (domain == null) {
            return;
        }
        domain.setMaximumCategoryLabelLines(2);
        CategoryLabelPositions positions = domain.getCategoryLabelPositions();
        CategoryLabelPosition bottom = positions.getLabelPosition(RectangleEdge.BOTTOM);
        boolean vertical = Math.abs(Math.abs(bottom.getAngle()) - Math.PI / 2) < 1e-6;
        if (vertical || bottom.getAngle() == 0) {
            // level labels may use the gap between categories too (only the partial period's label is that long)
            domain.setCategoryLabelPositions(CategoryLabelPositions.replaceBottomPosition(positions,
                    new CategoryLabelPosition(bottom.getCategoryAnchor(), bottom.getLabelAnchor(), bottom.getRotationAnchor(),
                            bottom.getAngle(), vertical ? CategoryLabelWidthType.RANGE : CategoryLabelWidthType.CATEGORY,
                            vertical ? 1.0f : 1.5f)));
        }
    }

    /** The first series in the accent, the others in greys (so an 11-rep chart is not 11 saturated colours). */
    private static void colour(CategoryItemRenderer renderer, CategoryDataset dataset, int datasetIndex) {
        if (renderer == null || dataset == null) {
            return;
        }
        if (renderer instanceof BarRenderer bars) {
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
        }
        for (int s = 0; s < dataset.getRowCount(); s++) {
            Color colour = datasetIndex == 0 && s == 0 ? ACCENT : CONTEXT[(s + datasetIndex) % CONTEXT.length];
            renderer.setSeriesPaint(s, colour);
            renderer.setSeriesStroke(s, new BasicStroke(datasetIndex == 0 && s == 0 ? 2.0f : 1.2f));
        }
    }

    /**
     * A KPI tile's line: the value at each month end (the as-of date last) in the accent, the target (when set) as a
     * dashed grey line, no axes, grid or title; the scale is the line's own, not from zero.
     */
    private static void sparkline(JFreeChart chart, CategoryPlot plot) {
        chart.setBackgroundPaint(null);
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(0, 0, 0, 0));
        plot.setBackgroundPaint(null);
        plot.setOutlineVisible(false);
        plot.setInsets(new org.jfree.chart.ui.RectangleInsets(2, 1, 2, 1));
        plot.setRangeGridlinesVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.getDomainAxis().setVisible(false);
        plot.getDomainAxis().setLowerMargin(0);
        plot.getDomainAxis().setUpperMargin(0);
        plot.getRangeAxis().setVisible(false);
        if (plot.getRangeAxis() instanceof NumberAxis number) {
            number.setAutoRangeIncludesZero(false);
        }
        if (plot.getRenderer() instanceof LineAndShapeRenderer line) {
            line.setDefaultShapesVisible(false);
            line.setSeriesPaint(0, ACCENT);
            line.setSeriesStroke(0, new BasicStroke(1.4f));
            line.setSeriesPaint(1, CONTEXT[1]);
            line.setSeriesStroke(1, new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 2f}, 0f));
        }
    }

    /** Bars for each customer's share, a line for the cumulative share, and the 80% line. */
    private static void paretoLine(CategoryPlot plot) {
        if (!(plot.getDataset() instanceof DefaultCategoryDataset bars) || bars.getRowCount() < 2) {
            return;
        }
        DefaultCategoryDataset cumulative = new DefaultCategoryDataset();
        Comparable<?> key = bars.getRowKey(1);
        for (int c = 0; c < bars.getColumnCount(); c++) {
            cumulative.addValue(bars.getValue(1, c), key, bars.getColumnKey(c));
        }
        bars.removeRow(1);
        plot.setDataset(1, cumulative);
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        ValueMarker eighty = new ValueMarker(0.8, MARKER, new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {4f, 3f}, 0f));
        eighty.setLabel("80%");
        eighty.setLabelFont(new Font("DejaVu Sans", Font.PLAIN, 8));
        eighty.setLabelPaint(MARKER);
        eighty.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        eighty.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(eighty);
        plot.getRangeAxis().setRange(0.0, 1.0); // shares of the whole: the 80% line is always in view
    }

    /** "$1.2M", "$350K" for money axes (the currency symbol comes from no context here: dollars are not assumed). */
    private static final class CompactMoneyFormat extends NumberFormat {
        @Override
        public StringBuffer format(double number, StringBuffer out, java.text.FieldPosition position) {
            double a = Math.abs(number);
            String sign = number < 0 ? "-" : "";
            if (a >= 1_000_000) {
                return out.append(sign).append(String.format(Locale.US, "%.1fM", a / 1_000_000));
            }
            if (a >= 1_000) {
                return out.append(sign).append(String.format(Locale.US, "%.0fK", a / 1_000));
            }
            return out.append(sign).append(String.format(Locale.US, "%.0f", a));
        }

        @Override
        public StringBuffer format(long number, StringBuffer out, java.text.FieldPosition position) {
            return format((double) number, out, position);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition position) {
            return null;
        }
    }
}
