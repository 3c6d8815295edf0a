package dev.apigwinsights.reports.render;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Element;

/**
 * Draws the chart an {@code <object type="apigw/chart" data-chart="ID">} element names, with
 * JFreeChart straight onto the PDF page's vector graphics (PDFBox's Graphics2D bridge): lines, bars
 * and text stay vectors and real text in the embedded font, at any zoom, and nothing is rasterised.
 */
final class ChartObjectDrawer implements FSObjectDrawer {

    static final String TYPE = "apigw/chart";
    static final String ID_ATTRIBUTE = "data-chart";

    private final Map<String, JFreeChart> charts;

    ChartObjectDrawer(Map<String, JFreeChart> charts) {
        this.charts = charts;
    }

    @Override
    public Map<Shape, String> drawObject(Element e, double x, double y, double width, double height,
                                        OutputDevice outputDevice, RenderingContext ctx, int dotsPerPixel) {
        JFreeChart chart = charts.get(e.getAttribute(ID_ATTRIBUTE));
        if (chart == null) {
            throw new IllegalStateException("the template names chart '" + e.getAttribute(ID_ATTRIBUTE) + "', which the report did not build");
        }
        float w = (float) (width / dotsPerPixel);
        float h = (float) (height / dotsPerPixel);
        outputDevice.drawWithGraphics((float) x, (float) y, w, h, g2 -> chart.draw(g2, new Rectangle2D.Float(0, 0, w, h)));
        return null;
    }
}
