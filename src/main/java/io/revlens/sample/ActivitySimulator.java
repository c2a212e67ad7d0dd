package io.revlens.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The sales team's logged calls and meetings over the last 26 weeks before the sample's as-of date (a HubSpot
 * activity export usually covers a recent window, not all history). Each rep calls at a pace that follows their
 * deal flow, with week-to-week noise; a rep within 90 days of hire ramps up; the rep who stopped creating deals
 * (the planted inactivity fact) all but stops calling at the same time; the team's calls thin out over the last
 * quarter, so a team calls goal goes red and stays red.
 */
final class ActivitySimulator {

    static final int WEEKS = 26;
    private static final String[] CALL_OUTCOMES = {"Connected", "Connected", "Left voicemail", "No answer", "Busy"};
    private static final String[] MEETING_OUTCOMES = {"Completed", "Completed", "Completed", "No show", "Rescheduled"};

    record Activity(long id, LocalDateTime at, String rep, boolean meeting, String title, String outcome, String company) {
    }

    private final SplittableRandom random;
    private final SampleCast cast;

    ActivitySimulator(SplittableRandom random, SampleCast cast) {
        this.random = random;
        this.cast = cast;
    }

    List<Activity> simulate() {
        List<Activity> activities = new ArrayList<>();
        LocalDate firstMonday = SampleCast.AS_OF.with(DayOfWeek.MONDAY).minusWeeks(WEEKS - 1);
        long id = 7_000_000_001L;
        for (int week = 0; week < WEEKS; week++) {
            LocalDate monday = firstMonday.plusWeeks(week);
            // the last quarter's slowdown: from 13 weeks before the as-of date, a tenth fewer calls each month
            double teamPace = week < WEEKS - 13 ? 1.0 : 1.0 - 0.1 * ((week - (WEEKS - 13)) / 4 + 1);
            for (SampleCast.Rep rep : cast.reps) {
                if (rep.manager() == null || rep.manager().isEmpty() || !rep.activeOn(monday)) {
                    continue; // the manager logs no activities of his own
                }
                double pace = rep.dealsPerWeek() / 1.5 * teamPace;
                long tenure = java.time.temporal.ChronoUnit.DAYS.between(rep.hireDate(), monday);
                if (tenure < 90) {
                    pace *= 0.4 + 0.6 * tenure / 90.0;
                }
                if (rep.lastCreateDate() != null && monday.isAfter(rep.lastCreateDate())) {
                    pace = 0.1;
                }
                int calls = (int) Math.round(18 * pace + random.nextInt(-3, 4));
                int meetings = (int) Math.round(4 * pace + random.nextInt(-1, 2));
                for (int i = 0; i < calls + meetings; i++) {
                    boolean meeting = i >= calls;
                    LocalDate day = monday.plusDays(random.nextInt(5));
                    if (day.isAfter(SampleCast.AS_OF)) {
                        continue;
                    }
                    LocalDateTime at = day.atTime(8 + random.nextInt(9), 15 * random.nextInt(4));
                    SampleCast.Customer company = random.nextInt(3) == 0
                            ? cast.prospects.get(random.nextInt(cast.prospects.size()))
                            : cast.customers.get(random.nextInt(cast.customers.size()));
                    activities.add(new Activity(id++, at, rep.name(), meeting,
                            (meeting ? "Meeting with " : "Call with ") + company.name(),
                            meeting ? MEETING_OUTCOMES[random.nextInt(MEETING_OUTCOMES.length)]
                                    : CALL_OUTCOMES[random.nextInt(CALL_OUTCOMES.length)],
                            company.name()));
                }
            }
        }
        activities.sort(java.util.Comparator.comparing(Activity::at).thenComparing(Activity::id));
        return activities;
    }
}
