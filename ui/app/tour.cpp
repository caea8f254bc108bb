#include "ui/app/tour.h"

#include "ui/globe/flat_map_view.h"
#include "ui/globe/globe_view.h"
#include "ui/main_window.h"
#include "ui/map/map_tool_bar.h"

#include <QDockWidget>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>

namespace xmw::ui {

namespace {
const QString kSeenKey = QStringLiteral("tour/seen");
const QColor kPaper(0xFF, 0xFB, 0xE6);
const QColor kInk(0x5A, 0x4A, 0x00);
} // namespace

TourBubble::TourBubble(QWidget *window)
    : QWidget(window, Qt::Tool | Qt::FramelessWindowHint)
    , title_(new QLabel)
    , text_(new QLabel)
    , counter_(new QLabel)
    , back_(new QPushButton(tr("Back")))
    , next_(new QPushButton(tr("Next")))
    , skip_(new QPushButton(tr("Skip Tour")))
{
    setObjectName(QStringLiteral("tourBubble"));
    title_->setObjectName(QStringLiteral("tourTitle"));
    QFont bold = title_->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    title_->setFont(bold);
    text_->setObjectName(QStringLiteral("tourText"));
    text_->setWordWrap(true);
    text_->setTextFormat(Qt::PlainText);
    counter_->setObjectName(QStringLiteral("tourCounter"));
    back_->setObjectName(QStringLiteral("tourBack"));
    next_->setObjectName(QStringLiteral("tourNext"));
    skip_->setObjectName(QStringLiteral("tourSkip"));
    next_->setDefault(true);
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, kPaper);
    palette.setColor(QPalette::WindowText, Qt::black);
    setPalette(palette);
    setAutoFillBackground(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(counter_);
    buttons->addStretch(1);
    buttons->addWidget(skip_);
    buttons->addWidget(back_);
    buttons->addWidget(next_);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(text_, 1);
    layout->addLayout(buttons);
    const int width = fontMetrics().averageCharWidth() * 52; // a comfortable line, in any font size
    text_->setFixedWidth(width);
}

void TourBubble::setContent(const QString &title, const QString &text, int step, int steps)
{
    title_->setText(title);
    text_->setText(text);
    counter_->setText(tr("%1 of %2").arg(step + 1).arg(steps));
    back_->setEnabled(step > 0);
    next_->setText(step + 1 == steps ? tr("Finish") : tr("Next"));
}

void TourBubble::placeAt(std::optional<QPoint> anchor, const QRect &within)
{
    QVBoxLayout *box = static_cast<QVBoxLayout *>(layout());
    box->setContentsMargins(14, 12, 14, 12);
    hasArrow_ = anchor.has_value();
    const QSize body = box->sizeHint();
    const QRect screen =
        (anchor ? QGuiApplication::screenAt(*anchor) : nullptr) ? QGuiApplication::screenAt(*anchor)->availableGeometry() : within;
    QRect frame;
    if (!anchor) {
        frame = QRect(QPoint(0, 0), body);
        frame.moveCenter(within.center());
    } else {
        // Below the point where there is room for the bubble, else above it.
        arrowUp_ = anchor->y() + kArrow + body.height() <= screen.bottom();
        frame = QRect(QPoint(0, 0), QSize(body.width(), body.height() + kArrow));
        frame.moveLeft(anchor->x() - body.width() / 2);
        if (arrowUp_)
            frame.moveTop(anchor->y());
        else
            frame.moveBottom(anchor->y());
        frame.moveLeft(std::clamp(frame.left(), screen.left(), std::max(screen.left(), screen.right() - frame.width())));
    }
    setGeometry(frame);
    box->setContentsMargins(14, 12 + (hasArrow_ && arrowUp_ ? kArrow : 0), 14, 12 + (hasArrow_ && !arrowUp_ ? kArrow : 0));
    tip_ = anchor ? *anchor - frame.topLeft() : QPoint();
    // The shape: a rounded box, and an arrow from its edge to the point.
    QPainterPath path;
    const QRectF boxRect =
        QRectF(rect()).adjusted(0.5, (hasArrow_ && arrowUp_ ? kArrow : 0) + 0.5, -0.5, -(hasArrow_ && !arrowUp_ ? kArrow : 0) - 0.5);
    path.addRoundedRect(boxRect, 8, 8);
    if (hasArrow_) {
        const double x = std::clamp(double(tip_.x()), boxRect.left() + 16, boxRect.right() - 16);
        const double edge = arrowUp_ ? boxRect.top() + 1 : boxRect.bottom() - 1;
        QPainterPath arrow;
        arrow.moveTo(x - kArrow * 0.7, edge);
        arrow.lineTo(tip_);
        arrow.lineTo(x + kArrow * 0.7, edge);
        arrow.closeSubpath();
        path = path.united(arrow);
    }
    shape_ = QRegion(path.toFillPolygon().toPolygon());
    setMask(shape_);
    update();
}

void TourBubble::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Right: Q_EMIT nextKey(); break;
    case Qt::Key_Left: Q_EMIT backKey(); break;
    case Qt::Key_Escape: Q_EMIT escapeKey(); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void TourBubble::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRegion(shape_);
    painter.fillPath(path, kPaper);
    painter.setPen(QPen(kInk, 2));
    painter.drawPath(path.simplified());
}

Tour::Tour(MainWindow *window)
    : QObject(window)
    , window_(window)
{
    const auto dock = [window](const char *name) { return window->findChild<QDockWidget *>(QLatin1String(name)); };
    const auto mapPart = [window]() -> QWidget * {
        return window->isFlatMap() ? static_cast<QWidget *>(window->flatMap()) : static_cast<QWidget *>(window->globe());
    };
    const auto fixed = [](const QString &text) { return [text] { return text; }; };
    steps_ = {
        {tr("The globe"),
         [window] {
             // The open dataset's grid and years (the real record: 0.5°, 1979–2018; the demo's are coarser and fewer).
             QString extent = tr("for every cell of land and every day");
             if (window->dataset() && window->dataset()->grid() && !window->dataset()->grid()->years().empty()) {
                 const auto &grid = *window->dataset()->grid();
                 extent = tr("for every %1° cell of land and every day from %2 to %3")
                              .arg(QLocale().toString(std::abs(grid.grid().dLat), 'g', 3))
                              .arg(grid.years().front())
                              .arg(grid.years().back());
             }
             return tr("TEM-MDM, a process model, simulates wetland methane %1. The globe shows one day of it; the colour bar "
                       "below says what the colours mean. Drag to turn the globe, scroll to zoom, and choose another variable "
                       "(temperature, precipitation, …) at the top left.")
                 .arg(extent);
         },
         {},
         mapPart,
         {}},
        {tr("A tower"),
         fixed(tr("Each dot is a FLUXNET-CH4 eddy-covariance tower that measured the methane a wetland gives off, coloured by the "
                  "benchmark's wetland type. Click one to see its measurements; Ctrl+click adds more, and the Sites list finds a "
                  "tower by name.")),
         {},
         mapPart,
         [window]() -> std::optional<QPoint> {
             // A tower on the visible side of the globe, nearest its centre.
             if (window->isFlatMap())
                 return std::nullopt;
             GlobeView *globe = window->globe();
             const QPoint centre = globe->rect().center();
             std::optional<QPoint> best;
             for (const GlobeMarker &marker : globe->markers())
                 if (const auto at = globe->project(marker.position); at && globe->rect().contains(*at))
                     if (!best || (*at - centre).manhattanLength() < (*best - centre).manhattanLength())
                         best = at;
             return best ? std::optional(globe->mapToGlobal(*best)) : std::nullopt;
         }},
        {tr("The day"),
         fixed(tr("Choose the day shown, or the mean of its month or year. Play (Space) steps through the days, so the seasons "
                  "of methane go by; Ctrl+← and Ctrl+→ move a day at a time.")),
         {},
         [window]() -> QWidget * { return window->mapBar()->findChild<QWidget *>(QStringLiteral("dateEdit")); },
         {}},
        {tr("The time series"),
         fixed(tr("The towers you select appear here day by day: what they measured, the gap-filled record the benchmark "
                  "scores against, and TEM-MDM's value for their cell. Where the model and the measurements part is what "
                  "machine learning tries to close.")),
         [window] { window->showPanel(QStringLiteral("time-series")); },
         [dock] { return static_cast<QWidget *>(dock("timeSeriesDock")); },
         {}},
        {tr("Training"),
         fixed(tr("Train a model that predicts a tower's daily methane from a year of weather, soil and vegetation: from the "
                  "towers alone, or with help from the simulation (pretraining, fine-tuning, domain-adversarial training). "
                  "Runs then compares it with the towers, and Upscale to Map applies it to the whole world.")),
         [window] { window->showPanel(QStringLiteral("training")); },
         [dock] { return static_cast<QWidget *>(dock("trainingDock")); },
         {}},
    };
}

Tour::~Tour()
{
    if (bubble_)
        delete bubble_.data();
}

bool Tour::wasSeen() { return QSettings().value(kSeenKey, false).toBool(); }

void Tour::offer()
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Welcome"),
                                tr("Take a one-minute tour of the globe, the towers, the time series and training?"), QMessageBox::NoButton,
                                window_);
    box->setObjectName(QStringLiteral("tourOffer"));
    box->addButton(tr("Take the Tour"), QMessageBox::AcceptRole);
    box->addButton(tr("Not Now"), QMessageBox::RejectRole);
    box->setInformativeText(tr("Help ▸ Take the Tour starts it at any time."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box] {
        if (box->buttonRole(box->clickedButton()) == QMessageBox::AcceptRole)
            start();
        else
            QSettings().setValue(kSeenKey, true); // declined: not asked again
    });
    box->open();
}

bool Tour::isRunning() const { return bubble_ && bubble_->isVisible(); }

void Tour::start()
{
    // A new bubble each time: it takes the fonts of the moment (larger in presentation mode).
    if (bubble_) {
        bubble_->hide();
        bubble_->deleteLater();
    }
    bubble_ = new TourBubble(window_);
    connect(bubble_->nextButton(), &QPushButton::clicked, this, &Tour::next);
    connect(bubble_->backButton(), &QPushButton::clicked, this, &Tour::back);
    connect(bubble_->skipButton(), &QPushButton::clicked, this, &Tour::skip);
    connect(bubble_, &TourBubble::nextKey, this, &Tour::next);
    connect(bubble_, &TourBubble::backKey, this, &Tour::back);
    connect(bubble_, &TourBubble::escapeKey, this, &Tour::skip);
    window_->removeEventFilter(this);
    window_->installEventFilter(this);
    step_ = 0;
    showStep();
}

void Tour::next()
{
    if (step_ + 1 >= stepCount())
        end(true);
    else {
        ++step_;
        showStep();
    }
}

void Tour::back()
{
    if (step_ > 0) {
        --step_;
        showStep();
    }
}

void Tour::skip() { end(false); }

void Tour::end(bool completed)
{
    if (bubble_)
        bubble_->hide();
    step_ = -1;
    QSettings().setValue(kSeenKey, true);
    Q_EMIT ended(completed);
}

void Tour::showStep()
{
    const Step &step = steps_[std::size_t(step_)];
    if (step.prepare)
        step.prepare();
    bubble_->setContent(step.title, step.text(), step_, stepCount());
    place();
    bubble_->show();
    bubble_->raise();
    bubble_->activateWindow();
    bubble_->nextButton()->setFocus();
    // Docks brought to the front settle after this event: place the bubble again once they have.
    QTimer::singleShot(0, this, [this] {
        if (isRunning())
            place();
    });
    Q_EMIT stepShown(step_);
}

void Tour::place()
{
    const Step &step = steps_[std::size_t(step_)];
    QWidget *target = step.target ? step.target() : nullptr;
    const QRect window(window_->mapToGlobal(QPoint(0, 0)), window_->size());
    std::optional<QPoint> anchor = step.point ? step.point() : std::nullopt;
    if (!anchor && target && target->isVisible()) {
        const QRect area(target->mapToGlobal(QPoint(0, 0)), target->size());
        // The middle of a large part; the bottom edge's middle of a bar, so the bubble sits under it.
        anchor = area.height() < 80 ? QPoint(area.center().x() - area.width() / 4, area.bottom() - area.height() / 4) : area.center();
    }
    bubble_->placeAt(anchor, window);
}

bool Tour::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == window_ && isRunning()) {
        if (event->type() == QEvent::Move || event->type() == QEvent::Resize)
            place();
        else if (event->type() == QEvent::Hide || event->type() == QEvent::Close)
            bubble_->hide();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace xmw::ui
