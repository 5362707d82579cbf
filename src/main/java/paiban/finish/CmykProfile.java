package paiban.finish;

import paiban.core.PaibanException;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The plant's CMYK output profile: print.pdf converts through it and embeds it as the output intent.
 *
 * @param data        the profile's bytes, embedded unchanged
 * @param description its 'desc' tag, e.g. "U.S. Web Coated (SWOP) v2", named in the output intent
 */
record CmykProfile(Path file, byte[] data, String description, ICC_ColorSpace space) {

    static CmykProfile load(Path file) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PaibanException("--cmyk-profile " + file + ": cannot be read (" + e.getMessage() + "); "
                    + (file.equals(EditionOptions.DEFAULT_CMYK_PROFILE)
                    ? "install Debian's libgs-common, or give the plant's profile with --cmyk-profile FILE.icc"
                    : "give the path of the plant's .icc profile"), e);
        }
        ICC_Profile profile;
        try {
            profile = ICC_Profile.getInstance(data);
        } catch (IllegalArgumentException e) {
            throw new PaibanException("--cmyk-profile " + file + ": not an ICC profile; give the plant's .icc file", e);
        }
        if (profile.getColorSpaceType() != ColorSpace.TYPE_CMYK
                || profile.getProfileClass() != ICC_Profile.CLASS_OUTPUT) {
            throw new PaibanException("--cmyk-profile " + file + ": not a CMYK printer (output) profile; "
                    + "print.pdf needs the profile of the press, e.g. ISOnewspaper26v4 or SWOP");
        }
        return new CmykProfile(file, data, description(profile, file), new ICC_ColorSpace(profile));
    }

    /** Reads the 'desc' tag: textDescriptionType in ICC v2, multiLocalizedUnicodeType in v4. */
    private static String description(ICC_Profile profile, Path file) {
        byte[] tag = profile.getData(ICC_Profile.icSigProfileDescriptionTag);
        String fallback = file.getFileName().toString();
        if (tag == null || tag.length < 12) {
            return fallback;
        }
        ByteBuffer b = ByteBuffer.wrap(tag);
        String type = new String(tag, 0, 4, StandardCharsets.US_ASCII);
        try {
            if (type.equals("desc")) {
                int count = b.getInt(8);
                int len = Math.max(0, Math.min(count, tag.length - 12));
                String s = new String(tag, 12, len, StandardCharsets.US_ASCII);
                int nul = s.indexOf('\0');
                s = (nul >= 0 ? s.substring(0, nul) : s).strip();
                return s.isEmpty() ? fallback : s;
            }
            if (type.equals("mluc") && b.getInt(8) > 0) {
                int length = b.getInt(20);
                int offset = b.getInt(24);
                String s = new String(tag, offset, length, StandardCharsets.UTF_16BE).strip();
                return s.isEmpty() ? fallback : s;
            }
        } catch (IndexOutOfBoundsException e) {
            return fallback;
        }
        return fallback;
    }
}
