package io.revlens.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.revlens.metrics.PlanMetric;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The job file's {@code scorecard:} and {@code rocks:} as written, checked into a {@link Planning}. */
record PlanningFile(ScorecardFile scorecard, List<RockFile> rocks) {

    record ScorecardFile(@JsonProperty("streak_alert") Integer streakAlert, List<MeasurableFile> measurables) {
    }

    record MeasurableFile(String name, String metric, Map<String, String> filter, String owner, BigDecimal goal,
                          String direction, String cadence) {
    }

    record RockFile(String name, String metric, Map<String, String> filter, String owner, BigDecimal baseline,
                    String start, BigDecimal target, String due, String direction) {
    }

    /** The plan, with every problem added to {@code problems} (the job file lists them all at once). */
    Planning toPlanning(List<String> problems) {
        int streakAlert = scorecard == null || scorecard.streakAlert() == null
                ? Planning.DEFAULT_STREAK_ALERT : scorecard.streakAlert();
        if (streakAlert < 2) {
            problems.add("scorecard.streak_alert must be 2 or more (periods in a row of one status), was " + streakAlert);
        }
        List<Planning.Measurable> measurables = new ArrayList<>();
        List<MeasurableFile> listed = scorecard == null || scorecard.measurables() == null ? List.of() : scorecard.measurables();
        for (int i = 0; i < listed.size(); i++) {
            MeasurableFile m = listed.get(i);
            String where = "scorecard.measurables[" + (i + 1) + "]";
            PlanMetric metric = metric(m.metric(), where, problems);
            String cadence = m.cadence() == null ? "weekly" : m.cadence();
            if (!cadence.equals("weekly") && !cadence.equals("monthly")) {
                problems.add(where + ".cadence must be weekly or monthly, was '" + cadence + "'");
            }
            measurables.add(new Planning.Measurable(name(m.name(), m.metric(), m.filter()), m.metric(),
                    filter(m.filter(), where, problems), m.owner(), m.goal(),
                    direction(m.direction(), metric, where, problems), cadence));
        }
        List<Planning.Rock> resolved = new ArrayList<>();
        List<RockFile> rockFiles = rocks == null ? List.of() : rocks;
        for (int i = 0; i < rockFiles.size(); i++) {
            RockFile r = rockFiles.get(i);
            String where = "rocks[" + (i + 1) + "]";
            PlanMetric metric = metric(r.metric(), where, problems);
            LocalDate start = date(r.start(), where + ".start", problems);
            LocalDate due = date(r.due(), where + ".due", problems);
            if (start == null || due == null || r.target() == null) {
                problems.add(where + ": start, due and target are needed (start: 2025-10-01, due: 2025-12-31, target: 35)");
            } else if (!due.isAfter(start)) {
                problems.add(where + ": due " + due + " must be after start " + start);
            }
            resolved.add(new Planning.Rock(name(r.name(), r.metric(), r.filter()), r.metric(),
                    filter(r.filter(), where, problems), r.owner(), r.baseline(), start, r.target(), due,
                    direction(r.direction(), metric, where, problems)));
        }
        return new Planning(streakAlert, List.copyOf(measurables), List.copyOf(resolved));
    }

    private static LocalDate date(String text, String where, List<String> problems) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(where + " '" + text + "' is not a date in the form 2025-12-31");
            return null;
        }
    }

    private static PlanMetric metric(String key, String where, List<String> problems) {
        if (key == null) {
            problems.add(where + ": name a metric (one of " + PlanMetric.keys() + ")");
            return null;
        }
        return PlanMetric.of(key).orElseGet(() -> {
            problems.add(where + ".metric '" + key + "' is not one RevLens computes; use one of " + PlanMetric.keys());
            return null;
        });
    }

    private static Planning.Filter filter(Map<String, String> filter, String where, List<String> problems) {
        if (filter == null || filter.isEmpty()) {
            return Planning.Filter.ALL;
        }
        if (filter.size() > 1) {
            problems.add(where + ".filter takes one of " + Planning.Filter.DIMENSIONS + ", found " + filter.keySet());
            return Planning.Filter.ALL;
        }
        Map.Entry<String, String> only = filter.entrySet().iterator().next();
        if (!Planning.Filter.DIMENSIONS.contains(only.getKey()) || only.getValue() == null || only.getValue().isBlank()) {
            problems.add(where + ".filter must be one of " + Planning.Filter.DIMENSIONS + " with a value ({rep: Dana Whitfield}),"
                    + " found " + only.getKey() + ": " + only.getValue());
            return Planning.Filter.ALL;
        }
        return new Planning.Filter(only.getKey(), only.getValue().strip());
    }

    private static String direction(String given, PlanMetric metric, String where, List<String> problems) {
        if (given == null) {
            return metric == null ? "up" : metric.defaultDirection();
        }
        if (!given.equals("up") && !given.equals("down")) {
            problems.add(where + ".direction must be up (higher is better) or down, was '" + given + "'");
        }
        return given;
    }

    /** A label when the job file gives none: the metric and its slice ("new_opportunities (rep Dana Whitfield)"). */
    private static String name(String given, String metric, Map<String, String> filter) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        String slice = filter == null || filter.isEmpty() ? ""
                : " (" + filter.keySet().iterator().next() + " " + filter.values().iterator().next() + ")";
        return metric + slice;
    }
}
