package io.revlens.ingest.recognise;

import io.revlens.ingest.read.DateOrder;
import io.revlens.model.CanonicalTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * The mapping profiles: the built-in ones in {@code profiles/*.yml} on the classpath plus any YAML files
 * in a user folder (a user profile with a built-in's name replaces it). Chooses a profile for a header.
 */
public final class ProfileCatalog {

    /** Built-in profiles, in the order they are tried at equal priority. */
    public static final List<String> BUILT_IN = List.of("hubspot-deals", "hubspot-companies", "hubspot-contacts",
            "salesforce-opportunities", "salesforce-opportunity", "salesforce-account", "salesforce-user",
            "salesforce-lead", "salesforce-opportunity-history", "salesforce-opportunity-field-history",
            "salesforce-opportunity-line-item", "salesforce-contact", "salesforce-campaign",
            "salesforce-campaign-member", "salesforce-task", "salesforce-event", "salesforce-product",
            "salesforce-pricebook", "salesforce-pricebook-entry", "pipedrive-deals", "pipedrive-organizations",
            "quickbooks-sales-by-customer-detail", "quickbooks-desktop-sales-by-customer-detail", "xero-invoices",
            "olist-closed-deals",
            "olist-marketing-qualified-leads", "salesforce-opportunity-history-report", "salesforce-case",
            "hubspot-calls", "hubspot-meetings", "hubspot-activities", "pipedrive-activities", "reps-roster", "hr-employees", "generic");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, ExportProfile> profiles;
    private final String key;

    private ProfileCatalog(Map<String, ExportProfile> profiles, String key) {
        this.profiles = profiles;
        this.key = key;
    }

    /** The built-in profiles only. */
    public static ProfileCatalog builtIn() {
        return load(null);
    }

    /** Built-in profiles plus the user profiles in {@code profiles/} of the first file's folder (the input folder). */
    public static ProfileCatalog forInputs(List<Path> files) {
        Path folder = files.isEmpty() ? null : files.get(0).toAbsolutePath().getParent();
        return load(folder == null ? null : folder.resolve("profiles"));
    }

    /** Built-in profiles plus {@code *.yml}/{@code *.yaml} in {@code userFolder} (ignored when null or absent). */
    public static ProfileCatalog load(Path userFolder) {
        Map<String, ExportProfile> profiles = new LinkedHashMap<>();
        Map<String, ObjectNode> trees = new HashMap<>();
        SourceDigest sources = new SourceDigest();
        for (String name : BUILT_IN) {
            String resource = "profiles/" + name + ".yml";
            try (InputStream in = ProfileCatalog.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing built-in profile " + resource);
                }
                byte[] text = sources.add(resource, in.readAllBytes());
                ObjectNode tree = (ObjectNode) YAML.readTree(text);
                ExportProfile profile = validate(YAML.treeToValue(tree, ExportProfile.class), resource);
                profiles.put(profile.name, profile);
                trees.put(profile.name, tree);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read built-in profile " + resource, e);
            }
        }
        if (userFolder != null && Files.isDirectory(userFolder)) {
            try (Stream<Path> files = Files.list(userFolder)) {
                for (Path file : files.filter(ProfileCatalog::isYaml).sorted().toList()) {
                    ExportProfile profile;
                    try {
                        JsonNode tree = YAML.readTree(sources.add(file.getFileName().toString(), Files.readAllBytes(file)));
                        profile = YAML.treeToValue(extended(tree, trees, file), ExportProfile.class);
                    } catch (IOException e) {
                        String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                                ? " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")" : "";
                        String what = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                        throw new ProfileException("Profile " + file + " is not valid YAML for a profile" + where + ": "
                                + what.lines().findFirst().orElse(what) + ". Fix it (see docs/data-model.md for the keys) or move it out of "
                                + file.getParent() + "; nothing was loaded", e);
                    }
                    validate(profile, file.toString());
                    profiles.put(profile.name, profile);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list profiles in " + userFolder, e);
            }
        }
        return new ProfileCatalog(profiles, sources.hex());
    }

    /**
     * A user profile that {@code extends} a built-in one: the built-in's keys with the user's over them (a key holding
     * keys, such as {@code stages}, merged key by key; a list or a value replaced), and the built-in's name unless it
     * names itself, so that it replaces the built-in. An org's own stage order is then three lines:
     * {@code extends: pipedrive-deals} and {@code stages: order: [...]}.
     */
    private static JsonNode extended(JsonNode tree, Map<String, ObjectNode> builtIns, Path file) {
        if (!(tree instanceof ObjectNode user) || !user.has("extends")) {
            return tree;
        }
        String base = user.get("extends").asText();
        ObjectNode merged = builtIns.get(base) == null ? null : builtIns.get(base).deepCopy();
        if (merged == null) {
            throw new ProfileException("Profile " + file + " extends '" + base + "', which is not a built-in profile ("
                    + String.join(", ", BUILT_IN) + "). Fix the name or move the file out of " + file.getParent()
                    + "; nothing was loaded");
        }
        ObjectNode own = user.deepCopy();
        own.remove("extends");
        merge(merged, own);
        return merged;
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        from.fields().forEachRemaining(field -> {
            JsonNode existing = into.get(field.getKey());
            if (existing instanceof ObjectNode target && field.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                into.set(field.getKey(), field.getValue());
            }
        });
    }

    /**
     * What the catalog was read from, as one hash: equal keys mean the same profile files with the same text, so
     * the same recognition and mapping of any file. An earlier load is kept only under the key it was made with.
     */
    public String key() {
        return key;
    }

    /** SHA-256 over each source's name and text, in the order they are read. */
    private static final class SourceDigest {
        private final java.security.MessageDigest digest;

        SourceDigest() {
            try {
                digest = java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        byte[] add(String name, byte[] text) {
            digest.update((name + "\n" + text.length + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(text);
            return text;
        }

        String hex() {
            return java.util.HexFormat.of().formatHex(digest.digest());
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".yml") || name.endsWith(".yaml"));
    }

    private static ExportProfile validate(ExportProfile profile, String origin) {
        if (profile.name == null || profile.name.isBlank()) {
            throw new ProfileException("Profile " + origin + " has no name");
        }
        if (profile.isGeneric()) {
            for (String kind : profile.synonyms.keySet()) {
                CanonicalTable.forKind(kind).orElseThrow(() -> new ProfileException(
                        "Profile " + origin + ": unknown kind '" + kind + "' in synonyms"));
            }
        } else {
            if (profile.isUnused()) {
                if (profile.reason == null || profile.reason.isBlank()) {
                    throw new ProfileException("Profile " + origin + ": kind unused needs a reason");
                }
            } else {
                CanonicalTable table = CanonicalTable.forKind(profile.kind).orElseThrow(() -> new ProfileException(
                        "Profile " + origin + ": kind must be one of opportunities, accounts, reps, revenue_lines,"
                                + " leads, users, stage_changes, activities, unused (was '" + profile.kind + "')"));
                checkColumns(profile, table, origin);
            }
            if (profile.match.required.isEmpty() && profile.match.anyOf.isEmpty() && profile.match.oneOfEach.isEmpty()) {
                throw new ProfileException("Profile " + origin + ": match.required or match.anyOf is needed");
            }
        }
        try {
            profile.skip.firstCell.forEach(Pattern::compile);
            profile.skip.footer.forEach(Pattern::compile);
            if (profile.stageHistory != null) {
                Pattern.compile(profile.stageHistory.headerPattern);
            }
            if (profile.keep != null) {
                if (profile.keep.pattern == null || profile.keep.columns.isEmpty() || profile.keep.rule == null) {
                    throw new ProfileException("Profile " + origin + ": keep needs columns, pattern and rule");
                }
                Pattern.compile(profile.keep.pattern);
            }
        } catch (PatternSyntaxException e) {
            throw new ProfileException("Profile " + origin + ": bad regular expression: " + e.getMessage(), e);
        }
        DateOrder.fromHint(profile.dateOrder);
        return profile;
    }

    /**
     * A profile that loads a table maps its columns ({@code columns:}, canonical column to header names): without
     * the group, or with a name the table does not have, it would load rows without the values it was written for.
     */
    private static void checkColumns(ExportProfile profile, CanonicalTable table, String origin) {
        List<String> known = table.columns().stream().map(CanonicalTable.Column::name).toList();
        // besides the table's columns: the won/closed flags status is read from, and the inputs of other rules
        java.util.Set<String> read = new java.util.HashSet<>(known);
        read.addAll(List.of("is_won", "is_closed"));
        profile.derived.values().forEach(d -> {
            read.addAll(d.multiply);
            read.addAll(d.join);
        });
        read.addAll(profile.skip.values.keySet());
        if (profile.keep != null) {
            read.addAll(profile.keep.columns);
        }
        if (profile.credit != null && profile.credit.column != null) {
            read.add(profile.credit.column);
        }
        if (profile.columns.isEmpty()) {
            throw new ProfileException("Profile " + origin + ": the columns group is missing (columns: canonical"
                    + " column: [header names]); " + table.tableName() + " has " + String.join(", ", known));
        }
        for (String column : profile.columns.keySet()) {
            if (!read.contains(column)) {
                throw new ProfileException("Profile " + origin + ": columns." + column + " is not a column of "
                        + table.tableName() + " (it has " + String.join(", ", known) + ")");
            }
        }
    }

    /** All profiles by name. */
    public Map<String, ExportProfile> profiles() {
        return profiles;
    }

    /** Compares header names ignoring case, spaces and punctuation ("Deal - ID" = "deal_id" = "DealID"). */
    public static String normalize(String header) {
        if (header == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(header.length());
        header.strip().toLowerCase(Locale.ROOT).codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * The profile that recognises this header with confidence on its header alone, if any ({@link #candidates},
     * {@link Recognition#decide}); files are recognised with their values too ({@link ExportRecognizer}).
     */
    public Optional<ResolvedProfile> detect(List<String> header) {
        Recognition recognition = Recognition.decide(candidates(header));
        return recognition.recognised() ? Optional.ofNullable(recognition.chosen().resolved()) : Optional.empty();
    }

    /**
     * Header score of a specific profile whose required headers all match, up to {@link #SPECIFIC_TOP} with three
     * of its anyOf headers: always {@link Recognition#MARGIN} above any generic reading ({@link #GENERIC_CAP}), so
     * a generic reading of another table never blocks it. Two specific profiles are told apart by their absent
     * headers.
     */
    static final double SPECIFIC_SCORE = 0.9;
    static final double SPECIFIC_TOP = 0.98;
    /**
     * Header score of a generic reading whose required columns are found (a deal id and a stage, a date and an
     * amount); each evidence column found adds {@link #EVIDENCE_STEP}. Tables whose required column alone says
     * little (an account or rep name) need {@code minEvidence} of them, else score {@link #WEAK_SCORE}.
     */
    static final double GENERIC_BASE = 0.6;
    static final double EVIDENCE_STEP = 0.05;
    static final double WEAK_SCORE = 0.45;
    /** A generic reading never scores as high as a specific profile. */
    static final double GENERIC_CAP = 0.75;

    /**
     * Every reading of this header that a profile offers, scored on the header alone with its evidence: a
     * specific profile whose required headers are all present (and none of its absent ones), a known export no
     * metric reads, and the generic synonyms per canonical table whose required columns are found.
     */
    public List<Recognition.Candidate> candidates(List<String> header) {
        Map<String, List<Integer>> positions = positions(header);
        List<Recognition.Candidate> candidates = new ArrayList<>();
        for (ExportProfile profile : profiles.values()) {
            if (profile.isGeneric()) {
                candidates.addAll(genericCandidates(profile, header, positions));
                continue;
            }
            List<String> required = new ArrayList<>(profile.match.required);
            if (!required.stream().allMatch(h -> positions.containsKey(normalize(h)))) {
                continue;
            }
            boolean eachGroup = true;
            for (List<String> group : profile.match.oneOfEach) {
                var found = group.stream().filter(h -> positions.containsKey(normalize(h))).findFirst();
                if (found.isEmpty()) {
                    eachGroup = false;
                    break;
                }
                required.add(found.get());
            }
            if (!eachGroup) {
                continue;
            }
            List<String> anyOf = profile.match.anyOf.stream().filter(h -> positions.containsKey(normalize(h))).toList();
            if (!profile.match.anyOf.isEmpty() && anyOf.isEmpty()) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            evidence.add("+ headers of " + profile.label() + ": " + String.join(", ",
                    java.util.stream.Stream.concat(required.stream(), anyOf.stream()).toList()));
            double score = profile.match.anyOf.isEmpty() ? SPECIFIC_TOP
                    : SPECIFIC_SCORE + (SPECIFIC_TOP - SPECIFIC_SCORE) * Math.min(3, anyOf.size()) / 3.0;
            List<String> absent = profile.match.absent.stream().filter(h -> positions.containsKey(normalize(h))).toList();
            if (!absent.isEmpty()) {
                score = 0.3;
                evidence.add("- has " + String.join(", ", absent) + ", which " + profile.label() + " never has");
            }
            ResolvedProfile resolved = profile.isUnused() ? null
                    : build(profile, CanonicalTable.forKind(profile.kind).orElseThrow(), header, positions, profile.columns);
            candidates.add(new Recognition.Candidate(profile, resolved, score, List.copyOf(evidence)));
        }
        return candidates;
    }

    private static List<Recognition.Candidate> genericCandidates(ExportProfile profile, List<String> header,
                                                                 Map<String, List<Integer>> positions) {
        List<Recognition.Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<String>>> kind : profile.synonyms.entrySet()) {
            CanonicalTable table = CanonicalTable.forKind(kind.getKey()).orElseThrow();
            ResolvedProfile candidate = build(profile, table, header, positions, kind.getValue());
            List<String> required = profile.requires.getOrDefault(kind.getKey(), table.requiredColumns());
            if (!complete(profile, candidate, required)) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            evidence.add("+ columns " + table.tableName() + " needs: " + String.join(", ", required.stream()
                    .map(column -> column + " <- " + (candidate.indexes(column).isEmpty() ? "derived"
                            : candidate.sourceName(column))).toList()));
            List<String> meaning = profile.evidence.getOrDefault(kind.getKey(), List.of());
            List<String> found = meaning.stream().filter(column -> !candidate.indexes(column).isEmpty()).toList();
            double score;
            if (found.size() < profile.minEvidence.getOrDefault(kind.getKey(), 0)) {
                score = WEAK_SCORE;
                evidence.add("- none of the columns that make a file " + table.tableName() + ": "
                        + String.join(", ", meaning));
            } else {
                score = Math.min(GENERIC_CAP, GENERIC_BASE + EVIDENCE_STEP * found.size());
                if (!found.isEmpty()) {
                    evidence.add("+ " + String.join(", ", found.stream()
                            .map(column -> column + " <- " + candidate.sourceName(column)).toList()));
                } else if (!meaning.isEmpty()) {
                    evidence.add("- none of " + String.join(", ", meaning));
                }
            }
            candidates.add(new Recognition.Candidate(profile, candidate, score, List.copyOf(evidence)));
        }
        return candidates;
    }

    private static Map<String, List<Integer>> positions(List<String> header) {
        Map<String, List<Integer>> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            positions.computeIfAbsent(normalize(header.get(i)), k -> new ArrayList<>()).add(i);
        }
        positions.remove("");
        return positions;
    }

    /** Applies a named profile to a header; with {@code force}, maps whatever columns are present. */
    public Optional<ResolvedProfile> resolve(String profileName, List<String> header, boolean force) {
        ExportProfile profile = profiles.get(profileName);
        if (profile == null) {
            ExportProfile generic = profiles.get("generic");
            for (CanonicalTable table : CanonicalTable.values()) {
                if (generic != null && ResolvedProfile.genericName(table).equals(profileName)
                        && generic.synonyms.containsKey(table.tableName())) {
                    return resolveGenericAs(generic, table, header, force);
                }
            }
            List<String> known = new ArrayList<>(profiles.keySet());
            for (CanonicalTable table : CanonicalTable.values()) {
                known.add(ResolvedProfile.genericName(table));
            }
            throw new IllegalArgumentException("Unknown profile '" + profileName + "'; known: "
                    + String.join(", ", known));
        }
        return tryResolve(profile, header, force);
    }

    private static Optional<ResolvedProfile> tryResolve(ExportProfile profile, List<String> header, boolean force) {
        Map<String, List<Integer>> positions = positions(header);
        if (profile.isUnused()) {
            throw new IllegalArgumentException("Profile '" + profile.name + "' recognises " + profile.label()
                    + ", which is not loaded: " + profile.reason);
        }
        if (profile.isGeneric()) {
            return resolveGeneric(profile, header, positions);
        }
        boolean matches = profile.match.required.stream().allMatch(h -> positions.containsKey(normalize(h)))
                && profile.match.oneOfEach.stream().allMatch(group -> group.stream()
                        .anyMatch(h -> positions.containsKey(normalize(h))))
                && (profile.match.anyOf.isEmpty()
                || profile.match.anyOf.stream().anyMatch(h -> positions.containsKey(normalize(h))));
        if (!matches && !force) {
            return Optional.empty();
        }
        CanonicalTable table = CanonicalTable.forKind(profile.kind).orElseThrow();
        return Optional.of(build(profile, table, header, positions, profile.columns));
    }

    /** The generic profile named as an override: its best-scored table, whatever the score. */
    private static Optional<ResolvedProfile> resolveGeneric(ExportProfile profile, List<String> header,
                                                            Map<String, List<Integer>> positions) {
        return genericCandidates(profile, header, positions).stream()
                .max(Comparator.comparingDouble(Recognition.Candidate::score))
                .map(Recognition.Candidate::resolved);
    }

    /** The generic profile applied as one table (a "generic-<table>" override). */
    private static Optional<ResolvedProfile> resolveGenericAs(ExportProfile generic, CanonicalTable table,
                                                              List<String> header, boolean force) {
        Map<String, List<Integer>> positions = positions(header);
        ResolvedProfile candidate = build(generic, table, header, positions, generic.synonyms.get(table.tableName()));
        List<String> required = generic.requires.getOrDefault(table.tableName(), table.requiredColumns());
        return complete(generic, candidate, required) || force ? Optional.of(candidate) : Optional.empty();
    }

    /** Whether every required column is mapped, or derivable from mapped ones (amount = quantity x price). */
    private static boolean complete(ExportProfile profile, ResolvedProfile candidate, List<String> required) {
        return required.stream().allMatch(column -> !candidate.indexes(column).isEmpty()
                || derivable(profile, candidate, column));
    }

    private static boolean derivable(ExportProfile profile, ResolvedProfile resolved, String column) {
        ExportProfile.Derived derived = profile.derived.get(column);
        return derived != null && !derived.multiply.isEmpty()
                && derived.multiply.stream().allMatch(input -> !resolved.indexes(input).isEmpty());
    }

    private static ResolvedProfile build(ExportProfile profile, CanonicalTable table, List<String> header,
                                         Map<String, List<Integer>> positions, Map<String, List<String>> columns) {
        Map<String, List<Integer>> indexes = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (Map.Entry<String, List<String>> column : columns.entrySet()) {
            List<Integer> found = new ArrayList<>();
            for (String name : column.getValue()) {
                List<Integer> at = positions.get(normalize(name));
                if (at == null) {
                    continue;
                }
                // A header column feeds at most one canonical column (first mapping wins) in generic mode.
                if (profile.isGeneric() && used.contains(at.get(0))) {
                    continue;
                }
                if (at.size() > 1) {
                    warnings.add("duplicate header '" + header.get(at.get(0)) + "' in columns "
                            + at.stream().map(i -> String.valueOf(i + 1)).toList() + "; the first is used");
                }
                if (!found.contains(at.get(0))) {
                    found.add(at.get(0));
                }
            }
            if (!found.isEmpty()) {
                if (profile.isGeneric()) {
                    found = List.of(found.get(0));
                }
                used.addAll(found);
                indexes.put(column.getKey(), found);
            }
        }
        List<ResolvedProfile.StageColumn> stageColumns = new ArrayList<>();
        if (profile.stageHistory != null && table == CanonicalTable.OPPORTUNITIES) {
            Pattern pattern = Pattern.compile(profile.stageHistory.headerPattern);
            for (int i = 0; i < header.size(); i++) {
                Matcher m = pattern.matcher(header.get(i) == null ? "" : header.get(i).strip());
                if (m.matches()) {
                    stageColumns.add(new ResolvedProfile.StageColumn(i, m.group(1).strip()));
                }
            }
        }
        return new ResolvedProfile(profile, table, header, indexes, stageColumns, List.copyOf(warnings));
    }
}
