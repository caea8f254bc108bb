// xmw-explorer: the X-MethaneWet Explorer window.
#include "core/learn/runtime.h"
#include "core/version.h"
#include "ui/app/explorer_options.h"
#include "ui/app/flux_unit_choice.h"
#include "ui/app/screenshot.h"
#include "ui/app/scripted_animation.h"
#include "ui/app/tour.h"
#include "ui/app/translations.h"
#include "ui/globe/globe_view.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QIcon>
#include <QSettings>
#include <QSurfaceFormat>
#include <QTemporaryDir>

#include <csignal>
#include <cstdio>
#include <memory>

int main(int argc, char **argv)
{
    xmw::learn::prepareRuntime(); // before any thread: training and upscaling run on workers
    std::signal(SIGXFSZ, SIG_IGN); // a file-size limit fails a write (reported, cleaned up) instead of killing us
    QSurfaceFormat::setDefaultFormat(xmw::ui::GlobeView::surfaceFormat());
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("xmw-explorer"));
    QApplication::setApplicationDisplayName(QStringLiteral("X-MethaneWet Explorer"));
    QApplication::setApplicationVersion(QString::fromLatin1(xmw::kVersion));
    QApplication::setOrganizationName(QStringLiteral("X-MethaneWet"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/xmw-explorer.svg")));

    // The language decides how --help reads, so find it first, then parse for real.
    const auto early = xmw::ui::parseExplorerOptions(QApplication::arguments());
    xmw::ui::installTranslations(app, early.options ? early.options->language : QString());
    const auto outcome = xmw::ui::parseExplorerOptions(QApplication::arguments());
    if (!outcome.options) {
        std::fputs(qPrintable(outcome.message + QLatin1Char('\n')), outcome.exitCode == 0 ? stdout : stderr);
        return outcome.exitCode;
    }
    const xmw::ui::ExplorerOptions &options = *outcome.options;
    // A scripted picture is the same on every machine: it starts from the defaults, not from the
    // colours, layout and choices a user saved, and leaves those alone.
    QTemporaryDir scriptedSettings;
    const bool scripted = !options.screenshotPath.isEmpty() || options.animation;
    if (scripted)
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, scriptedSettings.path());

    xmw::ui::MainWindow window;
    if (options.windowSize.isValid())
        window.resize(options.windowSize);
    if (const auto unit = xmw::ui::FluxUnitChoice::fromKey(options.fluxUnit))
        window.fluxUnit()->setUnit(*unit);
    if (options.flat)
        window.setFlatMap(true);
    if (!options.panel.isEmpty())
        window.showPanel(options.panel);
    window.show();

    // The guided tour: started when asked for; offered on a first start (never in a scripted
    // picture). It waits for the first map, so that there are towers to point at.
    if (options.tour || (!scripted && !xmw::ui::Tour::wasSeen())) {
        auto once = std::make_shared<QMetaObject::Connection>();
        const bool asked = options.tour;
        *once = QObject::connect(&window, &xmw::ui::MainWindow::mapShown, &window, [&window, once, asked] {
            QObject::disconnect(*once);
            if (asked)
                window.tour()->start();
            else
                window.tour()->offer();
        });
    }

    if (!options.screenshotPath.isEmpty()) {
        const auto finish = [&](const QString &error) {
            if (error.isEmpty()) {
                std::printf("%s\n", qPrintable(options.screenshotPath));
                QApplication::exit(0);
            } else {
                std::fprintf(stderr, "xmw-explorer: %s\n", qPrintable(error));
                QApplication::exit(1);
            }
        };
        if (options.datasetPath.isEmpty())
            xmw::ui::saveScreenshotWhenReady(&window, options.screenshotPath, finish);
        else
            xmw::ui::saveScreenshotWhenMapShown(&window, options.screenshotPath, !options.sites.isEmpty(), finish,
                                                xmw::ui::awaitedMap(options.upscaleYear, options.difference));
    }
    if (options.animation) {
        const auto awaited = xmw::ui::awaitedMap(options.upscaleYear, options.difference);
        auto reported = std::make_shared<int>(-1);
        xmw::ui::exportAnimationWhenMapShown(
            &window, *options.animation, awaited,
            [reported](double fraction) {
                // A line each tenth: a log stays short, a terminal shows it moving.
                if (const int tenth = int(fraction * 10); fraction >= 0 && tenth > *reported) {
                    *reported = tenth;
                    std::fprintf(stderr, "xmw-explorer: animation %d %%\n", tenth * 10);
                }
            },
            [](const xmw::ui::AnimationOutcome &outcome, const QString &error) {
                if (!error.isEmpty()) {
                    std::fprintf(stderr, "xmw-explorer: %s\n", qPrintable(error));
                    QApplication::exit(1);
                    return;
                }
                std::fprintf(stderr, "xmw-explorer: %d frames in %.1f s (%.1f frames/s, %s)\n", outcome.frames, outcome.seconds,
                             outcome.framesPerSecond(), qPrintable(outcome.encoder));
                std::printf("%s\n", qPrintable(outcome.path));
                QApplication::exit(0);
            });
    }
    if (!options.datasetPath.isEmpty()) {
        xmw::ui::InitialView initial{options.variable, std::nullopt, options.sites, options.runs, options.upscaleYear, options.difference};
        if (options.date.isValid())
            initial.date = xmw::data::Date{options.date.year(), options.date.month(), options.date.day()};
        window.openDataset(options.datasetPath, initial);
    } else if (!scripted) {
        window.openStartupDataset(); // the last dataset, or the demo on first start
    }
    return QApplication::exec();
}
