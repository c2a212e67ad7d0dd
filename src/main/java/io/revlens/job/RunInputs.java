package io.revlens.job;

import io.revlens.ingest.read.ExcludeGlobs;
import io.revlens.ingest.read.InputScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The export files a run reads, the profile overrides that apply to them, the files it leaves out (the job's
 * {@code exclude:} globs and {@code --exclude}, with the glob that matched), and a fingerprint that identifies
 * this set of inputs in the job history (excluded files are not part of it), and the files that look like exports
 * but are not read (InputScanner.refused: links out of the folder, FIFOs, RevLens's own output folders...).
 */
public record RunInputs(List<Path> files, Map<String, String> profileOverrides, String fingerprint,
                        Map<Path, String> excluded, Map<Path, String> refused) {

    /** Scans every input folder of the job; a missing folder is an error naming it. */
    public static RunInputs resolve(JobDefinition job) {
        List<Path> files = new ArrayList<>();
        Map<String, String> overrides = new LinkedHashMap<>();
        Map<Path, String> excluded = new LinkedHashMap<>();
        Map<Path, String> refused = new LinkedHashMap<>();
        ExcludeGlobs exclude;
        try {
            exclude = ExcludeGlobs.of(job.exclude());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        for (JobDefinition.Input input : job.inputs()) {
            Path folder = input.path();
            if (!Files.isDirectory(folder)) {
                throw new BadInputException("Input folder " + folder + " does not exist or is not a folder"
                        + " (job '" + job.name() + "'); pass --input <folder> or fix inputs: in jobs/" + job.name() + ".yml");
            }
            PathMatcher matcher = input.glob() == null ? null
                    : FileSystems.getDefault().getPathMatcher("glob:" + input.glob());
            refused.putAll(InputScanner.refused(folder));
            for (Path file : InputScanner.scan(folder)) {
                String glob = exclude.matching(folder.toAbsolutePath().normalize(), file);
                if (glob != null) {
                    excluded.put(file, glob);
                    continue;
                }
                if (matcher == null || matcher.matches(folder.relativize(file))) {
                    files.add(file);
                    if (input.profile() != null) {
                        overrides.put(file.getFileName().toString(), input.profile());
                    }
                }
            }
        }
        if (files.isEmpty() && !excluded.isEmpty()) {
            throw new BadInputException("Every export file in " + job.inputs().stream().map(i -> i.path().toString()).toList()
                    + " is excluded (" + String.join(", ", new java.util.LinkedHashSet<>(excluded.values()))
                    + "): nothing is left to analyse; exclude fewer files");
        }
        if (files.isEmpty()) {
            throw new BadInputException("No export files (.csv, .tsv, .txt, .xlsx, .xlsm, .xls) in "
                    + job.inputs().stream().map(i -> i.path().toString()).toList() + " (job '" + job.name()
                    + "'): put the CRM and finance exports there, or pass --input <folder>");
        }
        return new RunInputs(List.copyOf(files), Map.copyOf(overrides), fingerprint(files), excluded, refused);
    }

    /** SHA-256 over each file's absolute path, size and modification time (cheap, content-sensitive enough). */
    private static String fingerprint(List<Path> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                String line = file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis() + "\n";
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new BadInputException("Cannot read input files: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
