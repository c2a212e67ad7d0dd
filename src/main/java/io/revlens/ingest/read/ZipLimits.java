package io.revlens.ingest.read;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;

/**
 * Checks an .xlsx package against POI's zip-bomb limits (the {@link ZipSecureFile} defaults, never loosened)
 * before any of it is parsed, so a hostile workbook is refused whole instead of failing after some rows
 * were loaded: too many entries, an entry larger than the maximum, or one that inflates more than the
 * minimum ratio allows; or a part that declares a DOCTYPE (POI refuses to parse one, and a workbook holding one
 * was made to attack XML readers).
 */
public final class ZipLimits {

    /** How much of each part is looked at for a DOCTYPE: it can only come before the root element. */
    private static final int PROLOG_BYTES = 4096;

    private ZipLimits() {
    }

    /** Whether an XML part's start declares a DOCTYPE (in the ASCII or UTF-16 form an XML parser would read). */
    private static boolean declaresDoctype(byte[] prolog) {
        String ascii = new String(prolog, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\0", "");
        return ascii.toUpperCase(java.util.Locale.ROOT).contains("<!DOCTYPE");
    }

    /** Why the package is refused, or empty when it is within the limits (or not a readable zip: POI says why). */
    public static Optional<String> check(Path file) {
        try {
            return inspect(file);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> inspect(Path file) throws IOException {
        double minRatio = ZipSecureFile.getMinInflateRatio();
        long maxEntry = ZipSecureFile.getMaxEntrySize();
        long grace = ZipSecureFile.getGraceEntrySize();
        long entries = 0;
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                entries++;
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                if (size > maxEntry) {
                    return Optional.of("entry " + entry.getName() + " expands to " + size + " bytes, over the limit of "
                            + maxEntry);
                }
                if (size > grace && compressed >= 0 && (double) compressed / size < minRatio) {
                    return Optional.of("entry " + entry.getName() + " expands from " + compressed + " to " + size
                            + " bytes (more than " + Math.round(1 / minRatio) + " times): a zip bomb or an abnormal sheet");
                }
            }
        }
        if (entries > ZipSecureFile.getMaxFileCount()) {
            return Optional.of("it holds " + entries + " entries, over the limit of " + ZipSecureFile.getMaxFileCount());
        }
        // The sizes above are what the package declares, and a hostile one lies: inflate every entry once through
        // POI's threshold stream (which counts what actually comes out) before a single row is read.
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                try (java.io.InputStream in = zip.getInputStream(entry)) {
                    byte[] prolog = in.readNBytes(PROLOG_BYTES);
                    if (declaresDoctype(prolog)) {
                        return Optional.of("entry " + entry.getName() + " declares an XML DOCTYPE, which Excel never"
                                + " writes (the way external-entity attacks start)");
                    }
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException | RuntimeException bomb) {
                    return Optional.of("entry " + entry.getName() + " inflates beyond POI's limits (" + bomb.getMessage()
                            .lines().findFirst().orElse("") + "): a zip bomb or an abnormal sheet");
                }
            }
        }
        return Optional.empty();
    }
}
