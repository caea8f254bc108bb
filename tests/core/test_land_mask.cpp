#include "core/geo/coastlines.h"
#include "core/geo/land_mask.h"

#include <QTest>

#include <stdexcept>

using namespace xmw::geo;

class TestLandMask : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void builtInCoastlinesHaveTheContinents()
    {
        const auto &rings = Coastlines::builtIn().rings();
        QCOMPARE(rings.size(), std::size_t(17));
        std::size_t vertices = 0;
        for (const auto &ring : rings)
            vertices += ring.size();
        QCOMPARE(vertices, std::size_t(10341));
    }

    void knownPlaces_data()
    {
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("lon");
        QTest::addColumn<bool>("land");
        QTest::newRow("Sahara") << 23.0 << 10.0 << true;
        QTest::newRow("Amazon") << -5.0 << -60.0 << true;
        QTest::newRow("Siberia") << 65.0 << 100.0 << true;
        QTest::newRow("Australia") << -25.0 << 134.0 << true;
        QTest::newRow("Chukotka, east of the dateline") << 66.0 << -174.0 << true;
        QTest::newRow("Chukotka, west of the dateline") << 67.0 << 172.0 << true;
        QTest::newRow("Antarctic plateau") << -85.0 << 0.0 << true;
        QTest::newRow("Antarctica at the dateline") << -87.0 << 180.0 << true;
        QTest::newRow("Antarctica at the meridian") << -80.0 << 0.0 << true;
        QTest::newRow("Ross Sea, at the dateline") << -75.0 << 180.0 << false;
        QTest::newRow("Alaska") << 64.0 << -150.0 << true;
        QTest::newRow("Atlantic") << 0.0 << -30.0 << false;
        QTest::newRow("Pacific") << 0.0 << -150.0 << false;
        QTest::newRow("Indian Ocean") << -40.0 << 80.0 << false;
        QTest::newRow("Arctic Ocean near the pole") << 88.0 << 0.0 << false;
        QTest::newRow("Mediterranean") << 35.0 << 18.0 << false;
        QTest::newRow("Bering Strait sea") << 60.0 << -178.0 << false;
    }

    void knownPlaces()
    {
        QFETCH(double, lat);
        QFETCH(double, lon);
        QFETCH(bool, land);
        const auto mask = LandMask::rasterize(Coastlines::builtIn(), 180, 360);
        QCOMPARE(mask.isLand({lat, lon}), land);
    }

    void gridConventionRowZeroIsSouth()
    {
        const auto mask = LandMask::rasterize(Coastlines::builtIn(), 90, 180);
        QVERIFY(mask.isLand(0, 90)); // 89°S: Antarctica
        QVERIFY(!mask.isLand(89, 90)); // 89°N: Arctic Ocean
        // Column 0 starts at 180°W: Africa (20°E) lies at column (20 + 180) / 2 = 100.
        QVERIFY(mask.isLand(45 + 5, 100)); // 11°N, 21°E
        QVERIFY(!mask.isLand(45, 70)); // 1°N, 39°W: Atlantic
    }

    void landFractionIsEarthLike()
    {
        // By cell count, not area: high latitudes are over-represented, so more than the 29 % by area.
        const double fraction = LandMask::rasterize(Coastlines::builtIn(), 360, 720).landFraction();
        QVERIFY2(fraction > 0.28 && fraction < 0.40, qPrintable(QString::number(fraction)));
    }

    void parseRejectsBadText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("vertex before header") << "10 20\n"
                                              << "line 1: vertex outside a ring";
        QTest::newRow("not a number") << "P 3\n1 2\n3 x\n5 6\n"
                                      << "line 3: 'x' is not a number";
        QTest::newRow("truncated") << "P 4\n1 2\n3 4\n5 6\n"
                                   << "line 4: text ends inside a ring (missing vertices: 1)";
        QTest::newRow("out of range") << "P 3\n1 2\n95 4\n5 6\n"
                                      << "line 3: coordinates out of range";
        QTest::newRow("too few") << "P 2\n"
                                 << "line 1: a ring needs at least 3 vertices";
    }

    void parseRejectsBadText()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        try {
            (void)Coastlines::parse(text.toStdString());
            QFAIL("no error");
        } catch (const std::runtime_error &error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(message), error.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestLandMask)
#include "test_land_mask.moc"
