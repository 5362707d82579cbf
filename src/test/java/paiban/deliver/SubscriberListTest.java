package paiban.deliver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.core.PaibanException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriberListTest {

    @TempDir
    Path tmp;

    private Path csv(String text) throws IOException {
        Path file = tmp.resolve("subscribers.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsAddressesAndNamesInAnyColumnOrderWithExtraColumnsAndAByteOrderMark() throws IOException {
        SubscriberList list = SubscriberList.read(csv("\uFEFFCity,Name,EMAIL\n"
                + "广州,王小明,wang@example.com\n"
                + "深圳,\"李, 华\",li@example.com\n"
                + "佛山,,anon@example.com\n"));
        assertEquals(List.of(new Subscriber("wang@example.com", "王小明", 2),
                new Subscriber("li@example.com", "李, 华", 3),
                new Subscriber("anon@example.com", "", 4)), list.subscribers());
        assertTrue(list.rejected().isEmpty());
    }

    @Test
    void badRowsAreReportedWithTheirLineNumbersAndSkipped() throws IOException {
        SubscriberList list = SubscriberList.read(csv("""
                email,name
                wang@example.com,王小明
                not-an-address,坏地址

                ,没有地址
                "note
                spanning lines",多行
                lonely@example.com
                WANG@example.com,重复
                两个@example.com,非ASCII
                "a@example.com, b@example.com",两个地址
                zhao@example.com,赵六
                """));
        assertEquals(List.of("wang@example.com", "zhao@example.com"),
                list.subscribers().stream().map(Subscriber::email).toList());
        assertEquals(12, list.subscribers().get(1).line());
        assertEquals(List.of(3L, 5L, 6L, 8L, 9L, 10L, 11L),
                list.rejected().stream().map(SubscriberList.Rejected::line).toList());
        assertTrue(list.rejected().get(4).reason().contains("already appears on line 2"), list.rejected().toString());
        assertTrue(list.rejected().get(0).toString().startsWith("line 3: "));
    }

    @Test
    void aLineBreakInANameIsRefusedAsHeaderInjection() throws IOException {
        SubscriberList list = SubscriberList.read(csv("email,name\n"
                + "eve@example.com,\"Eve\r\nBcc: everyone@example.com\"\n"
                + "mallory@example.com,\"Mallory\nX-Injected: yes\"\n"
                + "\"trudy@example.com\r\nBcc: everyone@example.com\",Trudy\n"
                + "ok@example.com,Ok\n"));
        assertEquals(List.of("ok@example.com"), list.subscribers().stream().map(Subscriber::email).toList());
        assertEquals(List.of(2L, 4L, 6L), list.rejected().stream().map(SubscriberList.Rejected::line).toList());
        assertTrue(list.rejected().stream().allMatch(r -> r.reason().contains("inject")), list.rejected().toString());
    }

    @Test
    void aHeaderWithoutAnEmailColumnIsAnErrorNamingTheFile() throws IOException {
        Path file = csv("mail,name\nwang@example.com,王小明\n");
        PaibanException e = assertThrows(PaibanException.class, () -> SubscriberList.read(file));
        assertTrue(e.getMessage().contains("subscribers.csv: line 1") && e.getMessage().contains("'email'"),
                e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws IOException {
        Path file = tmp.resolve("gbk.csv");
        Files.write(file, "email,name\nwang@example.com,王小明\n".getBytes("GBK"));
        PaibanException e = assertThrows(PaibanException.class, () -> SubscriberList.read(file));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    @Test
    void subscribersCannotBeMadeWithInjectedHeaders() {
        assertThrows(IllegalArgumentException.class, () -> new Subscriber("a@example.com", "A\r\nBcc: x@y.z", 2));
        assertThrows(IllegalArgumentException.class, () -> new Subscriber("a@example.com\nBcc: x@y.z", "A", 2));
    }
}
