#pragma once

#include "core/data/units.h"

#include <QObject>
#include <QString>

#include <optional>

class QActionGroup;
class QMenu;

namespace xmw::ui {

// The one methane-flux unit of the window. The towers report nmol CH4 m-2 s-1 and TEM-MDM writes
// mg CH4 m-2 d-1; showing each in its own unit put two numbers for the same cell side by side, so
// the map, its colour bar, the status bar, the plots, the tables and their exports all follow this
// choice. It is remembered between sessions.
class FluxUnitChoice : public QObject {
    Q_OBJECT

public:
    explicit FluxUnitChoice(QObject *parent = nullptr);

    [[nodiscard]] data::units::Flux unit() const { return unit_; }
    [[nodiscard]] QString symbol() const { return symbolOf(unit_); }
    [[nodiscard]] static QString symbolOf(data::units::Flux unit);
    // A value given in nmol m-2 s-1 (the engine's unit: metrics, predictions) in the chosen unit.
    [[nodiscard]] double fromNmol(double nmolPerSecond) const;
    void setUnit(data::units::Flux unit);
    // Adds the choice to a menu as two exclusive, checkable actions.
    void addTo(QMenu *menu);

    // The settings' spelling ("nmol", "mg") and back; empty for any other text.
    [[nodiscard]] static QString key(data::units::Flux unit);
    [[nodiscard]] static std::optional<data::units::Flux> fromKey(const QString &key);

Q_SIGNALS:
    void changed(xmw::data::units::Flux unit);

private:
    data::units::Flux unit_ = data::units::Flux::NmolPerSquareMetrePerSecond;
    QActionGroup *actions_ = nullptr;
};

} // namespace xmw::ui
