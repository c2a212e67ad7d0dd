package io.revlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import net.sf.jasperreports.charts.design.JRDesignChart;
import net.sf.jasperreports.charts.type.ChartTypeEnum;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

/** The chart theme on a real JFreeChart and a real Jasper chart element, as Jasper hands them to it. */
class ChartThemeTests {

    @Test
    void aParetoDrawsTheCumulativeShareAsALineOverTheBarsWithTheEightyPercentLine() {
        DefaultCategoryDataset shares = new DefaultCategoryDataset();
        shares.addValue(0.23, "Share of revenue", "Northwind");
        shares.addValue(0.07, "Share of revenue", "Titan");
        shares.addValue(0.23, "Cumulative share", "Northwind");
        shares.addValue(0.30, "Cumulative share", "Titan");
        JFreeChart chart = ChartFactory.createBarChart("Pareto", null, null, shares);
        JRDesignChart element = new JRDesignChart(null, ChartTypeEnum.BAR);
        element.getPropertiesMap().setProperty("revlens.axis", "percent");
        element.getPropertiesMap().setProperty("revlens.kind", "pareto");

        new ChartTheme().customize(chart, element);

        CategoryPlot plot = chart.getCategoryPlot();
        assertThat(plot.getDataset(0).getRowKeys()).containsExactly("Share of revenue");
        assertThat(plot.getDataset(1).getRowKeys()).containsExactly("Cumulative share");
        assertThat(plot.getDataset(1).getValue(0, 1)).isEqualTo(0.30);
        assertThat(plot.getRenderer(1)).isInstanceOf(LineAndShapeRenderer.class);
        assertThat(plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).singleElement()
                .satisfies(marker -> assertThat(((ValueMarker) marker).getValue()).isEqualTo(0.8));
        assertThat(((NumberAxis) plot.getRangeAxis()).getNumberFormatOverride().format(0.15)).isEqualTo("15%");
        assertThat(plot.getRenderer(0).getSeriesPaint(0)).isEqualTo(ChartTheme.ACCENT);
    }

    @Test
    void aMoneyAxisReadsInThousandsAndMillionsAndAChartWithoutPropertiesKeepsItsNumbers() {
        DefaultCategoryDataset revenue = new DefaultCategoryDataset();
        revenue.addValue(540_000, "Revenue", "Oct 26");
        JFreeChart money = ChartFactory.createBarChart("Revenue", null, null, revenue);
        JRDesignChart element = new JRDesignChart(null, ChartTypeEnum.BAR);
        element.getPropertiesMap().setProperty("revlens.axis", "money");
        new ChartTheme().customize(money, element);
        NumberAxis axis = (NumberAxis) money.getCategoryPlot().getRangeAxis();
        assertThat(axis.getNumberFormatOverride().format(540_000)).isEqualTo("540K");
        assertThat(axis.getNumberFormatOverride().format(6_400_000)).isEqualTo("6.4M");

        JFreeChart plain = ChartFactory.createBarChart("Deals", null, null, revenue);
        new ChartTheme().customize(plain, new JRDesignChart(null, ChartTypeEnum.BAR));
        assertThat(((NumberAxis) plain.getCategoryPlot().getRangeAxis()).getNumberFormatOverride()).isNull();
    }
}
