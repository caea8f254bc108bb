#include "ui/animation/animation_dialog.h"

#include "ui/data/qt_dates.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>

namespace xmw::ui {

QList<QSize> AnimationDialog::sizes() { return {{1280, 720}, {1920, 1080}, {854, 480}, {640, 360}, {1080, 1080}}; }

AnimationDialog::AnimationDialog(const AnimationSpec &start, QDate first, QDate last, QWidget *parent)
    : QDialog(parent)
    , start_(start)
{
    setWindowTitle(tr("Export Animation"));
    setObjectName(QStringLiteral("animationDialog"));
    QSettings settings;
    auto *form = new QFormLayout;

    auto *layer = new QLabel(start.layerTitle);
    layer->setObjectName(QStringLiteral("animationLayer"));
    layer->setToolTip(tr("The layer on the map, in its colours; choose another on the map first"));
    form->addRow(tr("Layer:"), layer);

    from_ = new QDateEdit(toQDate(start.from));
    to_ = new QDateEdit(toQDate(start.to));
    for (QDateEdit *edit : {from_, to_}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setCalendarPopup(true);
        edit->setDateRange(first, last);
    }
    from_->setObjectName(QStringLiteral("animationFrom"));
    to_->setObjectName(QStringLiteral("animationTo"));
    auto *period = new QHBoxLayout;
    period->addWidget(from_);
    period->addWidget(new QLabel(tr("to")));
    period->addWidget(to_);
    step_ = new QComboBox;
    step_->setObjectName(QStringLiteral("animationStep"));
    step_->addItem(tr("a frame a day"), int(AnimationStep::Day));
    step_->addItem(tr("a frame a month (monthly means)"), int(AnimationStep::Month));
    step_->addItem(tr("a frame a year (annual means)"), int(AnimationStep::Year));
    step_->setCurrentIndex(std::max(0, step_->findData(settings.value(QStringLiteral("animation/step"), int(start.step)).toInt())));
    period->addWidget(step_);
    form->addRow(tr("Period:"), period);

    view_ = new QComboBox;
    view_->setObjectName(QStringLiteral("animationView"));
    view_->addItem(tr("Globe, as turned now"), int(AnimationView::Globe));
    view_->addItem(tr("Globe, turning slowly"), int(AnimationView::TurningGlobe));
    view_->addItem(tr("Flat map, the whole world"), int(AnimationView::FlatMap));
    // The flat map when the window shows it; else the globe as last chosen (still or turning).
    const int lastGlobe = settings.value(QStringLiteral("animation/globeView"), int(AnimationView::Globe)).toInt();
    view_->setCurrentIndex(view_->findData(start.view == AnimationView::FlatMap ? int(AnimationView::FlatMap) : lastGlobe));
    if (view_->currentIndex() < 0)
        view_->setCurrentIndex(0);
    form->addRow(tr("View:"), view_);

    size_ = new QComboBox;
    size_->setObjectName(QStringLiteral("animationSize"));
    for (const QSize &s : sizes())
        size_->addItem(tr("%1 × %2 pixels").arg(s.width()).arg(s.height()), s);
    size_->setCurrentIndex(std::max(0, size_->findData(settings.value(QStringLiteral("animation/size"), QSize(1280, 720)).toSize())));
    fps_ = new QSpinBox;
    fps_->setObjectName(QStringLiteral("animationFps"));
    fps_->setRange(1, 60);
    fps_->setSuffix(tr(" frames/s"));
    fps_->setValue(settings.value(QStringLiteral("animation/fps"), 10).toInt());
    auto *video = new QHBoxLayout;
    video->addWidget(size_, 1);
    video->addWidget(fps_);
    form->addRow(tr("Video:"), video);

    format_ = new QComboBox;
    format_->setObjectName(QStringLiteral("animationFormat"));
    format_->addItem(tr("MP4 (H.264): plays everywhere, slides included"), int(VideoFormat::Mp4));
    format_->addItem(tr("WebM (VP9): open format, for web pages"), int(VideoFormat::WebM));
    format_->addItem(tr("GIF: 256 colours, no player needed"), int(VideoFormat::Gif));
    format_->setCurrentIndex(std::max(0, format_->findData(settings.value(QStringLiteral("animation/format"), 0).toInt())));
    form->addRow(tr("Format:"), format_);

    title_ = new QLineEdit(start.title);
    title_->setObjectName(QStringLiteral("animationTitle"));
    title_->setPlaceholderText(tr("none (optional, top left)"));
    form->addRow(tr("Title:"), title_);

    sameRange_ = new QCheckBox(tr("One colour range for all frames"));
    sameRange_->setObjectName(QStringLiteral("animationSameRange"));
    sameRange_->setToolTip(tr("So that a colour means the same value on every frame; the range comes from a sample of the frames "
                              "(or the fixed range of the map's colours)"));
    sameRange_->setChecked(settings.value(QStringLiteral("animation/sameRange"), true).toBool());
    towers_ = new QCheckBox(tr("Towers"));
    towers_->setObjectName(QStringLiteral("animationTowers"));
    towers_->setChecked(settings.value(QStringLiteral("animation/towers"), true).toBool());
    towers_->setEnabled(!start.towers.empty());
    auto *options = new QHBoxLayout;
    options->addWidget(sameRange_);
    options->addWidget(towers_);
    options->addStretch();
    form->addRow(tr("Show:"), options);

    // The folder used last, else the videos folder where there is one, else home.
    QString folder = settings.value(QStringLiteral("animation/folder")).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    if (!QFileInfo(folder).isDir())
        folder = QDir::homePath();
    const QString name = start.layerTitle.section(QLatin1Char(','), 0, 0).simplified().replace(QLatin1Char(' '), QLatin1Char('_'));
    path_ = new QLineEdit(QDir(folder).filePath(QStringLiteral("%1_%2.mp4").arg(name).arg(start.from.year)));
    path_->setObjectName(QStringLiteral("animationPath"));
    auto *browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, &AnimationDialog::browse);
    auto *file = new QHBoxLayout;
    file->addWidget(path_, 1);
    file->addWidget(browse);
    form->addRow(tr("File:"), file);

    summary_ = new QLabel;
    summary_->setObjectName(QStringLiteral("animationSummary"));
    summary_->setWordWrap(true);
    form->addRow(summary_);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    fitSuffixToFormat();
    for (QDateEdit *edit : {from_, to_})
        connect(edit, &QDateEdit::dateChanged, this, &AnimationDialog::updateSummary);
    for (QComboBox *box : {step_, size_})
        connect(box, &QComboBox::currentIndexChanged, this, &AnimationDialog::updateSummary);
    connect(format_, &QComboBox::currentIndexChanged, this, &AnimationDialog::fitSuffixToFormat);
    connect(path_, &QLineEdit::textEdited, this, [this](const QString &text) {
        // A typed .gif means GIF: the file name and the format never disagree.
        if (const auto format = videoFormatForPath(text.toStdString())) {
            const QSignalBlocker quiet(format_);
            format_->setCurrentIndex(format_->findData(int(*format)));
            updateSummary();
        }
    });
    connect(fps_, &QSpinBox::valueChanged, this, &AnimationDialog::updateSummary);
    updateSummary();
}

void AnimationDialog::fitSuffixToFormat()
{
    const auto format = VideoFormat(format_->currentData().toInt());
    QString path = path_->text();
    const QFileInfo info(path);
    const QString wanted = QString::fromLatin1(fileSuffix(format));
    if (info.suffix().compare(wanted, Qt::CaseInsensitive) != 0) {
        const QString stem = info.suffix().isEmpty() ? path : path.left(path.size() - info.suffix().size() - 1);
        path_->setText(stem + QLatin1Char('.') + wanted);
    }
    updateSummary();
}

void AnimationDialog::browse()
{
    const auto format = VideoFormat(format_->currentData().toInt());
    const QString filter = format == VideoFormat::Mp4 ? tr("MP4 videos (*.mp4)")
        : format == VideoFormat::WebM                 ? tr("WebM videos (*.webm)")
                                                      : tr("GIF animations (*.gif)");
    QFileDialog dialog(this, tr("Export Animation"), path_->text(), filter);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QString::fromLatin1(fileSuffix(format)));
    if (dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty()) {
        path_->setText(dialog.selectedFiles().constFirst());
        Q_EMIT path_->textEdited(path_->text());
    }
}

void AnimationDialog::updateSummary()
{
    const auto frames = frameDates(fromQDate(from_->date()), fromQDate(to_->date()), AnimationStep(step_->currentData().toInt()));
    if (to_->date() < from_->date()) {
        summary_->setText(tr("The period ends before it starts."));
        return;
    }
    const double seconds = double(frames.size()) / fps_->value();
    QString text = tr("Frames: %1 · length: %2 s").arg(frames.size()).arg(QLocale().toString(seconds, 'f', 1));
    if (VideoFormat(format_->currentData().toInt()) == VideoFormat::Gif && size_->currentData().toSize().width() > 854)
        text += tr(" — a GIF this large is many megabytes; 640 × 360 suits one better");
    summary_->setText(text);
}

AnimationSpec AnimationDialog::spec() const
{
    AnimationSpec spec = start_;
    spec.from = fromQDate(from_->date());
    spec.to = fromQDate(to_->date());
    spec.step = AnimationStep(step_->currentData().toInt());
    spec.view = AnimationView(view_->currentData().toInt());
    const QSize size = size_->currentData().toSize();
    spec.video = {size.width(), size.height(), fps_->value(), VideoFormat(format_->currentData().toInt())};
    spec.title = title_->text().trimmed();
    spec.sameRangeOnEveryFrame = sameRange_->isChecked();
    if (!towers_->isChecked())
        spec.towers.clear();
    spec.path = path_->text().trimmed();
    return spec;
}

void AnimationDialog::saveChoices() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("animation/step"), step_->currentData());
    if (view_->currentData().toInt() != int(AnimationView::FlatMap))
        settings.setValue(QStringLiteral("animation/globeView"), view_->currentData());
    settings.setValue(QStringLiteral("animation/size"), size_->currentData());
    settings.setValue(QStringLiteral("animation/fps"), fps_->value());
    settings.setValue(QStringLiteral("animation/format"), format_->currentData());
    settings.setValue(QStringLiteral("animation/sameRange"), sameRange_->isChecked());
    settings.setValue(QStringLiteral("animation/towers"), towers_->isChecked());
    settings.setValue(QStringLiteral("animation/folder"), QFileInfo(path_->text()).absolutePath());
}

void AnimationDialog::accept()
{
    // What can be known now is said now, rather than after a minute of frames.
    const QString path = path_->text().trimmed();
    QString problem;
    if (to_->date() < from_->date())
        problem = tr("The period ends before it starts.");
    else if (path.isEmpty())
        problem = tr("Choose a file to write.");
    else if (!videoFormatForPath(path.toStdString()))
        problem = tr("The file name must end in .mp4, .webm or .gif.");
    else if (!QFileInfo(QFileInfo(path).absolutePath()).isDir())
        problem = tr("There is no folder %1.").arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath()));
    if (!problem.isEmpty()) {
        QMessageBox::warning(this, windowTitle(), problem);
        return;
    }
    if (QFileInfo::exists(path) &&
        QMessageBox::question(this, windowTitle(), tr("%1 exists. Replace it?").arg(QDir::toNativeSeparators(path))) != QMessageBox::Yes)
        return;
    saveChoices();
    QDialog::accept();
}

} // namespace xmw::ui
