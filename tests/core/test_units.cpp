#include "core/data/units.h"

#include <QTest>

using namespace xmw::data::units;

class TestUnits : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void recognisesTheSpellingsInUse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("unit");
        const int mg = int(Flux::MgPerSquareMetrePerDay), nmol = int(Flux::NmolPerSquareMetrePerSecond);
        QTest::newRow("demo") << "mg CH4 m-2 d-1" << mg;
        QTest::newRow("slashes") << "mgCH4/m2/day" << mg;
        QTest::newRow("no gas") << "mg m-2 day-1" << mg;
        QTest::newRow("FLUXNET") << "nmol CH4 m-2 s-1" << nmol;
        QTest::newRow("FLUXNET, short") << "nmolCH4m-2s-1" << nmol;
        QTest::newRow("no gas, nmol") << "nmol m-2 s-1" << nmol;
        QTest::newRow("unknown") << "kg m-2 s-1" << -1;
        QTest::newRow("empty") << "" << -1;
    }

    void recognisesTheSpellingsInUse()
    {
        QFETCH(QString, text);
        QFETCH(int, unit);
        const auto parsed = parseFlux(text.toStdString());
        QCOMPARE(parsed ? int(*parsed) : -1, unit);
    }

    void converts()
    {
        QCOMPARE(nmolPerSecondToMgPerDay(1.0), 1.3863);
        QCOMPARE(convert(1.3863, Flux::MgPerSquareMetrePerDay, Flux::NmolPerSquareMetrePerSecond), 1.0);
        QCOMPARE(convert(5.0, Flux::NmolPerSquareMetrePerSecond, Flux::NmolPerSquareMetrePerSecond), 5.0);
        // The factor itself: 16.04 g/mol × 86 400 s/d × 1e-6 mg/ng.
        QVERIFY(std::abs(16.04 * 86400.0 * 1e-6 - kMgPerDayPerNmolPerSecond) < 1e-3);
        QCOMPARE(symbol(Flux::NmolPerSquareMetrePerSecond), std::string("nmol CH4 m-2 s-1"));
    }
};

QTEST_APPLESS_MAIN(TestUnits)
#include "test_units.moc"
