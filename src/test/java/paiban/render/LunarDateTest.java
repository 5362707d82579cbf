package paiban.render;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The 农历 date as a nameplate prints it, against dates any almanac (黄历) gives. */
class LunarDateTest {

    @Test
    void theSampleIssuesDayIsTheThirteenthOfTheFifthMonthOfXinchou() {
        assertEquals("辛丑年五月十三", LunarDate.of(LocalDate.of(2021, 6, 22)));
    }

    @Test
    void newYearsDayIsZhengyueChuyi() {
        assertEquals("辛丑年正月初一", LunarDate.of(LocalDate.of(2021, 2, 12)));
    }

    @Test
    void aLeapMonthIsMarkedRun() {
        assertEquals("癸卯年闰二月初一", LunarDate.of(LocalDate.of(2023, 3, 22)));
    }

    @Test
    void januaryBeforeTheSpringFestivalStillBelongsToTheOldYear() {
        assertEquals("庚子年十一月十八", LunarDate.of(LocalDate.of(2021, 1, 1)));
    }
}
