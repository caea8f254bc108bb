#include "gui_test_main.h"

#include "ui/globe/globe_view.h"

#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QScreen>
#include <QSignalSpy>
#include <QWheelEvent>

#include <cmath>
#include <memory>

using namespace xmw;
using namespace xmw::ui;

namespace {

constexpr int kCellDeg = 2; // test texture: 180 × 90 cells of 2°

QImage markedTexture(geo::GeoPoint cell)
{
    QImage image(360 / kCellDeg, 180 / kCellDeg, QImage::Format_RGB32);
    image.fill(qRgb(128, 128, 128));
    const int col = int(std::floor((cell.lon + 180.0) / kCellDeg));
    const int row = int(std::floor((90.0 - cell.lat) / kCellDeg)); // top row is north
    image.setPixel(col, row, qRgb(255, 0, 0));
    return image;
}

geo::GeoPoint cellCentre(geo::GeoPoint p)
{
    return {(std::floor((p.lat + 90.0) / kCellDeg) + 0.5) * kCellDeg - 90.0,
            (std::floor((p.lon + 180.0) / kCellDeg) + 0.5) * kCellDeg - 180.0};
}

// Centroid of the clearly red pixels (the limb is darker, so the test is loose on brightness).
std::optional<QPointF> redCentroid(const QImage &frame, int *count)
{
    double sx = 0, sy = 0;
    int n = 0;
    for (int y = 0; y < frame.height(); ++y)
        for (int x = 0; x < frame.width(); ++x) {
            const QColor c = frame.pixelColor(x, y);
            if (c.red() > 120 && c.green() < 70 && c.blue() < 70) {
                sx += x + 0.5;
                sy += y + 0.5;
                ++n;
            }
        }
    *count = n;
    if (n == 0)
        return std::nullopt;
    return QPointF(sx / n, sy / n);
}

} // namespace

class TestGlobeView : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<GlobeView> view_;

    QImage renderedFrame()
    {
        const int before = view_->framesRendered();
        view_->requestRender();
        if (!QTest::qWaitFor([&] { return view_->framesRendered() > before; }, 5000))
            return {};
        return view_->grabFramebuffer();
    }

private Q_SLOTS:
    void init()
    {
        view_ = std::make_unique<GlobeView>();
        view_->resize(420, 420);
        view_->show();
        QVERIFY(QTest::qWaitForWindowExposed(view_.get()));
        QTRY_VERIFY_WITH_TIMEOUT(view_->framesRendered() > 0, 10000);
        QTRY_VERIFY(!view_->isMoving()); // showing the window resizes it: the first changes can read as a motion
    }

    void cleanup() { view_.reset(); }

    void shouldHaveDefaultValues()
    {
        QCOMPARE(view_->camera().distance(), GlobeCamera::kDefaultDistance);
        QCOMPARE(view_->camera().viewportWidth(), 420);
        QCOMPARE(view_->camera().viewportHeight(), 420);
    }

    // A cell painted on the equirectangular image is found back, on screen, at its lat/lon.
    void textureOrientation_data()
    {
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("lon");
        QTest::addColumn<double>("viewLat");
        QTest::addColumn<double>("viewLon");
        QTest::addColumn<double>("distance");
        QTest::newRow("origin") << 1.0 << 1.0 << 0.0 << 0.0 << 2.2;
        QTest::newRow("north-east, off centre") << 45.0 << 91.0 << 30.0 << 70.0 << 2.2;
        QTest::newRow("south-west, off centre") << -31.0 << -121.0 << -15.0 << -100.0 << 2.2;
        QTest::newRow("west of the dateline") << 11.0 << 179.0 << 10.0 << -175.0 << 2.2;
        QTest::newRow("east of the dateline") << 11.0 << -179.0 << 5.0 << 175.0 << 2.2;
        // Polar cells are thin slivers (2° of longitude at 87° is 10 km wide): look from closer.
        QTest::newRow("near the north pole") << 87.0 << 31.0 << 84.0 << 28.0 << 1.5;
        QTest::newRow("near the south pole") << -87.0 << -61.0 << -84.0 << -64.0 << 1.5;
    }

    void textureOrientation()
    {
        QFETCH(double, lat);
        QFETCH(double, lon);
        QFETCH(double, viewLat);
        QFETCH(double, viewLon);
        QFETCH(double, distance);
        view_->setSurfaceImage(markedTexture({lat, lon}));
        view_->setCenter({viewLat, viewLon});
        view_->setDistance(distance);
        const QImage frame = renderedFrame();
        QVERIFY(!frame.isNull());

        int count = 0;
        const auto centroid = redCentroid(frame, &count);
        QVERIFY2(centroid, "the marked cell is not visible");
        QVERIFY2(count >= 4, qPrintable(QStringLiteral("only %1 red pixels").arg(count)));

        const auto picked = view_->pick(centroid->toPoint());
        QVERIFY(picked);
        const geo::GeoPoint expected = cellCentre({lat, lon});
        const double half = kCellDeg / 2.0;
        QVERIFY2(std::abs(picked->lat - expected.lat) <= half,
                 qPrintable(QStringLiteral("lat %1, expected %2").arg(picked->lat).arg(expected.lat)));
        const double cosLat = std::max(0.05, std::cos(expected.lat * M_PI / 180.0));
        QVERIFY2(std::abs(geo::wrapLongitude(picked->lon - expected.lon)) * cosLat <= half,
                 qPrintable(QStringLiteral("lon %1, expected %2").arg(picked->lon).arg(expected.lon)));

        // And the forward direction: project() puts the cell where it was drawn. A cell's pixel
        // centroid differs from its projected centre by a fraction of its size on screen (polar
        // cells are wedges), so the tolerance scales with that size.
        const auto projected = view_->project(expected);
        const auto cornerA = view_->project({expected.lat - half, expected.lon - half});
        const auto cornerB = view_->project({expected.lat + half, expected.lon + half});
        QVERIFY(projected && cornerA && cornerB);
        const double tolerance = std::max(4.0, 0.25 * QLineF(QPointF(*cornerA), QPointF(*cornerB)).length());
        QVERIFY2(QLineF(QPointF(*projected), *centroid).length() < tolerance,
                 qPrintable(QStringLiteral("projected (%1,%2), drawn (%3,%4)")
                                .arg(projected->x())
                                .arg(projected->y())
                                .arg(centroid->x())
                                .arg(centroid->y())));
    }

    // What reaches the screen is the native surface's frame: the same pixels as grabFramebuffer(),
    // at the widget's place. And grabbing the widget (as exports do) paints that frame too.
    void theScreenShowsTheFrame()
    {
        const QImage frame = renderedFrame();
        QVERIFY(!frame.isNull());
        QTRY_VERIFY(view_->framesRendered() > 0);
        QTest::qWait(100); // the swap to reach the X server
        const QPoint origin = view_->mapToGlobal(QPoint(0, 0));
        const QImage onScreen = view_->screen()->grabWindow(0, origin.x(), origin.y(), view_->width(), view_->height()).toImage();
        QCOMPARE(onScreen.size(), frame.size());
        const QImage grabbed = view_->grab().toImage();
        QCOMPARE(grabbed.size(), frame.size());
        int differing = 0, differingGrab = 0;
        for (int y = 0; y < frame.height(); ++y)
            for (int x = 0; x < frame.width(); ++x) {
                differing += (onScreen.pixel(x, y) & 0xffffff) != (frame.pixel(x, y) & 0xffffff);
                differingGrab += (grabbed.pixel(x, y) & 0xffffff) != (frame.pixel(x, y) & 0xffffff);
            }
        QVERIFY2(differing < frame.width() * frame.height() / 100, qPrintable(QString::number(differing)));
        QCOMPARE(differingGrab, 0);
    }

    void pickAndProjectRoundTrip()
    {
        view_->setCenter({40.0, -100.0});
        for (int y = 20; y < 420; y += 40)
            for (int x = 20; x < 420; x += 40) {
                const auto p = view_->pick(QPoint(x, y));
                if (!p)
                    continue;
                const auto back = view_->project(*p);
                QVERIFY(back);
                QCOMPARE(*back, QPoint(x, y));
            }
    }

    void burstOfRequestsRendersOnce()
    {
        // Start-up frames (showing, exposing the native window, settling) are over once none has
        // come for a while; under load they can come late.
        int quiet = 0;
        for (int frames = -1; frames != view_->framesRendered() && quiet < 20; ++quiet) {
            frames = view_->framesRendered();
            QTest::qWait(250);
        }
        QVERIFY(quiet < 20);
        const int before = view_->framesRendered();
        for (int i = 0; i < 10; ++i)
            view_->requestRender();
        QTRY_VERIFY(view_->framesRendered() > before);
        QTest::qWait(200);
        QCOMPARE(view_->framesRendered(), before + 1);
    }

    void dragRotatesWheelZoomsKeysMove()
    {
        const QImage initial = renderedFrame();
        const geo::GeoPoint start = view_->camera().center();
        QSignalSpy viewChanged(view_.get(), &GlobeView::viewChanged);

        const QPointF from(210, 210), to(260, 240);
        QMouseEvent press(QEvent::MouseButtonPress, from, view_->mapToGlobal(from), Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
        QMouseEvent move(QEvent::MouseMove, to, view_->mapToGlobal(to), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QMouseEvent release(QEvent::MouseButtonRelease, to, view_->mapToGlobal(to), Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(view_.get(), &press);
        QApplication::sendEvent(view_.get(), &move);
        QApplication::sendEvent(view_.get(), &release);
        QVERIFY(view_->camera().center().lon < start.lon); // dragged right: the west comes into view
        QVERIFY(view_->camera().center().lat > start.lat); // dragged down: the north comes into view
        QVERIFY(viewChanged.count() > 0);

        const double before = view_->camera().distance();
        QWheelEvent wheel(from, view_->mapToGlobal(from), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view_.get(), &wheel);
        QVERIFY(view_->camera().distance() < before);

        const double lonBeforeKey = view_->camera().center().lon;
        QTest::keyClick(view_.get(), Qt::Key_Right);
        QVERIFY(view_->camera().center().lon > lonBeforeKey);
        const double distanceBeforeKey = view_->camera().distance();
        QTest::keyClick(view_.get(), Qt::Key_Minus);
        QVERIFY(view_->camera().distance() > distanceBeforeKey);

        const QImage moved = renderedFrame();
        QVERIFY(moved != initial);

        view_->resetView();
        QCOMPARE(view_->camera().center().lat, GlobeCamera::kDefaultCenter.lat);
        QCOMPARE(view_->camera().center().lon, GlobeCamera::kDefaultCenter.lon);
        QCOMPARE(view_->camera().distance(), GlobeCamera::kDefaultDistance);
        view_->settle();
        QCOMPARE(renderedFrame(), initial);
    }

    // Changes in quick succession are a motion: its frames leave out the antialiasing pass, and the
    // still picture is drawn by itself once the motion pauses.
    void motionDrawsFastThenSettles()
    {
        const QImage still = renderedFrame();
        QVERIFY(!view_->isMoving());
        const geo::GeoPoint centre = view_->camera().center();
        QTest::qWait(400); // longer than any motion's gap
        view_->setCenter(centre);
        QVERIFY(!view_->isMoving()); // a change after a pause is not a motion
        view_->setCenter(centre); // the same view again, as fast as a drag would ask
        QVERIFY(view_->isMoving());
        const QImage moving = renderedFrame();
        QVERIFY2(moving != still, "a frame in motion should leave out the antialiasing");
        const int frames = view_->framesRendered();
        QTRY_VERIFY(!view_->isMoving());
        QTRY_VERIFY(view_->framesRendered() > frames);
        QCOMPARE(view_->grabFramebuffer(), still);
    }

    void cursorReportsPositionOverTheGlobe()
    {
        QSignalSpy moved(view_.get(), &GlobeView::cursorMoved);
        QSignalSpy left(view_.get(), &GlobeView::cursorLeftGlobe);
        // Sent directly: the X server's own pointer would otherwise race with synthetic moves.
        const auto moveTo = [this](QPointF pos) {
            QMouseEvent move(QEvent::MouseMove, pos, view_->mapToGlobal(pos), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
            QApplication::sendEvent(view_.get(), &move);
        };
        moveTo(QPointF(210, 210));
        QCOMPARE(moved.count(), 1);
        const double lat = moved.last().at(0).toDouble();
        const double lon = moved.last().at(1).toDouble();
        QVERIFY(std::abs(lat - GlobeCamera::kDefaultCenter.lat) < 1.0);
        QVERIFY(std::abs(lon - GlobeCamera::kDefaultCenter.lon) < 1.0);
        moveTo(QPointF(2, 2));
        QCOMPARE(left.count(), 1);
    }
};

XMW_GUI_TEST_MAIN(TestGlobeView)
#include "test_globe_view.moc"
