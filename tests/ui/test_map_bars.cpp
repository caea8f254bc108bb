// The map's two toolbars on their own: MapToolBar keeps the day inside the layer's range and plays
// through it; MapStyleBar keeps each layer's colours and offers only what applies to the layer.
#include "gui_test_main.h"
#include "ui/map/map_style_bar.h"
#include "ui/map/map_tool_bar.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace xmw::ui;
using xmw::data::Period;
using xmw::data::units::Flux;

class TestMapBars : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("xmw-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_map_bars"));
        QStandardPaths::setTestModeEnabled(true); // settings go to a test location
    }
    void init() { QSettings().clear(); }

    // A prediction covers one year: the day keeps its day of the year, moved into the range.
    void aNewRangeKeepsTheDayOfTheYear()
    {
        MapToolBar bar;
        bar.setDateRange(QDate(2000, 1, 1), QDate(2018, 12, 31), QDate(2012, 2, 29));
        QCOMPARE(bar.date(), QDate(2012, 2, 29));
        QSignalSpy changed(&bar, &MapToolBar::dateChanged);
        bar.setDateRange(QDate(2016, 1, 1), QDate(2016, 12, 31));
        QCOMPARE(bar.date(), QDate(2016, 2, 29));
        bar.setDateRange(QDate(2015, 1, 1), QDate(2015, 12, 31));
        QCOMPARE(bar.date(), QDate(2015, 2, 28)); // no 29 February in 2015
        QCOMPARE(changed.count(), 0); // the window asks for the map it wants
        QCOMPARE(bar.firstDate(), QDate(2015, 1, 1));
        QCOMPARE(bar.lastDate(), QDate(2015, 12, 31));
    }

    void stepsStayInTheRangeAndPlaybackWraps()
    {
        MapToolBar bar;
        bar.setEnabled(true);
        bar.setDateRange(QDate(2015, 1, 1), QDate(2016, 12, 31), QDate(2016, 12, 30));
        QSignalSpy changed(&bar, &MapToolBar::dateChanged);
        bar.step(5, 0);
        QCOMPARE(bar.date(), QDate(2016, 12, 31)); // clamped
        bar.advance();
        QCOMPARE(bar.date(), QDate(2015, 1, 1)); // wraps, so a class can leave it playing
        bar.step(0, 1);
        QCOMPARE(bar.date(), QDate(2015, 2, 1));
        QCOMPARE(changed.count(), 3);
        // Playing a monthly mean steps by month; the slider follows the calendar.
        bar.findChild<QComboBox *>(QStringLiteral("periodBox"))->setCurrentIndex(1);
        QCOMPARE(bar.period(), Period::Month);
        bar.advance();
        QCOMPARE(bar.date(), QDate(2015, 3, 1));
        bar.setEnabled(false); // no dataset: stepping does nothing
        bar.step(1, 0);
        QCOMPARE(bar.date(), QDate(2015, 3, 1));
    }

    // A day typed into the box, as a user types it: select all, type, press Enter; the map is
    // asked for that day once, not for each keystroke's half-typed date (#34, item 13).
    void aTypedDateIsTaken()
    {
        MapToolBar bar;
        bar.setEnabled(true);
        bar.setDateRange(QDate(2014, 1, 1), QDate(2018, 12, 31), QDate(2014, 7, 15));
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        auto *edit = bar.findChild<QDateEdit *>(QStringLiteral("dateEdit"));
        QSignalSpy changed(&bar, &MapToolBar::dateChanged);
        for (const auto &[typed, expected] : {std::pair{"2016-03-05", QDate(2016, 3, 5)}, std::pair{"2018-12-31", QDate(2018, 12, 31)},
                                              std::pair{"2014-01-01", QDate(2014, 1, 1)}}) {
            edit->setFocus();
            edit->selectAll();
            QTest::keyClicks(edit, QString::fromLatin1(typed));
            QTest::keyClick(edit, Qt::Key_Return);
            QCOMPARE(bar.date(), expected);
            QCOMPARE(changed.last().first().toDate(), expected);
        }
        QCOMPARE(changed.count(), 3);
        // Outside the record: the box keeps the last day it could show.
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("2020-01-01"));
        QTest::keyClick(edit, Qt::Key_Return);
        QVERIFY(bar.date() >= bar.firstDate() && bar.date() <= bar.lastDate());
    }

    void eachLayerKeepsItsOwnStyle()
    {
        MapStyleBar bar;
        auto *palette = bar.findChild<QComboBox *>(QStringLiteral("paletteBox"));
        auto *range = bar.findChild<QComboBox *>(QStringLiteral("rangeBox"));
        bar.showLayer(QStringLiteral("CH4_emission"), Flux::MgPerSquareMetrePerDay, Flux::MgPerSquareMetrePerDay);
        QSignalSpy changed(&bar, &MapStyleBar::styleChanged);
        palette->setCurrentIndex(palette->findData(int(Palette::Magma)));
        bar.logAction()->setChecked(true);
        QCOMPARE(changed.count(), 2);
        QVERIFY(bar.style().logarithmic);

        bar.showLayer(QStringLiteral("TAIR"), std::nullopt, Flux::MgPerSquareMetrePerDay);
        QCOMPARE(bar.style().palette, Palette::Viridis); // a log scale for CH4 is no style for TAIR
        QVERIFY(!bar.style().logarithmic);
        QCOMPARE(changed.count(), 2); // showing a layer is not a change

        bar.showLayer(QStringLiteral("CH4_emission"), Flux::MgPerSquareMetrePerDay, Flux::MgPerSquareMetrePerDay);
        QCOMPARE(bar.style().palette, Palette::Magma);
        QVERIFY(bar.style().logarithmic);

        // Classes have one style; a difference is always diverging, and never on a log scale.
        bar.showLayer(QStringLiteral("wetlandtype"), std::nullopt, Flux::MgPerSquareMetrePerDay);
        QCOMPARE(bar.style().palette, Palette::Categorical);
        QVERIFY(!palette->isEnabled() && !range->isEnabled() && !bar.logAction()->isEnabled());
        bar.showLayer(QStringLiteral("prediction-difference"), Flux::NmolPerSquareMetrePerSecond, Flux::MgPerSquareMetrePerDay);
        QCOMPARE(bar.style().palette, Palette::Diverging);
        QVERIFY(!palette->isEnabled() && range->isEnabled() && !bar.logAction()->isEnabled());
        QVERIFY(!bar.style().logarithmic);
    }

    // A fixed range starts from the one on screen and is kept with its unit.
    void aFixedFluxRangeFollowsTheUnit()
    {
        MapStyleBar bar;
        auto *range = bar.findChild<QComboBox *>(QStringLiteral("rangeBox"));
        auto *low = bar.findChild<QDoubleSpinBox *>(QStringLiteral("rangeLow"));
        auto *high = bar.findChild<QDoubleSpinBox *>(QStringLiteral("rangeHigh"));
        bar.resize(1200, 40); // wide enough for every control: none in the overflow menu
        bar.show(); // a toolbar lays out (and shows) its widgets once shown
        bar.showLayer(QStringLiteral("prediction"), Flux::NmolPerSquareMetrePerSecond, Flux::NmolPerSquareMetrePerSecond);
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        QTRY_VERIFY(!low->isVisible());
        bar.setShownRange(0.0, 50.0);
        range->setCurrentIndex(range->findData(int(RangeMode::Fixed)));
        QTRY_VERIFY(low->isVisible() && high->isVisible());
        QCOMPARE(bar.style().fixedLow, 0.0);
        QCOMPARE(bar.style().fixedHigh, 50.0);
        // The same layer shown in mg CH4 m-2 d-1: 50 nmol m-2 s-1 is 50 × 1.3863 = 69.315 mg m-2 d-1.
        bar.showLayer(QStringLiteral("prediction"), Flux::NmolPerSquareMetrePerSecond, Flux::MgPerSquareMetrePerDay);
        QCOMPARE(bar.style().range, RangeMode::Fixed);
        QCOMPARE(bar.style().fluxUnit, Flux::MgPerSquareMetrePerDay);
        QVERIFY(std::abs(bar.style().fixedHigh - xmw::data::units::nmolPerSecondToMgPerDay(50.0)) < 1e-3);
        QVERIFY(std::abs(bar.style().fixedHigh - 69.315) < 1e-3);
    }
};

XMW_GUI_TEST_MAIN(TestMapBars)
#include "test_map_bars.moc"
