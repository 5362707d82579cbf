package paiban.testing;

import org.junit.jupiter.api.Assumptions;
import paiban.codec.TurboJpeg;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** TurboJPEG for tests that need it: skipped where it is not installed, a failure in CI, which installs it. */
public final class Turbo {

    private Turbo() {
    }

    public static TurboJpeg required() {
        TurboJpeg t = TurboJpeg.get();
        Assumptions.assumeTrue(t != null || System.getenv("CI_REQUIRE_TURBOJPEG") != null,
                "libturbojpeg-java is not installed here");
        assertNotNull(t, "CI installs libturbojpeg-java, yet TurboJPEG did not load: "
                + TurboJpeg.problem().orElse(TurboJpeg.description()));
        return t;
    }
}
