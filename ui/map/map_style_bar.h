#pragma once

#include "core/data/units.h"
#include "ui/map/colour_scale.h"

#include <QToolBar>

#include <optional>

class QComboBox;
class QDoubleSpinBox;

namespace xmw::ui {

// How the map layer is coloured: the colour map, the range (percentiles, minimum–maximum or
// fixed, with its bounds) and the log scale. Each layer keeps its own style in the settings (a log
// scale chosen for CH4 is no style for TAIR); the controls show what the layer really uses and
// offer only what applies to it (classes have one style; a difference is always diverging).
class MapStyleBar : public QToolBar {
    Q_OBJECT

public:
    explicit MapStyleBar(QWidget *parent = nullptr);

    // The layer the controls are for (its settings key: a variable, "prediction" or
    // "prediction-difference") and the unit of its values when it is a methane flux; its stored
    // style is loaded, a fixed flux range converted into `shownIn`. No styleChanged().
    void showLayer(const QString &key, std::optional<data::units::Flux> layerUnit, data::units::Flux shownIn);
    [[nodiscard]] MapStyle style() const;
    [[nodiscard]] RangeMode range() const;
    [[nodiscard]] bool isLogAsked() const; // the log scale is checked (it may not apply)
    [[nodiscard]] QAction *logAction() const { return logAction_; }
    // The range of the field on screen: where a switch to a fixed range starts.
    void setShownRange(double low, double high);

Q_SIGNALS:
    void styleChanged();

private:
    void save() const;
    void updateControls();
    [[nodiscard]] bool isCategorical() const;

    QComboBox *paletteBox_;
    QComboBox *rangeBox_;
    QDoubleSpinBox *rangeLow_;
    QDoubleSpinBox *rangeHigh_;
    QAction *rangeLowAction_ = nullptr, *rangeHighAction_ = nullptr;
    QAction *logAction_;
    QString key_;
    std::optional<data::units::Flux> layerUnit_;
    data::units::Flux shownIn_ = data::units::Flux::NmolPerSquareMetrePerSecond;
    std::optional<std::pair<double, double>> shownRange_;
};

} // namespace xmw::ui
