package paiban.render;

import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The 农历 date a nameplate prints beside the date, "辛丑年五月十三", from ICU's Chinese calendar (new
 * moons and solar terms reckoned for Beijing's meridian, leap months as 闰) and CLDR's Chinese names
 * for its years, months and days.
 */
final class LunarDate {

    private static final ULocale CHINESE_CALENDAR = ULocale.forLanguageTag("zh-u-ca-chinese");

    private LunarDate() {
    }

    /** The 干支 year, the month and the day as the paper prints them, e.g. "辛丑年五月十三" for 2021-06-22. */
    static String of(LocalDate date) {
        // "d=hanidays" numbers the day 初一 … 三十, as CLDR's own Chinese date patterns do
        SimpleDateFormat f = new SimpleDateFormat("U年MMMd", "d=hanidays", CHINESE_CALENDAR);
        // the day is a civil date: reckon it at noon in a zone without daylight saving, so no offset moves it
        ChineseCalendar calendar = new ChineseCalendar(TimeZone.GMT_ZONE, CHINESE_CALENDAR);
        f.setCalendar(calendar);
        f.setTimeZone(TimeZone.GMT_ZONE);
        return f.format(new java.util.Date(date.atTime(12, 0).toInstant(ZoneOffset.UTC).toEpochMilli()));
    }
}
