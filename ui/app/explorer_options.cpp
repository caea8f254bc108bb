#include "ui/app/explorer_options.h"

#include "core/nearest_name.h"
#include "core/version.h"
#include "ui/animation/video_writer.h"
#include "ui/app/translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

namespace xmw::ui {

namespace {

// --animate and the options that go only with it.
struct AnimationOptions {
    QCommandLineOption animate, step, out, fps, videoSize, view, title, ownRange;
};

AnimationOptions animationOptions()
{
    return {
        QCommandLineOption(QStringLiteral("animate"),
                           QCoreApplication::translate(
                               "ExplorerOptions",
                               "Write an animation of the map over this period (days, or YYYY-MM / YYYY for whole months or years) "
                               "to --out and exit."),
                           QStringLiteral("FROM:TO")),
        QCommandLineOption(QStringLiteral("step"),
                           QCoreApplication::translate("ExplorerOptions",
                                                       "With --animate: a frame a day, a month (monthly means) or a year "
                                                       "(annual means); default day."),
                           QStringLiteral("day|month|year")),
        QCommandLineOption(QStringLiteral("out"),
                           QCoreApplication::translate("ExplorerOptions", "With --animate: the video file (.mp4, .webm or .gif)."),
                           QCoreApplication::translate("ExplorerOptions", "file")),
        QCommandLineOption(QStringLiteral("fps"),
                           QCoreApplication::translate("ExplorerOptions", "With --animate: frames per second (1-60); default 10."),
                           QStringLiteral("N")),
        QCommandLineOption(QStringLiteral("video-size"),
                           QCoreApplication::translate("ExplorerOptions", "With --animate: the video's size; default 1280x720."),
                           QCoreApplication::translate("ExplorerOptions", "WxH")),
        QCommandLineOption(QStringLiteral("view"),
                           QCoreApplication::translate("ExplorerOptions",
                                                       "With --animate: the globe still, the globe turning, or the flat map; default globe "
                                                       "(flat with --flat)."),
                           QStringLiteral("globe|turning|flat")),
        QCommandLineOption(QStringLiteral("video-title"),
                           QCoreApplication::translate(
                               "ExplorerOptions", "With --animate: a title at the top left (not --title: Qt takes that for the window)."),
                           QCoreApplication::translate("ExplorerOptions", "text")),
        QCommandLineOption(QStringLiteral("each-frame-range"),
                           QCoreApplication::translate(
                               "ExplorerOptions", "With --animate: each frame its own colour range (by default all frames share one)."))};
}

// Reads --animate and its options into `options`; the problem, or nothing.
QString readAnimation(const QCommandLineParser &parser, const AnimationOptions &o, ExplorerOptions &options)
{
    const bool animating = parser.isSet(o.animate);
    for (const QCommandLineOption *option : {&o.step, &o.out, &o.fps, &o.videoSize, &o.view, &o.title, &o.ownRange})
        if (!animating && parser.isSet(*option))
            return QCoreApplication::translate("ExplorerOptions", "--%1 applies to --animate").arg(option->names().constFirst());
    if (!animating)
        return {};
    if (options.datasetPath.isEmpty())
        return QCoreApplication::translate("ExplorerOptions", "--animate needs a dataset folder to show, e.g. demo-data");
    if (!options.screenshotPath.isEmpty())
        return QCoreApplication::translate("ExplorerOptions", "--animate and --screenshot: one at a time");
    AnimationRequest animation;
    const QStringList ends = parser.value(o.animate).split(QLatin1Char(':'));
    // FROM and TO: a day, or a month or year meaning its first (FROM) or last (TO) day.
    const auto parseEnd = [](const QString &text, bool last) -> QDate {
        if (const QDate day = QDate::fromString(text, QStringLiteral("yyyy-MM-dd")); day.isValid())
            return day;
        if (const QDate month = QDate::fromString(text, QStringLiteral("yyyy-MM")); month.isValid())
            return last ? month.addMonths(1).addDays(-1) : month;
        if (const QDate year = QDate::fromString(text, QStringLiteral("yyyy")); year.isValid())
            return last ? QDate(year.year(), 12, 31) : year;
        return {};
    };
    if (ends.size() == 2) {
        animation.from = parseEnd(ends[0], false);
        animation.to = parseEnd(ends[1], true);
    }
    if (!animation.from.isValid() || !animation.to.isValid() || animation.to < animation.from)
        return QCoreApplication::translate("ExplorerOptions",
                                           "--animate expects FROM:TO, each YYYY-MM-DD, YYYY-MM or YYYY, FROM first; got '%1'")
            .arg(parser.value(o.animate));
    if (parser.isSet(o.step))
        animation.step = parser.value(o.step);
    if (!QStringList{QStringLiteral("day"), QStringLiteral("month"), QStringLiteral("year")}.contains(animation.step))
        return QCoreApplication::translate("ExplorerOptions", "--step expects day, month or year; got '%1'").arg(animation.step);
    animation.path = parser.value(o.out);
    if (animation.path.isEmpty() || !videoFormatForPath(animation.path.toStdString()))
        return QCoreApplication::translate("ExplorerOptions", "--animate needs --out FILE ending in .mp4, .webm or .gif");
    if (parser.isSet(o.fps)) {
        bool ok = false;
        animation.framesPerSecond = parser.value(o.fps).toInt(&ok);
        if (!ok || animation.framesPerSecond < 1 || animation.framesPerSecond > 60)
            return QCoreApplication::translate("ExplorerOptions", "--fps expects 1 to 60; got '%1'").arg(parser.value(o.fps));
    }
    if (parser.isSet(o.videoSize)) {
        static const QRegularExpression pattern(QStringLiteral("^(\\d{2,4})[xX](\\d{2,4})$"));
        const auto match = pattern.match(parser.value(o.videoSize));
        const QSize size = match.hasMatch() ? QSize(match.captured(1).toInt(), match.captured(2).toInt()) : QSize();
        if (!size.isValid() || size.width() % 2 || size.height() % 2 || size.width() < 16 || size.height() < 16)
            return QCoreApplication::translate("ExplorerOptions",
                                               "--video-size expects an even WIDTHxHEIGHT in pixels, e.g. 1280x720; got '%1'")
                .arg(parser.value(o.videoSize));
        animation.size = size;
    }
    animation.view = parser.isSet(o.view) ? parser.value(o.view) : options.flat ? QStringLiteral("flat") : QStringLiteral("globe");
    if (!QStringList{QStringLiteral("globe"), QStringLiteral("turning"), QStringLiteral("flat")}.contains(animation.view))
        return QCoreApplication::translate("ExplorerOptions", "--view expects globe, turning or flat; got '%1'").arg(animation.view);
    animation.title = parser.value(o.title);
    animation.eachFrameItsOwnRange = parser.isSet(o.ownRange);
    options.animation = animation;
    return {};
}

} // namespace

ExplorerOptionsOutcome parseExplorerOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "ExplorerOptions", "Explore wetland methane: TEM-MDM maps on a globe, FLUXNET-CH4 towers and learned models."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QCoreApplication::translate("ExplorerOptions", "Render the window into a PNG file and exit."),
                                              QCoreApplication::translate("ExplorerOptions", "file"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QCoreApplication::translate("ExplorerOptions", "Window size in pixels, e.g. 1280x800."),
                                        QCoreApplication::translate("ExplorerOptions", "WxH"));
    const QCommandLineOption languageOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("ExplorerOptions", "Interface language (en, de, zh_CN); default: the system's."),
        QCoreApplication::translate("ExplorerOptions", "code"));
    const QCommandLineOption variableOption(QStringLiteral("variable"),
                                            QCoreApplication::translate("ExplorerOptions", "The map's variable, e.g. TAIR."),
                                            QCoreApplication::translate("ExplorerOptions", "name"));
    const QCommandLineOption dateOption(QStringLiteral("date"), QCoreApplication::translate("ExplorerOptions", "The map's day."),
                                        QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption siteOption(QStringLiteral("site"),
                                        QCoreApplication::translate("ExplorerOptions", "Select these towers (IDs, comma-separated)."),
                                        QStringLiteral("ID"));
    const QCommandLineOption tourOption(QStringLiteral("tour"),
                                        QCoreApplication::translate("ExplorerOptions", "Start the guided tour once the map is shown."));
    const QCommandLineOption flatOption(
        QStringLiteral("flat"),
        QCoreApplication::translate("ExplorerOptions", "Show the flat (equirectangular) map instead of the globe."));
    const QCommandLineOption runOption(
        QStringLiteral("run"),
        QCoreApplication::translate("ExplorerOptions", "Select these runs of the dataset's runs/ folder (files, comma-separated)."),
        QCoreApplication::translate("ExplorerOptions", "file"));
    const QCommandLineOption upscaleOption(
        QStringLiteral("upscale"),
        QCoreApplication::translate("ExplorerOptions", "Upscale the one --run over this year and show its prediction map."),
        QCoreApplication::translate("ExplorerOptions", "year"));
    const QCommandLineOption differenceOption(
        QStringLiteral("difference"), QCoreApplication::translate("ExplorerOptions", "With --upscale: show the prediction minus TEM-MDM."));
    const QCommandLineOption unitOption(
        QStringLiteral("unit"),
        QCoreApplication::translate("ExplorerOptions", "Show methane fluxes in nmol (nmol CH4 m-2 s-1) or mg (mg CH4 m-2 d-1)."),
        QStringLiteral("nmol|mg"));
    const QCommandLineOption panelOption(
        QStringLiteral("panel"),
        QCoreApplication::translate("ExplorerOptions",
                                    "Bring this panel to the front: time-series, training, runs, benchmark, budget or sites."),
        QCoreApplication::translate("ExplorerOptions", "name"));
    const AnimationOptions o = animationOptions();
    const QList<QCommandLineOption> known{
        screenshotOption, sizeOption, languageOption, variableOption,   dateOption, siteOption,  flatOption,
        tourOption,       runOption,  upscaleOption,  differenceOption, unitOption, panelOption, o.animate,
        o.step,           o.out,      o.fps,          o.videoSize,      o.view,     o.title,     o.ownRange};
    parser.addOptions(known);
    parser.addPositionalArgument(QStringLiteral("dataset"),
                                 QCoreApplication::translate("ExplorerOptions", "A dataset folder in the X-MethaneWet layout to open."),
                                 QStringLiteral("[dataset]"));

    ExplorerOptionsOutcome outcome;
    if (!parser.parse(arguments)) {
        outcome.message = parser.errorText();
        // As xmw does: a mistyped option is answered with the one it probably meant.
        if (!parser.unknownOptionNames().isEmpty()) {
            std::vector<std::string> names;
            for (const QCommandLineOption &option : known + QList<QCommandLineOption>{helpOption, versionOption})
                for (const QString &name : option.names())
                    if (name.size() > 1)
                        names.push_back(name.toStdString());
            const std::string guess = nearest(parser.unknownOptionNames().first().toStdString(), names);
            if (!guess.empty())
                outcome.message += QStringLiteral(" ") +
                    QCoreApplication::translate("ExplorerOptions", "Did you mean --%1?").arg(QString::fromStdString(guess));
        }
        outcome.exitCode = 2;
        return outcome;
    }
    if (parser.isSet(helpOption)) {
        outcome.message = parser.helpText();
        return outcome;
    }
    if (parser.isSet(versionOption)) {
        outcome.message = QStringLiteral("xmw-explorer %1\n").arg(QString::fromLatin1(kVersion));
        return outcome;
    }
    if (parser.positionalArguments().size() > 1) {
        outcome.message = QCoreApplication::translate("ExplorerOptions", "Unexpected argument: %1").arg(parser.positionalArguments().at(1));
        outcome.exitCode = 2;
        return outcome;
    }

    ExplorerOptions options;
    options.datasetPath = parser.positionalArguments().value(0);
    options.variable = parser.value(variableOption);
    for (const QString &site : parser.values(siteOption))
        options.sites += site.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parser.isSet(dateOption)) {
        options.date = QDate::fromString(parser.value(dateOption), Qt::ISODate);
        if (!options.date.isValid()) {
            outcome.message =
                QCoreApplication::translate("ExplorerOptions", "--date expects YYYY-MM-DD; got '%1'").arg(parser.value(dateOption));
            outcome.exitCode = 2;
            return outcome;
        }
    }
    for (const QString &run : parser.values(runOption))
        options.runs += run.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parser.isSet(upscaleOption)) {
        bool ok = false;
        options.upscaleYear = parser.value(upscaleOption).toInt(&ok);
        if (!ok || options.runs.size() != 1) {
            outcome.message = QCoreApplication::translate("ExplorerOptions", "--upscale expects a year and exactly one --run");
            outcome.exitCode = 2;
            return outcome;
        }
    }
    options.difference = parser.isSet(differenceOption);
    if (options.difference && options.upscaleYear == 0) {
        outcome.message = QCoreApplication::translate("ExplorerOptions", "--difference applies to --upscale");
        outcome.exitCode = 2;
        return outcome;
    }
    if (options.datasetPath.isEmpty() &&
        (!options.variable.isEmpty() || options.date.isValid() || !options.sites.isEmpty() || !options.runs.isEmpty())) {
        outcome.message = QCoreApplication::translate("ExplorerOptions", "--variable, --date, --site and --run need a dataset to open");
        outcome.exitCode = 2;
        return outcome;
    }
    options.screenshotPath = parser.value(screenshotOption);
    if (!options.screenshotPath.isEmpty() && options.datasetPath.isEmpty()) {
        // Without one the picture would be an empty globe: nothing a script asked for.
        outcome.message = QCoreApplication::translate("ExplorerOptions", "--screenshot needs a dataset folder to show, e.g. demo-data");
        outcome.exitCode = 2;
        return outcome;
    }
    options.language = parser.value(languageOption);
    if (!options.language.isEmpty() && !isTranslated(options.language)) {
        outcome.message = QCoreApplication::translate("ExplorerOptions", "--lang: there is no translation for '%1' (available: %2)")
                              .arg(options.language, availableLanguages().join(QStringLiteral(", ")));
        outcome.exitCode = 2;
        return outcome;
    }
    options.flat = parser.isSet(flatOption);
    options.tour = parser.isSet(tourOption);
    options.panel = parser.value(panelOption);
    static const QStringList panels = {QStringLiteral("time-series"), QStringLiteral("training"), QStringLiteral("runs"),
                                       QStringLiteral("benchmark"),   QStringLiteral("budget"),   QStringLiteral("sites")};
    if (parser.isSet(panelOption) && !panels.contains(options.panel)) {
        outcome.message = QCoreApplication::translate("ExplorerOptions", "--panel expects one of %1; got '%2'")
                              .arg(panels.join(QStringLiteral(", ")), options.panel);
        outcome.exitCode = 2;
        return outcome;
    }
    options.fluxUnit = parser.value(unitOption);
    if (parser.isSet(unitOption) && options.fluxUnit != QStringLiteral("nmol") && options.fluxUnit != QStringLiteral("mg")) {
        outcome.message = QCoreApplication::translate("ExplorerOptions", "--unit expects nmol or mg; got '%1'").arg(options.fluxUnit);
        outcome.exitCode = 2;
        return outcome;
    }
    if (parser.isSet(sizeOption)) {
        static const QRegularExpression pattern(QStringLiteral("^(\\d{2,5})[xX](\\d{2,5})$"));
        const auto match = pattern.match(parser.value(sizeOption));
        if (!match.hasMatch()) {
            outcome.message =
                QCoreApplication::translate("ExplorerOptions", "--size expects WIDTHxHEIGHT in pixels, e.g. 1280x800; got '%1'")
                    .arg(parser.value(sizeOption));
            outcome.exitCode = 2;
            return outcome;
        }
        options.windowSize = QSize(match.captured(1).toInt(), match.captured(2).toInt());
    }
    if (const QString problem = readAnimation(parser, o, options); !problem.isEmpty()) {
        outcome.message = problem;
        outcome.exitCode = 2;
        return outcome;
    }
    outcome.options = options;
    return outcome;
}

} // namespace xmw::ui
