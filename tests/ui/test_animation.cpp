// Animation export: the video writer's files as a decoder reads them back (frame count, size,
// frames that differ), the GIF palette, the software globe against the camera, and whole exports
// of a small demo dataset, including the refusals and a cancel that leaves nothing behind.
#include "core/data/dataset.h"
#include "core/data/demo_generator.h"
#include "ui/animation/animation_export.h"
#include "ui/animation/animation_frames.h"
#include "ui/animation/gif_palette.h"
#include "ui/animation/video_writer.h"
#include "ui/globe/basemap.h"
#include "ui/globe/globe_raster.h"

#include <QDir>
#include <QPainter>
#include <QTemporaryDir>
#include <QtTest>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
}

#include <cmath>
#include <memory>

using namespace xmw::ui;

namespace {

// What a player sees in a video file: its frames as RGB images, decoded by FFmpeg.
struct Decoded {
    QString error;
    QSize size;
    std::vector<QImage> frames;
};

Decoded decode(const QString &path)
{
    Decoded out;
    AVFormatContext *format = nullptr;
    if (avformat_open_input(&format, path.toUtf8().constData(), nullptr, nullptr) < 0) {
        out.error = QStringLiteral("cannot open");
        return out;
    }
    std::unique_ptr<AVFormatContext, void (*)(AVFormatContext *)> closeFormat(format, [](AVFormatContext *f) { avformat_close_input(&f); });
    avformat_find_stream_info(format, nullptr);
    const AVCodec *decoder = nullptr;
    const int stream = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (stream < 0 || !decoder) {
        out.error = QStringLiteral("no video stream");
        return out;
    }
    AVCodecContext *codec = avcodec_alloc_context3(decoder);
    std::unique_ptr<AVCodecContext, void (*)(AVCodecContext *)> closeCodec(codec, [](AVCodecContext *c) { avcodec_free_context(&c); });
    avcodec_parameters_to_context(codec, format->streams[stream]->codecpar);
    if (avcodec_open2(codec, decoder, nullptr) < 0) {
        out.error = QStringLiteral("cannot open the decoder");
        return out;
    }
    out.size = QSize(codec->width, codec->height);
    AVPacket *packet = av_packet_alloc();
    AVFrame *frame = av_frame_alloc();
    const auto take = [&] {
        while (avcodec_receive_frame(codec, frame) == 0) {
            QImage rgb(frame->width, frame->height, QImage::Format_RGB888);
            SwsContext *sws = sws_getContext(frame->width, frame->height, AVPixelFormat(frame->format), frame->width, frame->height,
                                             AV_PIX_FMT_RGB24, SWS_BILINEAR, nullptr, nullptr, nullptr);
            uint8_t *planes[1] = {rgb.bits()};
            const int strides[1] = {int(rgb.bytesPerLine())};
            sws_scale(sws, frame->data, frame->linesize, 0, frame->height, planes, strides);
            sws_freeContext(sws);
            out.frames.push_back(rgb);
        }
    };
    while (av_read_frame(format, packet) >= 0) {
        if (packet->stream_index == stream && avcodec_send_packet(codec, packet) >= 0)
            take();
        av_packet_unref(packet);
    }
    avcodec_send_packet(codec, nullptr);
    take();
    av_frame_free(&frame);
    av_packet_free(&packet);
    return out;
}

// Mean absolute difference of two images' RGB channels, 0-255.
double meanDifference(const QImage &a, const QImage &b)
{
    const QImage x = a.convertToFormat(QImage::Format_RGB888), y = b.convertToFormat(QImage::Format_RGB888);
    double sum = 0;
    for (int row = 0; row < x.height(); ++row)
        for (int i = 0; i < x.width() * 3; ++i)
            sum += std::abs(int(x.constScanLine(row)[i]) - int(y.constScanLine(row)[i]));
    return sum / (double(x.width()) * x.height() * 3);
}

// A test picture that moves with `n`: a colour gradient and a square sliding across it.
QImage movingPicture(int width, int height, int n)
{
    QImage image(width, height, QImage::Format_RGBA8888);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixel(x, y, qRgb(x * 255 / width, y * 255 / height, 128));
    QPainter painter(&image);
    painter.fillRect(QRect(n * 20 % width, height / 3, height / 3, height / 3), Qt::white);
    return image;
}

QStringList filesIn(const QString &dir) { return QDir(dir).entryList(QDir::Files | QDir::Hidden); }

} // namespace

class TestAnimation : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::shared_ptr<const xmw::data::Dataset> demo_;

    AnimationSpec demoSpec(const QString &file) const
    {
        AnimationSpec spec;
        spec.layer.dataset = demo_;
        spec.layer.variable = QStringLiteral("CH4_emission");
        spec.layerTitle = QStringLiteral("CH4_emission");
        spec.from = {2016, 1, 1};
        spec.to = {2016, 1, 8};
        spec.surface = makeBasemap(720);
        spec.path = dir_.filePath(file);
        spec.video = {320, 180, 5, *videoFormatForPath(file.toStdString())};
        return spec;
    }

private Q_SLOTS:
    void initTestCase()
    {
        xmw::Feedback quiet;
        xmw::data::DemoOptions options;
        options.resolution = 4.0;
        options.firstYear = options.lastYear = 2016;
        const QString folder = dir_.filePath(QStringLiteral("demo"));
        xmw::data::makeDemoDataset(folder.toStdString(), options, quiet);
        demo_ = std::make_shared<const xmw::data::Dataset>(xmw::data::Dataset::open(folder.toStdString()));
    }

    void theFileNameChoosesTheFormat()
    {
        QCOMPARE(videoFormatForPath("a/b.MP4"), VideoFormat::Mp4);
        QCOMPARE(videoFormatForPath("b.webm"), VideoFormat::WebM);
        QCOMPARE(videoFormatForPath("b.gif"), VideoFormat::Gif);
        QVERIFY(!videoFormatForPath("b.avi"));
        QVERIFY(!videoFormatForPath("mp4"));
    }

    void aDecoderReadsBackWhatWasWritten_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("mp4") << QStringLiteral("moving.mp4");
        QTest::newRow("webm") << QStringLiteral("moving.webm");
        QTest::newRow("gif") << QStringLiteral("moving.gif");
    }
    void aDecoderReadsBackWhatWasWritten()
    {
        QFETCH(QString, file);
        const QString path = dir_.filePath(file);
        const VideoSettings settings{320, 180, 10, *videoFormatForPath(file.toStdString())};
        std::vector<QImage> written;
        {
            VideoWriter writer(path.toStdString(), settings);
            for (int n = 0; n < 12; ++n) {
                written.push_back(movingPicture(320, 180, n));
                writer.addFrame(written.back().constBits(), int(written.back().bytesPerLine()));
                QVERIFY(!QFile::exists(path)); // only finish() gives the file its name
            }
            writer.finish();
            QCOMPARE(writer.framesWritten(), 12);
        }
        const Decoded decoded = decode(path);
        QVERIFY2(decoded.error.isEmpty(), qPrintable(decoded.error));
        QCOMPARE(decoded.size, QSize(320, 180));
        QCOMPARE(int(decoded.frames.size()), 12);
        QVERIFY(meanDifference(decoded.frames.front(), decoded.frames.back()) > 2.0);
        // Close to what went in: lossy, but not another picture.
        for (int n : {0, 11})
            QVERIFY2(meanDifference(decoded.frames[std::size_t(n)], written[std::size_t(n)]) < 8.0,
                     qPrintable(QString::number(meanDifference(decoded.frames[std::size_t(n)], written[std::size_t(n)]))));
        QVERIFY(!filesIn(dir_.path()).join(QLatin1Char(' ')).contains(QStringLiteral(".part")));
    }

    void anUnfinishedOrFailedVideoLeavesNoFile()
    {
        QTemporaryDir here;
        {
            VideoWriter writer(here.filePath(QStringLiteral("cut.mp4")).toStdString(), {64, 64, 10, VideoFormat::Mp4});
            const QImage frame = movingPicture(64, 64, 1);
            writer.addFrame(frame.constBits(), int(frame.bytesPerLine()));
            QCOMPARE(filesIn(here.path()).size(), 1); // the partial file, under another name
        } // destroyed without finish(): a failure or cancel on the way
        QCOMPARE(filesIn(here.path()), QStringList());

        const QString nowhere = here.filePath(QStringLiteral("no/such/folder/a.mp4"));
        try {
            VideoWriter writer(nowhere.toStdString(), {64, 64, 10, VideoFormat::Mp4});
            QFAIL("a video in a missing folder");
        } catch (const std::runtime_error &error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(nowhere), error.what());
        }
        try {
            VideoWriter writer(here.filePath(QStringLiteral("odd.mp4")).toStdString(), {65, 64, 10, VideoFormat::Mp4});
            QFAIL("an odd width for 4:2:0");
        } catch (const std::runtime_error &error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(QStringLiteral("even")), error.what());
        }
        QCOMPARE(filesIn(here.path()), QStringList());
    }

    void theGifPaletteKeepsEveryStepOfAColourRamp()
    {
        // A picture that is nearly all one colour, with a 200-step ramp along one edge: the ramp
        // is few pixels but each of its steps must stay apart from its neighbours' far ends.
        QImage image(400, 300, QImage::Format_RGBA8888);
        image.fill(QColor(10, 20, 30));
        for (int x = 0; x < 200; ++x)
            for (int y = 0; y < 4; ++y)
                image.setPixel(x, y, qRgb(x, 255 - x, (x * 7) % 256));
        const GifPalette palette(image.constBits(), image.width(), image.height(), int(image.bytesPerLine()));
        const QRgb background = palette.colours()[palette.indexOf(10, 20, 30)];
        QVERIFY(std::abs(qRed(background) - 10) <= 4 && std::abs(qGreen(background) - 20) <= 4 && std::abs(qBlue(background) - 30) <= 4);
        int distinct = 0;
        for (int x = 1; x < 200; ++x)
            distinct += palette.indexOf(std::uint8_t(x), std::uint8_t(255 - x), std::uint8_t((x * 7) % 256)) !=
                palette.indexOf(std::uint8_t(x - 1), std::uint8_t(256 - x), std::uint8_t(((x - 1) * 7) % 256));
        QVERIFY2(distinct > 150, qPrintable(QString::number(distinct)));
        for (const QRgb c : palette.colours())
            QCOMPARE(qAlpha(c), 255); // an opaque palette: no pixel of the GIF turns transparent
    }

    void theSoftwareGlobeShowsWhatTheCameraSees()
    {
        // A surface whose every pixel says where it is: red is longitude, green latitude.
        QImage surface(360, 180, QImage::Format_RGB32);
        for (int y = 0; y < 180; ++y)
            for (int x = 0; x < 360; ++x)
                surface.setPixel(x, y, qRgb(x * 255 / 359, y * 255 / 179, 200));
        GlobeCamera camera;
        camera.setViewport(400, 300);
        camera.setCenter({30.0, -60.0});
        camera.setDistance(3.0);
        const QImage globe = rasterGlobe(surface, camera);
        QCOMPARE(globe.size(), QSize(400, 300));
        // The corners are sky, the centre the camera's centre, lit head-on (no shading).
        QCOMPARE(globe.pixel(0, 0), globe.pixel(399, 0));
        QVERIFY(qBlue(globe.pixel(0, 0)) < 100);
        for (const QPoint pixel : {QPoint(200, 150), QPoint(260, 110), QPoint(150, 200)}) {
            const auto where = camera.pick({pixel.x() + 0.5, pixel.y() + 0.5});
            QVERIFY(where);
            const QRgb expected = surface.pixel(std::clamp(int((where->lon + 180.0) / 360.0 * 360), 0, 359),
                                                std::clamp(int((90.0 - where->lat) / 180.0 * 180), 0, 179));
            const QRgb seen = globe.pixel(pixel);
            // Shading darkens by at most 30 %, and evenly: compare the channels' ratios.
            QVERIFY(qBlue(seen) >= 140 && qBlue(seen) <= 200);
            const double shade = qBlue(seen) / 200.0;
            QVERIFY2(std::abs(qRed(seen) - qRed(expected) * shade) <= 3 && std::abs(qGreen(seen) - qGreen(expected) * shade) <= 3,
                     qPrintable(QStringLiteral("%1,%2").arg(pixel.x()).arg(pixel.y())));
        }
        QCOMPARE(qBlue(globe.pixel(200, 150)), 200); // the centre faces the light
    }

    void framesDifferFromDayToDayOnOneColourRange()
    {
        xmw::Feedback quiet;
        AnimationSpec spec = demoSpec(QStringLiteral("unused.mp4"));
        const AnimationFrames frames(spec, quiet);
        QCOMPARE(frames.count(), 8);
        QVERIFY(frames.sharedScale());
        const QImage first = frames.frame(0), last = frames.frame(7);
        QCOMPARE(first.size(), QSize(320, 180));
        QVERIFY(meanDifference(first, last) > 0.2);
        // Each frame its own range: the range follows the day.
        spec.sameRangeOnEveryFrame = false;
        const AnimationFrames own(spec, quiet);
        QVERIFY(!own.sharedScale());
    }

    void theDatesFollowTheStep()
    {
        QCOMPARE(frameDates({2016, 1, 30}, {2016, 2, 2}, AnimationStep::Day).size(), std::size_t(4));
        const auto months = frameDates({2015, 11, 15}, {2016, 2, 1}, AnimationStep::Month);
        QCOMPARE(months.size(), std::size_t(4));
        QCOMPARE(months[1].month, 12);
        QCOMPARE(months[2].year, 2016);
        QCOMPARE(frameDates({2010, 6, 1}, {2012, 1, 1}, AnimationStep::Year).size(), std::size_t(3));
    }

    void exportsTheDemoAsEachViewAndFormat_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("view");
        QTest::addColumn<int>("step");
        QTest::addColumn<int>("frames");
        QTest::newRow("flat gif, days") << QStringLiteral("flat.gif") << int(AnimationView::FlatMap) << int(AnimationStep::Day) << 8;
        QTest::newRow("turning mp4, days") << QStringLiteral("turning.mp4") << int(AnimationView::TurningGlobe) << int(AnimationStep::Day)
                                           << 8;
        QTest::newRow("globe webm, months") << QStringLiteral("months.webm") << int(AnimationView::Globe) << int(AnimationStep::Month)
                                            << 12;
    }
    void exportsTheDemoAsEachViewAndFormat()
    {
        QFETCH(QString, file);
        QFETCH(int, view);
        QFETCH(int, step);
        QFETCH(int, frames);
        AnimationSpec spec = demoSpec(file);
        spec.view = AnimationView(view);
        spec.step = AnimationStep(step);
        if (spec.step == AnimationStep::Month)
            spec.to = {2016, 12, 31};
        spec.title = QStringLiteral("Wetland methane");
        double lastProgress = 0;
        xmw::Feedback feedback([&](double fraction, const std::string &) { lastProgress = fraction; });
        const AnimationOutcome outcome = exportAnimation(spec, feedback);
        QCOMPARE(outcome.frames, frames);
        QCOMPARE(lastProgress, 1.0);
        const Decoded decoded = decode(spec.path);
        QVERIFY2(decoded.error.isEmpty(), qPrintable(decoded.error));
        QCOMPARE(int(decoded.frames.size()), frames);
        QCOMPARE(decoded.size, QSize(320, 180));
        QVERIFY(meanDifference(decoded.frames.front(), decoded.frames.back()) > 0.2);
    }

    void refusesWhatCannotBeAnimated()
    {
        xmw::Feedback quiet;
        AnimationSpec spec = demoSpec(QStringLiteral("refused.mp4"));
        spec.to = {2017, 1, 5}; // the demo has 2016 only
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, AnimationFrames(spec, quiet));
        spec = demoSpec(QStringLiteral("refused.mp4"));
        spec.layer.variable = QStringLiteral("NPP");
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, AnimationFrames(spec, quiet)); // monthly, by day
        spec.step = AnimationStep::Month;
        QCOMPARE(AnimationFrames(spec, quiet).count(), 1);
        spec = demoSpec(QStringLiteral("refused.mp4"));
        std::swap(spec.from, spec.to);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, AnimationFrames(spec, quiet));
        QVERIFY(!QFile::exists(spec.path));
    }

    void aCanceledExportLeavesNoFile()
    {
        QTemporaryDir here;
        AnimationSpec spec = demoSpec(QStringLiteral("x.mp4"));
        spec.path = here.filePath(QStringLiteral("canceled.mp4"));
        // The cancel comes while frames are being written, as the status bar's Cancel would.
        xmw::Feedback *self = nullptr;
        xmw::Feedback feedback([&](double fraction, const std::string &) {
            if (fraction > 0.3)
                self->cancel();
        });
        self = &feedback;
        QVERIFY_THROWS_EXCEPTION(xmw::Canceled, (void)exportAnimation(spec, feedback));
        QCOMPARE(filesIn(here.path()), QStringList());
    }
};

QTEST_MAIN(TestAnimation)
#include "test_animation.moc"
