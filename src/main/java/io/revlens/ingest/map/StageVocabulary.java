package io.revlens.ingest.map;

import java.util.List;
import java.util.Locale;

/**
 * Where a stage label the profile does not declare sits in a sales pipeline, from the words CRMs use for their
 * stages: an org's own "Qualification, Discovery, Proposal/Quote, Negotiation" are ordered like the standard
 * pipelines they are named after. Labels with none of these words come after the known ones, alphabetically.
 */
public final class StageVocabulary {

    /** Word stems in pipeline order; the first stem a label contains gives its rank. */
    private static final List<String> STEMS = List.of("prospect", "lead", "new", "contact", "engag", "meeting", "qualif",
            "discover", "needs", "demo", "present", "value", "solution", "decision", "perception", "evaluat",
            "trial", "pilot", "propos", "quot", "negotiat", "review", "contract", "commit", "verbal", "won", "lost");

    /**
     * Labels that mean a closed deal, compared whole (case, spaces and punctuation aside): a label that only
     * contains the word ("Won't buy", "Not won yet", "Lost contact") says nothing about the outcome.
     */
    private static final java.util.Set<String> WON = java.util.Set.of("won", "closed won", "closedwon", "close won",
            "deal won", "won deal", "win", "closed win", "signed", "closed signed",
            // the same labels in the languages orgs export them in (Salesforce translates its standard stages)
            "fermée gagnée", "fermee gagnee", "gagnée", "gagnee", "abgeschlossen gewonnen", "geschlossen gewonnen",
            "gewonnen", "cerrada ganada", "cerrado ganado", "ganada", "ganado", "fechado ganho", "fechada ganha", "ganho",
            "chiusa vinta", "chiuso vinto", "vinta", "gesloten gewonnen");
    private static final java.util.Set<String> LOST = java.util.Set.of("lost", "closed lost", "closedlost", "close lost",
            "deal lost", "lost deal", "loss", "closed loss", "closed lost no decision",
            "fermée perdue", "fermee perdue", "perdue", "abgeschlossen verloren", "geschlossen verloren", "verloren",
            "cerrada perdida", "cerrado perdido", "perdida", "perdido", "fechado perdido", "fechada perdida",
            "chiusa persa", "chiuso perso", "persa", "gesloten verloren");

    /** {@link #rank} of a label with none of the stems. */
    public static final int UNRANKED = STEMS.size();

    private StageVocabulary() {
    }

    /** "won" or "lost" when the whole label is a closed-deal label (see {@link #WON}), else null. */
    public static String outcome(String label) {
        if (label == null) {
            return null;
        }
        String words = label.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return WON.contains(words) ? "won" : LOST.contains(words) ? "lost" : null;
    }

    /** The label's rank among pipeline stages, or {@code STEMS.size()} when no stem is in it. */
    public static int rank(String stage) {
        String lower = stage.toLowerCase(Locale.ROOT);
        if (lower.contains("won") || lower.contains("lost")) {
            return STEMS.indexOf(lower.contains("won") ? "won" : "lost");
        }
        for (int i = 0; i < STEMS.size(); i++) {
            if (lower.contains(STEMS.get(i))) {
                return i;
            }
        }
        return STEMS.size();
    }
}
