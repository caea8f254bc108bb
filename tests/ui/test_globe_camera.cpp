#include "ui/globe/globe_camera.h"

#include <QTest>

#include <cmath>
#include <vector>

using namespace xmw;
using namespace xmw::ui;

namespace {

double angularDistanceDeg(geo::GeoPoint a, geo::GeoPoint b)
{
    const Vec3 u = toCartesian(a), v = toCartesian(b);
    const double c = std::clamp(u.x * v.x + u.y * v.y + u.z * v.z, -1.0, 1.0);
    return std::acos(c) * 180.0 / M_PI;
}

} // namespace

Q_DECLARE_METATYPE(std::vector<xmw::geo::GeoPoint>)

class TestGlobeCamera : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shouldHaveDefaultValues()
    {
        GlobeCamera camera;
        QCOMPARE(camera.distance(), GlobeCamera::kDefaultDistance);
        QCOMPARE(camera.center().lat, GlobeCamera::kDefaultCenter.lat);
        QCOMPARE(camera.center().lon, GlobeCamera::kDefaultCenter.lon);
    }

    // Towers asked for at start-up are all in view: one close up, several from as far as needed.
    void framingShowsEveryPoint_data()
    {
        QTest::addColumn<std::vector<geo::GeoPoint>>("points");
        QTest::newRow("one tower") << std::vector<geo::GeoPoint>{{61.8, 24.2}};
        QTest::newRow("two nearby") << std::vector<geo::GeoPoint>{{46.1, -89.9}, {45.9, -90.3}};
        QTest::newRow("across the dateline") << std::vector<geo::GeoPoint>{{65.0, 175.0}, {64.0, -170.0}};
        QTest::newRow("a continent") << std::vector<geo::GeoPoint>{{68.3, -133.5}, {25.4, -80.6}, {46.1, -89.9}, {40.0, -105.0}};
        QTest::newRow("two continents") << std::vector<geo::GeoPoint>{{61.8, 24.2}, {46.1, -89.9}, {-3.0, -60.0}};
    }

    void framingShowsEveryPoint()
    {
        QFETCH(std::vector<geo::GeoPoint>, points);
        const auto view = GlobeCamera::framing(points);
        QVERIFY(view);
        QVERIFY(view->distance >= GlobeCamera::kCloseUpDistance && view->distance <= GlobeCamera::kMaxDistance);
        if (points.size() == 1) {
            QVERIFY(angularDistanceDeg(view->center, points.front()) < 1e-9);
            QCOMPARE(view->distance, GlobeCamera::kCloseUpDistance);
        }
        GlobeCamera camera;
        camera.setViewport(800, 600);
        camera.setCenter(view->center);
        camera.setDistance(view->distance);
        for (const geo::GeoPoint &p : points) {
            const auto seen = camera.project(p);
            QVERIFY2(seen, qPrintable(QStringLiteral("%1, %2 is not in view").arg(p.lat).arg(p.lon)));
            QVERIFY(seen->x > 0 && seen->x < 800 && seen->y > 0 && seen->y < 600);
        }
        QVERIFY(!GlobeCamera::framing({}));
    }

    void centreOfViewIsTheCentrePoint()
    {
        GlobeCamera camera;
        camera.setViewport(800, 600);
        camera.setCenter({-33.0, 151.0});
        const auto p = camera.pick({400.0, 300.0});
        QVERIFY(p);
        QVERIFY(angularDistanceDeg(*p, {-33.0, 151.0}) < 1e-9);
    }

    void eastIsRightAndNorthIsUp()
    {
        GlobeCamera camera;
        camera.setViewport(800, 600);
        camera.setCenter({10.0, 20.0});
        const auto centre = camera.project({10.0, 20.0});
        const auto east = camera.project({10.0, 25.0});
        const auto north = camera.project({15.0, 20.0});
        QVERIFY(centre && east && north);
        QVERIFY(east->x > centre->x + 10.0);
        QVERIFY(std::abs(east->y - centre->y) < 5.0);
        QVERIFY(north->y < centre->y - 10.0);
    }

    void projectAndPickRoundTrip()
    {
        GlobeCamera camera;
        camera.setViewport(640, 480);
        for (const geo::GeoPoint centre : {geo::GeoPoint{0, 0}, {60, -150}, {-75, 170}, {89.5, 0}, {-90, 45}}) {
            camera.setCenter(centre);
            for (double dLat = -60; dLat <= 60; dLat += 15) {
                for (double dLon = -60; dLon <= 60; dLon += 15) {
                    const geo::GeoPoint p{std::clamp(centre.lat + dLat, -89.0, 89.0), geo::wrapLongitude(centre.lon + dLon)};
                    const auto screen = camera.project(p);
                    if (!screen)
                        continue;
                    const auto back = camera.pick(*screen);
                    QVERIFY(back);
                    // Near the limb the ray grazes the sphere and rounding grows; 0.001° is ~100 m.
                    QVERIFY2(angularDistanceDeg(*back, p) < 1e-3, qPrintable(QStringLiteral("%1,%2").arg(p.lat).arg(p.lon)));
                }
            }
        }
    }

    void farSideIsNotProjected()
    {
        GlobeCamera camera;
        camera.setViewport(640, 480);
        camera.setCenter({0.0, 0.0});
        QVERIFY(camera.project({0.0, 60.0}));
        QVERIFY(!camera.project({0.0, 180.0}));
        QVERIFY(!camera.project({0.0, 100.0}));
    }

    void pickOffTheGlobeIsEmpty()
    {
        GlobeCamera camera;
        camera.setViewport(640, 480);
        QVERIFY(!camera.pick({1.0, 1.0}));
    }

    void rotateZoomAndReset()
    {
        GlobeCamera camera;
        camera.rotateBy(30.0, -10.0);
        QCOMPARE(camera.center().lon, GlobeCamera::kDefaultCenter.lon + 30.0);
        QCOMPARE(camera.center().lat, GlobeCamera::kDefaultCenter.lat - 10.0);
        camera.rotateBy(170.0, 0.0); // crosses the dateline
        QVERIFY(camera.center().lon >= -180.0 && camera.center().lon < 180.0);
        camera.rotateBy(0.0, 500.0);
        QCOMPARE(camera.center().lat, 90.0);
        camera.zoomBy(0.5);
        QCOMPARE(camera.distance(), 1.0 + (GlobeCamera::kDefaultDistance - 1.0) * 0.5);
        camera.zoomBy(1e-6);
        QCOMPARE(camera.distance(), GlobeCamera::kMinDistance);
        camera.zoomBy(1e6);
        QCOMPARE(camera.distance(), GlobeCamera::kMaxDistance);
        camera.reset();
        QCOMPARE(camera.distance(), GlobeCamera::kDefaultDistance);
        QCOMPARE(camera.center().lat, GlobeCamera::kDefaultCenter.lat);
        QCOMPARE(camera.center().lon, GlobeCamera::kDefaultCenter.lon);
    }

    void dragSpeedFollowsZoom()
    {
        GlobeCamera camera;
        camera.setViewport(800, 800);
        const double far = camera.degreesPerPixel();
        camera.zoomBy(0.25);
        QVERIFY(camera.degreesPerPixel() < far / 2.0);
    }
};

QTEST_APPLESS_MAIN(TestGlobeCamera)
#include "test_globe_camera.moc"
