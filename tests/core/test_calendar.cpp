#include "core/data/calendar.h"

#include <QTest>

using namespace xmw::data;

class TestCalendar : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void leapYears()
    {
        QVERIFY(isLeapYear(2016));
        QVERIFY(!isLeapYear(2018));
        QVERIFY(!isLeapYear(1900));
        QVERIFY(isLeapYear(2000));
        QCOMPARE(daysInMonth(2016, 2), 29);
        QCOMPARE(daysInMonth(2015, 2), 28);
        QCOMPARE(daysInYear(2016), 366);
    }

    void dayNumbersRoundTrip()
    {
        QCOMPARE(toDayNumber({1970, 1, 1}), std::int64_t(0));
        QCOMPARE(toDayNumber({1979, 1, 1}), std::int64_t(3287));
        for (std::int64_t n = -800; n < 20000; n += 37)
            QCOMPARE(toDayNumber(fromDayNumber(n)), n);
    }

    void parsesTheFormatsInUse()
    {
        QVERIFY((parseDate("2016-02-29") == Date{2016, 2, 29}));
        QVERIFY((parseDate("20160229") == Date{2016, 2, 29}));
        QVERIFY((parseDate("201602291230") == Date{2016, 2, 29}));
        QVERIFY(!parseDate("20150229")); // not a leap year
        QVERIFY(!parseDate("2016-13-01"));
        QVERIFY(!parseDate("16-01-01"));
        QVERIFY(!parseDate("2016/01/01"));
        QVERIFY(!parseDate(""));
        QCOMPARE(toIsoString({2016, 3, 5}), std::string("2016-03-05"));
    }

    void sequenceDropsTheLeapDay()
    {
        QCOMPARE(*sequenceDayIndex({2015, 1, 1}), 0);
        QCOMPARE(*sequenceDayIndex({2015, 12, 31}), 364);
        QCOMPARE(*sequenceDayIndex({2016, 2, 28}), 58);
        QVERIFY(!sequenceDayIndex({2016, 2, 29}));
        QCOMPARE(*sequenceDayIndex({2016, 3, 1}), 59);
        QCOMPARE(*sequenceDayIndex({2016, 12, 31}), 364);
        QVERIFY(isLeapDay({2016, 2, 29}) && !isLeapDay({2016, 2, 28}));
        QCOMPARE(sequenceDayShowing({2016, 2, 29}), 58);
        QCOMPARE(sequenceDayShowing({2016, 3, 1}), 59);
    }

    // The dates of a benchmark year and the day indices are one mapping, both ways.
    void sequenceDatesAreTheDayIndices()
    {
        for (const int year : {2015, 2016}) {
            const auto dates = sequenceDates(year);
            QCOMPARE(dates.front(), (Date{year, 1, 1}));
            QCOMPARE(dates.back(), (Date{year, 12, 31}));
            for (int i = 0; i < kSequenceDays; ++i)
                QCOMPARE(*sequenceDayIndex(dates[std::size_t(i)]), i);
        }
    }
};

QTEST_APPLESS_MAIN(TestCalendar)
#include "test_calendar.moc"
