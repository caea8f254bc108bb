#include "ui/map/map_tool_bar.h"

#include "ui/map/layer_box.h"

#include <QComboBox>
#include <QDateEdit>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>

#include <algorithm>

namespace xmw::ui {

MapToolBar::MapToolBar(QWidget *parent)
    : QToolBar(tr("Map"), parent)
    , layers_(new LayerBox(this))
    , dateEdit_(new QDateEdit(this))
    , dateSlider_(new QSlider(Qt::Horizontal, this))
    , periodBox_(new QComboBox(this))
    , speedBox_(new QSpinBox(this))
{
    setObjectName(QStringLiteral("mapBar"));
    layers_->setObjectName(QStringLiteral("variableBox"));
    dateEdit_->setObjectName(QStringLiteral("dateEdit"));
    dateEdit_->setCalendarPopup(true);
    dateEdit_->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    dateEdit_->setKeyboardTracking(false); // a typed day is taken when it is entered
    dateEdit_->setDateRange(QDate(1000, 1, 1), QDate(9999, 12, 31));
    dateEdit_->installEventFilter(this);
    dateEdit_->setToolTip(tr("The day shown (static fields do not change with it; NPP is monthly)"));
    addWidget(new QLabel(tr("Variable "), this));
    addWidget(layers_);
    addSeparator();
    dateSlider_->setObjectName(QStringLiteral("dateSlider"));
    dateSlider_->setMinimumWidth(180);
    dateSlider_->setToolTip(tr("Drag through the whole record; the calendar beside it picks a day"));
    addWidget(new QLabel(tr("Date "), this));
    addWidget(dateSlider_);
    addWidget(dateEdit_);
    periodBox_->setObjectName(QStringLiteral("periodBox"));
    periodBox_->addItem(tr("day"), int(data::Period::Day));
    periodBox_->addItem(tr("monthly mean"), int(data::Period::Month));
    periodBox_->addItem(tr("annual mean"), int(data::Period::Year));
    periodBox_->setToolTip(tr("Show the day, or the mean of its month or calendar year (Play then steps by month or year)"));
    periodBox_->setCurrentIndex(std::max(0, periodBox_->findData(QSettings().value(QStringLiteral("map/period"), 0).toInt())));
    addWidget(periodBox_);
    speedBox_->setObjectName(QStringLiteral("speedBox"));
    speedBox_->setRange(1, 30);
    speedBox_->setValue(5);
    speedBox_->setSuffix(tr(" days/s"));
    speedBox_->setToolTip(tr("Playback speed"));
    speedAction_ = addWidget(speedBox_);
    setEnabled(false); // until a dataset with grids is open

    connect(speedBox_, &QSpinBox::valueChanged, this, &MapToolBar::speedChanged);
    // Slider and calendar show the same day; the slider counts days from the range's first.
    connect(dateEdit_, &QDateEdit::dateChanged, this, [this](QDate date) {
        if (date < first_ || date > last_) {
            dateEdit_->setDate(std::clamp(date, first_, last_)); // comes back here
            return;
        }
        const QSignalBlocker block(dateSlider_);
        dateSlider_->setValue(int(first_.daysTo(date)));
        Q_EMIT dateChanged(date);
    });
    connect(dateSlider_, &QSlider::valueChanged, this, [this](int day) { dateEdit_->setDate(first_.addDays(day)); });
    connect(periodBox_, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(QStringLiteral("map/period"), periodBox_->currentData());
        Q_EMIT periodChanged(period());
    });
}

// So that a day can be typed as it is written, 2016-03-05. With all of its text selected (Ctrl+A,
// or a tab into it), QDateEdit takes no digit, as the selection spans sections: typing then starts
// at the year. And it moves on by itself once a section is full, so the '-' typed after "2016"
// would skip the month: a separator right at a section's start is dropped.
bool MapToolBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != dateEdit_ || event->type() != QEvent::KeyPress)
        return QToolBar::eventFilter(watched, event);
    const QLineEdit *line = dateEdit_->findChild<QLineEdit *>();
    if (!line)
        return false;
    const QString typed = static_cast<QKeyEvent *>(event)->text();
    if (typed.size() != 1)
        return false;
    if (typed.front().isDigit() && line->hasSelectedText() && line->selectedText() == line->text())
        dateEdit_->setSelectedSection(QDateTimeEdit::YearSection);
    const int at = line->hasSelectedText() ? line->selectionStart() : line->cursorPosition();
    const bool separator = typed == QStringLiteral("-") || typed == QStringLiteral("/") || typed == QStringLiteral(".");
    return separator && at > 0 && at <= line->text().size() && !line->text().at(at - 1).isDigit();
}

QDate MapToolBar::date() const { return dateEdit_->date(); }

QDate MapToolBar::firstDate() const { return first_; }

QDate MapToolBar::lastDate() const { return last_; }

data::Period MapToolBar::period() const { return data::Period(periodBox_->currentData().toInt()); }

int MapToolBar::daysPerSecond() const { return speedBox_->value(); }

void MapToolBar::setPlayAction(QAction *play) { insertAction(speedAction_, play); }

void MapToolBar::setDate(QDate date) { dateEdit_->setDate(date); }

void MapToolBar::setDateRange(QDate first, QDate last, std::optional<QDate> wanted)
{
    QDate date = wanted.value_or(dateEdit_->date());
    if (date < first || date > last) { // the same day of the year, in the range
        const int year = std::clamp(date.year(), first.year(), last.year());
        date = QDate(year, date.month(), std::min(date.day(), QDate(year, date.month(), 1).daysInMonth()));
    }
    const QSignalBlocker blockDates(dateEdit_), blockSlider(dateSlider_);
    first_ = first;
    last_ = last;
    dateEdit_->setDate(date);
    dateSlider_->setRange(0, int(first.daysTo(last)));
    dateSlider_->setPageStep(30);
    dateSlider_->setValue(int(first.daysTo(date)));
}

void MapToolBar::step(int days, int months)
{
    if (isEnabled())
        dateEdit_->setDate(std::clamp(dateEdit_->date().addMonths(months).addDays(days), first_, last_));
}

void MapToolBar::advance()
{
    const QDate day = dateEdit_->date();
    const QDate next = period() == data::Period::Year ? day.addYears(1)
        : period() == data::Period::Month             ? day.addMonths(1)
                                                      : day.addDays(1);
    dateEdit_->setDate(day >= lastDate() || next > lastDate() ? firstDate() : next);
}

} // namespace xmw::ui
