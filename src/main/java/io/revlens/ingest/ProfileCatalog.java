package io.revlens.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The mapping profiles RevLens knows: the bundled ones in {@code profiles/} plus a user folder. */
public final class ProfileCatalog {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final List<ExportProfile> profiles;

    private ProfileCatalog(List<ExportProfile> profiles) {
        this.profiles = profiles.stream().sorted(Comparator.comparingInt(ExportProfile::priority).reversed()
                .thenComparing(ExportProfile::name)).toList();
    }

    /** The bundled profiles. */
    public static ProfileCatalog bundled() {
        return withUserFolder(null);
    }

    /** The bundled profiles plus every {@code *.yml} in {@code userFolder} (when it exists). */
    public static ProfileCatalog withUserFolder(Path userFolder) {
        List<ExportProfile> profiles = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:profiles/*.yml")) {
                try (InputStream in = resource.getInputStream()) {
                    profiles.add(validate(YAML.readValue(in, ExportProfile.class), resource.getFilename()));
                }
            }
            if (userFolder != null && Files.isDirectory(userFolder)) {
                try (var files = Files.list(userFolder)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                        profiles.add(validate(YAML.readValue(file.toFile(), ExportProfile.class), file.toString()));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read mapping profiles: " + e.getMessage(), e);
        }
        return new ProfileCatalog(profiles);
    }

    private static ExportProfile validate(ExportProfile profile, String source) {
        if (profile.name() == null || profile.kind() == null || profile.columns() == null || profile.required() == null) {
            throw new IllegalStateException("Profile " + source + " needs name, kind, required and columns");
        }
        var table = profile.table();
        for (String column : profile.columns().keySet()) {
            if (table.indexOf(column) < 0 && !RowMapper.HELPER_INPUTS.contains(column)) {
                throw new IllegalStateException("Profile " + source + " maps unknown column '" + column + "' for kind "
                        + profile.kind() + "; known: " + table.columns().stream().map(CanonicalTable.Column::name).toList());
            }
        }
        return profile;
    }

    public List<ExportProfile> all() {
        return profiles;
    }

    public Optional<ExportProfile> named(String name) {
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The best profile for a header: the highest priority among those whose required columns are
     * all found, then the one that maps the most columns.
     */
    public Optional<FileMapping> match(List<String> header) {
        FileMapping best = null;
        for (ExportProfile profile : profiles) {
            FileMapping mapping = FileMapping.of(profile, header);
            if (!mapping.isComplete()) {
                continue;
            }
            if (best == null || profile.priority() > best.profile().priority()
                    || (profile.priority() == best.profile().priority() && mapping.mappedCount() > best.mappedCount())) {
                best = mapping;
            }
        }
        return Optional.ofNullable(best);
    }
}
