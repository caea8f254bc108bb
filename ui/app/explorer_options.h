#pragma once

#include <QDate>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace xmw::ui {

// --animate and the options that go with it: write a video of the map and exit.
struct AnimationRequest {
    QDate from, to; // first and last day
    QString step = QStringLiteral("day"); // day, month or year
    QString path; // --out: .mp4, .webm or .gif
    int framesPerSecond = 10;
    QSize size{1280, 720};
    QString view = QStringLiteral("globe"); // globe, turning or flat
    QString title;
    bool eachFrameItsOwnRange = false;
};

// What the explorer was asked to do on its command line.
struct ExplorerOptions {
    QString datasetPath; // open this dataset folder (or CF file) at start
    QString variable; // with the dataset: the map's variable
    QDate date; // with the dataset: the map's day
    QStringList sites; // with the dataset: the towers to select
    QStringList runs; // with the dataset: run files of its runs/ folder to select
    int upscaleYear = 0; // with one run: upscale it over this year and show the prediction
    bool difference = false; // with upscaleYear: show the prediction minus TEM-MDM
    QString screenshotPath; // render the window into this PNG and exit
    QSize windowSize; // invalid: the default size
    QString language; // empty: follow the system locale
    bool flat = false; // start with the flat map instead of the globe
    bool tour = false; // start the guided tour once the map is shown (a class, a picture of it)
    QString fluxUnit; // "nmol" or "mg": the window's flux unit; empty: as last chosen
    QString panel; // a dock to bring to the front: time-series, training, runs, benchmark, sites
    std::optional<AnimationRequest> animation; // write this animation of the map and exit
};

struct ExplorerOptionsOutcome {
    std::optional<ExplorerOptions> options; // empty: print `message` and exit with `exitCode`
    QString message;
    int exitCode = 0;
};

// Parses the explorer's arguments (arguments[0] is the program). --help and --version, and every
// error, come back as a message rather than ending the process, so that the caller decides.
[[nodiscard]] ExplorerOptionsOutcome parseExplorerOptions(const QStringList &arguments);

} // namespace xmw::ui
