package io.revlens.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one file's header maps onto a canonical table under a profile: the source column of each
 * canonical column, the helper inputs, and the stage-history columns.
 */
public record FileMapping(ExportProfile profile, List<String> header, Map<String, Integer> columns,
                          Map<String, Integer> stageHistoryColumns, List<String> missingRequired) {

    static FileMapping of(ExportProfile profile, List<String> header) {
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(ExportProfile.normalise(header.get(i)), i);
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        profile.columns().forEach((canonical, candidates) -> {
            for (String candidate : candidates) {
                Integer index = byName.get(ExportProfile.normalise(candidate));
                if (index != null) {
                    columns.put(canonical, index);
                    break;
                }
            }
        });
        List<String> missing = new ArrayList<>();
        for (String required : profile.required()) {
            boolean derivedAmount = required.equals("amount") && columns.containsKey("quantity") && columns.containsKey("unit_price");
            if (!columns.containsKey(required) && !derivedAmount) {
                missing.add(required);
            }
        }
        Map<String, Integer> history = new LinkedHashMap<>();
        if (profile.stageHistory() != null && profile.stageHistory().headerPattern() != null) {
            Pattern pattern = Pattern.compile(profile.stageHistory().headerPattern());
            for (int i = 0; i < header.size(); i++) {
                Matcher m = pattern.matcher(header.get(i).trim());
                if (m.matches()) {
                    history.put(m.group(1), i);
                }
            }
        }
        return new FileMapping(profile, header, columns, history, missing);
    }

    public boolean isComplete() {
        return missingRequired.isEmpty();
    }

    public int mappedCount() {
        return columns.size();
    }

    /** "canonical ← Header" pairs, for the inspector and the inventory. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        columns.forEach((canonical, index) -> text.append(String.format("      %-24s <- %s%n", canonical, header.get(index))));
        if (!stageHistoryColumns.isEmpty()) {
            text.append(String.format("      %-24s <- %s%n", "stage history", stageHistoryColumns.keySet()));
        }
        if (!columns.containsKey("amount") && columns.containsKey("quantity") && columns.containsKey("unit_price")) {
            text.append(String.format("      %-24s <- %s x %s%n", "amount", header.get(columns.get("quantity")),
                    header.get(columns.get("unit_price"))));
        }
        return text.toString();
    }
}
