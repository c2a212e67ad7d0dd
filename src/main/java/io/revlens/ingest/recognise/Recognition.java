package io.revlens.ingest.recognise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What RevLens decided a file is, with the evidence: every way its header could be read (a candidate), each
 * scored, and the one chosen when it clears {@link #CONFIDENCE} and beats the best reading as anything else by
 * {@link #MARGIN}. A file no candidate wins is not loaded (docs/data-model.md, "Recognition").
 */
public record Recognition(Candidate chosen, List<Candidate> candidates) {

    /** The score a reading needs to be loaded. */
    public static final double CONFIDENCE = 0.6;
    /** How far the chosen reading must be ahead of the best reading as another table or export. */
    public static final double MARGIN = 0.15;

    /**
     * One way to read a header: a profile applied to it (or a known export no metric reads, {@code resolved}
     * null), its score in [0, 1] and the evidence for and against ("+ ..." / "- ...").
     */
    public record Candidate(ExportProfile profile, ResolvedProfile resolved, double score, List<String> evidence) {

        /** What competes: candidates for one table (or one unused export) do not contradict each other. */
        public String target() {
            return resolved == null ? "unused:" + profile.name : resolved.table().tableName();
        }

        /** "salesforce-opportunity -> opportunities" or "salesforce-contact (recognised, not used)". */
        public String label() {
            return resolved == null ? profile.name + " (recognised, not used)"
                    : resolved.name() + " -> " + resolved.table().tableName();
        }

        Candidate adjusted(double delta, String why) {
            List<String> more = new ArrayList<>(evidence);
            more.add(why);
            return new Candidate(profile, resolved, Math.max(0, Math.min(1, score + delta)), List.copyOf(more));
        }

        Candidate noted(String why) {
            return adjusted(0, why);
        }
    }

    /** Decides among scored candidates (best first). */
    public static Recognition decide(List<Candidate> scored) {
        List<Candidate> ordered = new ArrayList<>(scored);
        ordered.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score())
                : Integer.compare(b.profile().priority, a.profile().priority));
        if (ordered.isEmpty() || ordered.get(0).score() < CONFIDENCE) {
            return new Recognition(null, List.copyOf(ordered));
        }
        Candidate best = ordered.get(0);
        Candidate rival = rival(ordered, best);
        if (rival != null && best.score() - rival.score() < MARGIN) {
            return new Recognition(null, List.copyOf(ordered));
        }
        return new Recognition(best, List.copyOf(ordered));
    }

    /** The best candidate that reads the file as something else than {@code best} does. */
    private static Candidate rival(List<Candidate> ordered, Candidate best) {
        for (Candidate candidate : ordered) {
            if (!candidate.target().equals(best.target())) {
                return candidate;
            }
        }
        return null;
    }

    /** Whether a candidate was chosen (loaded, or listed as a known export no metric reads). */
    public boolean recognised() {
        return chosen != null;
    }

    /** Whether the chosen reading is a known export that no metric reads. */
    public boolean unused() {
        return chosen != null && chosen.resolved() == null;
    }

    /** The file's inventory line: why it was not loaded and what to do. Null when it is loaded. */
    public String notLoadedMessage(String fileName, List<String> header) {
        if (unused()) {
            return fileName + " is recognised as " + chosen.profile().label() + " (profile "
                    + chosen.profile().name + "); not loaded: " + chosen.profile().reason;
        }
        if (chosen != null) {
            return null;
        }
        String names = String.join(", ", header.stream().filter(h -> h != null && !h.isBlank()).limit(15).toList())
                + (header.size() > 15 ? ", … (" + header.size() + " columns)" : "");
        StringBuilder out = new StringBuilder(fileName).append(" is not recognised as a known export: ");
        if (candidates.isEmpty()) {
            out.append("no profile matches its header (").append(names).append("); it is not loaded.");
        } else {
            out.append("it is not loaded (header: ").append(names).append("). ");
            Candidate best = candidates.get(0);
            Candidate rival = rival(candidates, best);
            if (best.score() < CONFIDENCE) {
                out.append("Best reading ").append(describe(best)).append(", below the ")
                        .append(percent(CONFIDENCE)).append(" needed.");
            } else {
                out.append("Two readings are too close to choose: ").append(describe(best)).append(" and ")
                        .append(describe(rival)).append('.');
            }
        }
        return out.append(" To load it: name a profile for it in the job file (inputs: - {path: <folder>, glob: \"")
                .append(fileName).append("\", profile: <profile>}), or add a profile YAML to profiles/ in the folder")
                .append(" (./revlens inspect <folder> --draft-profile \"").append(fileName)
                .append("\" writes one to edit); to leave it out, --exclude \"").append(fileName).append("\".")
                .toString();
    }

    private static String describe(Candidate candidate) {
        return candidate.label() + " at " + percent(candidate.score()) + " (" + String.join("; ", candidate.evidence())
                + ")";
    }

    static String percent(double score) {
        return String.format(Locale.ROOT, "%.0f%%", score * 100);
    }

    /** Lines for inspect: the decision, then every candidate with its score and evidence. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(chosen == null ? "not recognised (no reading reaches " + percent(CONFIDENCE)
                + " and leads the others by " + percent(MARGIN) + ")"
                : unused() ? "recognised as " + chosen.profile().label() + ", not used by any metric"
                : "recognised as " + chosen.label());
        for (Candidate candidate : candidates) {
            lines.add((candidate == chosen ? "* " : "  ") + percent(candidate.score()) + "  " + candidate.label());
            for (String evidence : candidate.evidence()) {
                lines.add("        " + evidence);
            }
        }
        return lines;
    }
}
