package paiban.copy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.model.Furniture;
import paiban.model.Issue;
import paiban.testing.TestIssues;
import paiban.testing.TestIssues.IssueFolder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** issue.yaml's publication data: read into {@link Furniture}, checked for form, and missing ones named. */
class FurnitureFieldsTest {

    static final String FURNITURE = """
            cn: CN 44-0011/N
            postal-code: 45-29
            supervisor: 广东省科学技术协会
            sponsor: 广东省科学技术协会
            lunar-date: true
            address: 广州市越秀区连新路171号
            telephone: 020-83549500
            printer: 广东南方报业传媒印务有限公司
            price: 每份1.00元
            """;

    @TempDir
    Path tmp;

    private IssueFolder issue(String yaml) {
        return TestIssues.empty(tmp).issueYaml(yaml).article("lead", TestIssues.LEAD_FRONT, TestIssues.LEAD_BODY);
    }

    @Test
    void everyFieldReachesTheIssueAndNoneIsMissing() {
        IssueFolder folder = issue(TestIssues.ISSUE_YAML + FURNITURE);
        List<String> warnings = new ArrayList<>();
        Issue issue = IssueReader.read(folder.path(), warnings::add);
        assertEquals(new Furniture("CN 44-0011/N", "45-29", "广东省科学技术协会", "广东省科学技术协会", true,
                "广州市越秀区连新路171号", "020-83549500", "广东南方报业传媒印务有限公司", "每份1.00元"), issue.furniture());
        assertEquals(List.of(), warnings);
        assertEquals(List.of(), IssueReader.missingFurniture(folder.path()));
    }

    @Test
    void eachMissingFieldIsAWarningNamingItsKeyAndIssueYaml() {
        IssueFolder folder = issue(TestIssues.ISSUE_YAML + "cn: CN 44-0011/N\nprice: 免费赠阅\n");
        List<String> warnings = new ArrayList<>();
        Issue issue = IssueReader.read(folder.path(), warnings::add);
        assertFalse(issue.furniture().lunarDate(), "the 农历 date is printed only when asked for");
        List<String> keys = List.of("postal-code", "supervisor", "sponsor", "address", "telephone", "printer");
        assertEquals(keys.size(), warnings.size(), warnings.toString());
        for (int i = 0; i < keys.size(); i++) {
            String w = warnings.get(i);
            assertTrue(w.startsWith("issue.yaml: the field '" + keys.get(i) + "' is missing"), w);
            assertTrue(w.contains("add a line '" + keys.get(i) + ": "), w);
        }
        assertEquals(warnings, IssueReader.missingFurniture(folder.path()), "--strict refuses on the same messages");
    }

    @Test
    void aCnNumberOfTheWrongFormIsRefusedAtItsLine() {
        issue(TestIssues.ISSUE_YAML + "cn: 44-0011\n")
                .readFailsWith("issue.yaml:5:", "'cn'", "国内统一连续出版物号", "'44-0011'", "cn: CN 44-0012/N");
        issue(TestIssues.ISSUE_YAML + "cn: CN44-0011/N\n").read(); // the space is optional, as papers print it both ways
    }

    @Test
    void aPostalCodeOfTheWrongFormIsRefusedAtItsLine() {
        issue(TestIssues.ISSUE_YAML + "postal-code: 邮发45-29\n")
                .readFailsWith("issue.yaml:5:", "'postal-code'", "邮发代号", "postal-code: 45-29");
    }

    @Test
    void aLunarDateThatIsNeitherTrueNorFalseIsRefused() {
        issue(TestIssues.ISSUE_YAML + "lunar-date: 农历\n")
                .readFailsWith("issue.yaml:5:", "'lunar-date'", "true or false", "lunar-date: true");
    }

    @Test
    void anUnknownKeyIsRefusedAtItsLineWithTheKnownOnes() {
        issue(TestIssues.ISSUE_YAML + "suppervisor: 广东省科学技术协会\n")
                .readFailsWith("issue.yaml:5:", "unknown field 'suppervisor'", "supervisor", "postal-code");
    }
}
