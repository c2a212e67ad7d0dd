package io.revlens.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRExpression;
import net.sf.jasperreports.engine.JRExpressionCollector;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.design.JRValidationException;
import net.sf.jasperreports.engine.design.JRValidationFault;
import org.xml.sax.SAXParseException;

/**
 * Turns a template compile failure into one message naming the template and the line to fix: XML errors
 * carry their parser location; invalid or non-compiling expressions are found by their text in the source.
 */
final class TemplateErrors {

    /** A generated Java line the expression compiler quotes: "value = ...; //$JR_EXPR_ID=8$". */
    private static final Pattern GENERATED_LINE = Pattern.compile("value = (.*); //\\$JR_EXPR_ID=\\d+\\$");
    /** How a $F{x} / $P{x} / $V{x} reference reads in generated Java: ((type)field_x.getValue()). */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\(\\([\\w.$\\[\\]]+\\)(field|parameter|variable)_(\\w+)\\.get(?:Old|Estimated)?Value\\(\\)\\)");

    private TemplateErrors() {
    }

    /**
     * @param design the loaded design whose compilation failed, or null when the XML did not load
     */
    static String describe(String templateName, String source, JasperDesign design, Exception failure) {
        String where = "Report template reports/" + templateName + ".jrxml";
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Integer line = null;
            String detail = null;
            if (t instanceof JsonProcessingException json && json.getLocation() != null && json.getLocation().getLineNr() > 0) {
                line = json.getLocation().getLineNr();
                detail = json.getOriginalMessage();
            } else if (t instanceof XMLStreamException xml && xml.getLocation() != null && xml.getLocation().getLineNumber() > 0) {
                line = xml.getLocation().getLineNumber();
                detail = xml.getMessage();
            } else if (t instanceof SAXParseException sax && sax.getLineNumber() > 0) {
                line = sax.getLineNumber();
                detail = sax.getMessage();
            }
            if (line != null) {
                return where + " line " + line + ": " + firstLine(detail);
            }
        }
        if (failure instanceof JRValidationException validation) {
            List<String> problems = new ArrayList<>();
            for (JRValidationFault fault : validation.getFaults()) {
                Integer line = fault.getSource() instanceof JRExpression expression ? lineOf(source, expression.getText()) : null;
                problems.add((line == null ? "" : "line " + line + ": ") + fault.getMessage());
            }
            return where + " " + String.join("; ", problems);
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        Matcher generated = GENERATED_LINE.matcher(message);
        if (generated.find()) {
            String expression = untranslate(generated.group(1));
            Integer line = lineOf(source, expression);
            if (line == null && design != null) {
                // the template spells it differently (spaces): compare without whitespace
                for (JRExpression candidate : JRExpressionCollector.collectExpressions(
                        DefaultJasperReportsContext.getInstance(), design)) {
                    if (candidate.getText() != null
                            && candidate.getText().replaceAll("\\s+", "").equals(expression.replaceAll("\\s+", ""))) {
                        line = lineOf(source, candidate.getText());
                        break;
                    }
                }
            }
            return where + (line == null ? "" : " line " + line) + ": expression " + expression
                    + " does not compile: " + firstProblem(message);
        }
        return where + " does not compile: " + message;
    }

    /** The template's spelling of a generated expression: $F{x} for field_x.getValue() and so on. */
    static String untranslate(String java) {
        Matcher m = REFERENCE.matcher(java);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String prefix = switch (m.group(1)) {
                case "field" -> "$F{";
                case "parameter" -> "$P{";
                default -> "$V{";
            };
            m.appendReplacement(out, Matcher.quoteReplacement(prefix + m.group(2) + "}"));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    /** 1-based line of the first occurrence of {@code text} in {@code source}, or null. */
    static Integer lineOf(String source, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int at = source.indexOf(text.strip());
        if (at < 0) {
            return null;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** The compiler's first problem line ("1. The method noSuchMethod(int) is undefined for the type String"). */
    private static String firstProblem(String message) {
        for (String line : message.split("\n")) {
            if (line.matches("\\s*1\\. .*")) {
                return line.strip().substring(3);
            }
        }
        return firstLine(message);
    }
}
