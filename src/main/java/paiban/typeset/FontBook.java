package paiban.typeset;

import org.openpdf.text.pdf.BaseFont;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import paiban.core.PaibanException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts of {@code fonts/fonts.yaml}: one {@link Face} per typographic role, plus the fallback order
 * for characters a role's font lacks. Loading a CJK font costs a few hundred milliseconds, so a
 * process loads each fonts folder once and every build shares it.
 */
public final class FontBook {

    private static final Map<Path, FontBook> LOADED = new ConcurrentHashMap<>();

    private final Path folder;
    private final Map<String, Face> roles;
    private final List<Face> fallback;

    private FontBook(Path folder, Map<String, Face> roles, List<Face> fallback) {
        this.folder = folder;
        this.roles = roles;
        this.fallback = fallback;
    }

    /** The fonts of a folder, loaded once per process. */
    public static FontBook of(Path folder) {
        Path key = folder.toAbsolutePath().normalize();
        return LOADED.computeIfAbsent(key, FontBook::load);
    }

    public Path folder() {
        return folder;
    }

    public Face role(String role) {
        Face f = roles.get(role);
        if (f == null) {
            throw new PaibanException("fonts/fonts.yaml: no font for the role '" + role + "'; the layout uses it. "
                    + "Add '" + role + ": { file: ..., face: ... }' under roles");
        }
        return f;
    }

    public boolean hasRole(String role) {
        return roles.containsKey(role);
    }

    public Map<String, Face> roles() {
        return roles;
    }

    /**
     * The face embedded under {@code postscriptName} (a PDF font's name without its subset tag) whose
     * outlines the embedded font leaves out, or null.
     */
    public Face placeholderFace(String postscriptName) {
        for (Face f : roles.values()) {
            if (f.embedsPlaceholders() && f.postscript().equals(postscriptName)) return f;
        }
        return null;
    }

    /** The roles tried, in order, for a character a role's own font lacks. */
    public List<String> fallbackRoles() {
        return fallback.stream().map(Face::role).toList();
    }

    /** The faces to try, in order, for a character missing from {@code primary}. */
    public List<Face> chain(Face primary) {
        List<Face> chain = new ArrayList<>();
        chain.add(primary);
        for (Face f : fallback) if (f != primary) chain.add(f);
        return chain;
    }

    @SuppressWarnings("unchecked")
    private static FontBook load(Path folder) {
        Path yaml = folder.resolve("fonts.yaml");
        if (!Files.isRegularFile(yaml)) {
            throw new PaibanException(yaml + ": missing; it maps the typographic roles to font files");
        }
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().setLabel("fonts/fonts.yaml").build()).loadFromString(Files.readString(yaml));
        } catch (Exception e) {
            throw new PaibanException("fonts/fonts.yaml: not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(doc instanceof Map<?, ?> top) || !(top.get("roles") instanceof Map<?, ?> roleMap)) {
            throw new PaibanException("fonts/fonts.yaml: expected a 'roles:' mapping of role: { file, face }");
        }
        // Each role's font is parsed on its own thread: the Noto collections take ~0.3 s each.
        Map<String, java.util.concurrent.Future<Face>> pending = new LinkedHashMap<>();
        Map<Path, FontFile> files = new ConcurrentHashMap<>(); // two roles may share a collection file
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (var e : roleMap.entrySet()) {
                String role = String.valueOf(e.getKey());
                if (!(e.getValue() instanceof Map<?, ?> spec) || spec.get("file") == null) {
                    throw new PaibanException("fonts/fonts.yaml: role '" + role + "' needs { file: ..., face: ... }");
                }
                String file = String.valueOf(spec.get("file"));
                String face = spec.get("face") == null ? null : String.valueOf(spec.get("face"));
                pending.put(role, pool.submit(() -> loadFace(folder, role, file, face, files)));
            }
        }
        Map<String, Face> roles = new LinkedHashMap<>();
        for (var e : pending.entrySet()) {
            try {
                roles.put(e.getKey(), e.getValue().get());
            } catch (java.util.concurrent.ExecutionException ex) {
                if (ex.getCause() instanceof PaibanException pe) throw pe;
                throw new PaibanException("fonts/fonts.yaml: role '" + e.getKey() + "': " + ex.getCause());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new PaibanException("interrupted while loading fonts");
            }
        }
        List<Face> fallback = new ArrayList<>();
        if (top.get("fallback") instanceof List<?> list) {
            for (Object o : list) {
                Face f = roles.get(String.valueOf(o));
                if (f == null) {
                    throw new PaibanException("fonts/fonts.yaml: fallback names '" + o + "', which is not a role");
                }
                fallback.add(f);
            }
        }
        return new FontBook(folder, java.util.Collections.unmodifiableMap(roles), List.copyOf(fallback)); // in the file's order
    }

    private static Face loadFace(Path folder, String role, String file, String face, Map<Path, FontFile> files)
            throws Exception {
        Path path = folder.resolve(file).normalize();
        if (!Files.isRegularFile(path)) {
            String hint = file.contains("/noto/") ? "apt-get install fonts-noto-cjk"
                    : file.contains("arphic") ? "apt-get install fonts-arphic-ukai"
                    : "copy the font file into fonts/";
            throw new PaibanException("fonts/fonts.yaml: role '" + role + "': font file " + path
                    + " not found; " + hint);
        }
        // The file is read once (FontFile: on the heap less its CFF outlines, which stay mapped), and every
        // build subsets from there. Given only a name, OpenPDF maps the file and touches all of it (20-27 MB
        // for a Noto collection) on every read: for the face list, for the metrics, and again in each build
        // that embeds it.
        FontFile fontFile = files.computeIfAbsent(path, p -> {
            try {
                return FontFile.read(p);
            } catch (java.io.IOException e) {
                throw new PaibanException("fonts/fonts.yaml: role '" + role + "': cannot read " + p + " (" + e + ")");
            }
        });
        byte[] bytes = fontFile.bytes;
        String spec = path.toString();
        String postscript = face;
        int faceIndex = 0;
        if (spec.toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            String[] names = BaseFont.enumerateTTCNames(bytes);
            int index = -1;
            for (int i = 0; i < names.length; i++) {
                if (face == null ? i == 0 : names[i].equalsIgnoreCase(face)) index = i;
            }
            if (index < 0) {
                throw new PaibanException("fonts/fonts.yaml: role '" + role + "': " + path.getFileName()
                        + " has no face '" + face + "'; it has " + String.join(", ", names));
            }
            spec = spec + "," + index;
            faceIndex = index;
            postscript = names[index];
        }
        // Not from OpenPDF's process-wide font cache (cached = false), which is keyed by the file's name: a
        // font another caller loaded from the same file would carry its real CFF outlines, and OpenPDF's
        // subsetter would then run on them (see CffSubset); nor into it, so that no caller gets ours.
        BaseFont bf = BaseFont.createFont(spec, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null, false, false);
        // Each build embeds a subset of every face; the fastest deflate makes it a third quicker, 2% larger.
        bf.setCompressionLevel(java.util.zip.Deflater.BEST_SPEED);
        String name = bf.getFamilyFontName().length > 0 ? bf.getFamilyFontName()[0][3] : path.getFileName().toString();
        if (postscript == null) postscript = bf.getPostscriptFontName();
        int[] outlines = fontFile.outlines(faceIndex);
        return new Face(role, name, path.toString(), bf, postscript, faceIndex, outlines == null ? null : fontFile.file(), outlines);
    }
}
