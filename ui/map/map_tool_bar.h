#pragma once

#include "core/data/period_mean.h"

#include <QDate>
#include <QToolBar>

#include <optional>

class QComboBox;
class QDateEdit;
class QSlider;
class QSpinBox;

namespace xmw::ui {

class LayerBox;

// The map's "what and when": the layer, the day (calendar and a slider over the whole record),
// whether the day or its month's or year's mean is shown, and the playback speed. The window
// decides which days exist; this bar keeps its controls in step and says what was chosen.
class MapToolBar : public QToolBar {
    Q_OBJECT

public:
    explicit MapToolBar(QWidget *parent = nullptr);

    [[nodiscard]] LayerBox *layers() const { return layers_; }
    [[nodiscard]] QDate date() const;
    [[nodiscard]] QDate firstDate() const;
    [[nodiscard]] QDate lastDate() const;
    [[nodiscard]] data::Period period() const;
    [[nodiscard]] int daysPerSecond() const;
    // The play action goes between the period and the speed (the Map menu holds it too).
    void setPlayAction(QAction *play);

    // Sets the day; dateChanged follows unless it is the day shown.
    void setDate(QDate date);
    // The days the layer covers, keeping the day shown (or the same day of another year, moved
    // into the range); no signal: the caller asks for the map it wants.
    void setDateRange(QDate first, QDate last, std::optional<QDate> date = std::nullopt);
    // Moves the day by days or months, clamped to the range.
    void step(int days, int months);
    // One step of playback, by the period shown; wraps at the end, so a class can leave it running.
    void advance();

Q_SIGNALS:
    void dateChanged(QDate date);
    void periodChanged(data::Period period);
    void speedChanged(int daysPerSecond);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    LayerBox *layers_;
    QDateEdit *dateEdit_;
    // The record's days. The box itself takes any day, so that a year can be typed digit by digit
    // (QDateEdit refuses "2", "20", "201" as years below its minimum), and a day outside the
    // record is moved into it when it is entered.
    QDate first_ = QDate(2000, 1, 1), last_ = QDate(2000, 1, 1);
    QSlider *dateSlider_; // the whole range, one step a day
    QComboBox *periodBox_;
    QSpinBox *speedBox_;
    QAction *speedAction_ = nullptr;
};

} // namespace xmw::ui
