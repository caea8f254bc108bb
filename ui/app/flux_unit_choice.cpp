#include "ui/app/flux_unit_choice.h"

#include "ui/app/unit_text.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QSettings>

namespace xmw::ui {

namespace {
const QString kSetting = QStringLiteral("view/fluxUnit");
}

FluxUnitChoice::FluxUnitChoice(QObject *parent)
    : QObject(parent)
    , actions_(new QActionGroup(this))
{
    // nmol m-2 s-1 by default: the unit of the towers, of the benchmark's metrics and of every
    // file the engine writes.
    unit_ = fromKey(QSettings().value(kSetting).toString()).value_or(data::units::Flux::NmolPerSquareMetrePerSecond);
    actions_->setExclusive(true);
    for (const auto unit : {data::units::Flux::NmolPerSquareMetrePerSecond, data::units::Flux::MgPerSquareMetrePerDay}) {
        auto *action = new QAction(symbolOf(unit), actions_);
        action->setObjectName(QStringLiteral("actionFluxUnit_") + key(unit));
        action->setCheckable(true);
        action->setChecked(unit == unit_);
        action->setData(int(unit));
        action->setStatusTip(tr("Show every methane flux of the window (map, colour bar, status bar, plots, tables, exports) in %1; "
                                "1 nmol CH4 m-2 s-1 = %2 mg CH4 m-2 d-1")
                                 .arg(symbolOf(unit))
                                 .arg(data::units::kMgPerDayPerNmolPerSecond, 0, 'f', 4));
    }
    connect(actions_, &QActionGroup::triggered, this, [this](QAction *action) { setUnit(data::units::Flux(action->data().toInt())); });
}

QString FluxUnitChoice::symbolOf(data::units::Flux unit) { return typesetUnit(QString::fromStdString(data::units::symbol(unit))); }

double FluxUnitChoice::fromNmol(double nmolPerSecond) const
{
    return data::units::convert(nmolPerSecond, data::units::Flux::NmolPerSquareMetrePerSecond, unit_);
}

void FluxUnitChoice::setUnit(data::units::Flux unit)
{
    for (QAction *action : actions_->actions())
        if (action->data().toInt() == int(unit))
            action->setChecked(true);
    if (unit == unit_)
        return;
    unit_ = unit;
    QSettings().setValue(kSetting, key(unit));
    Q_EMIT changed(unit);
}

void FluxUnitChoice::addTo(QMenu *menu) { menu->addActions(actions_->actions()); }

QString FluxUnitChoice::key(data::units::Flux unit)
{
    return unit == data::units::Flux::NmolPerSquareMetrePerSecond ? QStringLiteral("nmol") : QStringLiteral("mg");
}

std::optional<data::units::Flux> FluxUnitChoice::fromKey(const QString &text)
{
    if (text == QStringLiteral("nmol"))
        return data::units::Flux::NmolPerSquareMetrePerSecond;
    if (text == QStringLiteral("mg"))
        return data::units::Flux::MgPerSquareMetrePerDay;
    return std::nullopt;
}

} // namespace xmw::ui
