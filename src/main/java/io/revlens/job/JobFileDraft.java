package io.revlens.job;

import io.revlens.ingest.ExportInspector;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The job file {@code revlens init} writes for a new client: the monthly board report on the client's folder, with
 * the company named, what RevLens recognised in the folder (and what it did not, with what to do) as comments, and
 * a schedule left commented for the user to switch on.
 */
public final class JobFileDraft {

    private JobFileDraft() {
    }

    /**
     * @param input     the client's folder of exports
     * @param jobsFolder where the job file goes: the input path is written relative to it when the folder is in the
     *                  same project, else absolute
     */
    public static String of(String client, String company, Path input, Path jobsFolder, List<ExportInspector.Recognised> files,
                            LocalDate today) {
        Path folder = input.toAbsolutePath().normalize();
        Path project = jobsFolder.toAbsolutePath().normalize().getParent();
        String path = project != null && folder.startsWith(project)
                ? jobsFolder.toAbsolutePath().normalize().relativize(folder).toString().replace('\\', '/')
                : folder.toString();
        long recognised = files.stream().filter(ExportInspector.Recognised::loadable).count();
        StringBuilder yaml = new StringBuilder()
                .append("# ").append(company).append(": monthly board report, written by `revlens init ").append(client)
                .append("` on ").append(today).append(" from ").append(folder).append(".\n")
                .append("# ").append(recognised).append(" of ").append(files.size()).append(" file(s) recognised:\n");
        for (ExportInspector.Recognised file : files) {
            yaml.append("#   ").append(file.file()).append(": ")
                    .append(file.loadable() ? file.profile() + " -> " + file.kind()
                            : "NOT loaded" + (file.message() == null ? "" : " (" + oneLine(file.message()) + ")"))
                    .append("\n");
        }
        if (files.stream().anyMatch(f -> "unknown".equals(f.kind()))) {
            yaml.append("# For a file not recognised: ./revlens inspect ").append(folder)
                    .append(" --draft-profile FILE writes a profile to edit (put it in profiles/ inside the folder),\n")
                    .append("# or leave it out with exclude: [\"its name\"].\n");
        }
        return yaml.append("description: Monthly board report\n")
                .append("company: ").append(quoted(company)).append("\n")
                .append("currency: USD\n")
                .append("inputs:\n  - path: ").append(quoted(path)).append("\n")
                .append("as_of: previous-month-end\n")
                .append("reports:\n  - template: board-monthly\n    output: board-report\n")
                .append("# targets:                      # optional: KPI status is then against them\n")
                .append("#   t12m_revenue: 5000000\n#   bookings_month: 400000\n#   win_rate: 0.25\n")
                .append("# schedule:                     # switch on for `revlens schedule`: 06:00 on the 2nd of each month\n")
                .append("#   cron: \"0 0 6 2 * *\"\n#   zone: UTC\n")
                .toString();
    }

    private static String oneLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 140 ? line.substring(0, 137) + "..." : line;
    }

    /** A YAML double-quoted scalar. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
