#include "ui/sites/tower_markers.h"

#include "core/data/site_catalog.h"
#include "ui/app/flux_unit_choice.h"
#include "ui/coordinates.h"
#include "ui/map/colour_scale.h"
#include "ui/sites/wetland_types.h"

#include <cmath>

namespace xmw::ui {

QColor TowerMarkers::wetlandColour(std::optional<int> type)
{
    return type && *type >= 1 && *type <= 5 ? QColor(ColourScale::classColour(*type)) : QColor(0xBB, 0xBB, 0xBB);
}

std::vector<GlobeMarker> TowerMarkers::of(const data::SiteCatalog &sites, const FluxUnitChoice &unit)
{
    std::vector<GlobeMarker> markers;
    for (const auto &site : sites.sites()) {
        const auto &info = site.info;
        const auto years = site.series.years();
        const double mean = site.series.measuredMean();
        QString tooltip = QStringLiteral("<b>%1</b> %2<br>%3<br>")
                              .arg(QString::fromStdString(info.id).toHtmlEscaped(), QString::fromStdString(info.name).toHtmlEscaped(),
                                   formatLatLon(info.lat, info.lon));
        tooltip += (site.series.measuredFallsBack() ? tr("%1–%2, %3 days, FCH4_F on %4 (the file has no FCH4 column)")
                                                    : tr("%1–%2, %3 days, FCH4 measured on %4"))
                       .arg(years.front())
                       .arg(years.back())
                       .arg(site.series.dates.size())
                       .arg(site.series.measuredDays());
        tooltip += QStringLiteral("<br>") +
            (info.wetlandType ? tr("wetland type %1").arg(wetlandTypeLabel(*info.wetlandType)) : tr("no wetland type"));
        if (info.climateType)
            tooltip += tr(", climate type %1").arg(*info.climateType);
        if (std::isfinite(mean))
            tooltip += QStringLiteral("<br>") + tr("mean FCH4 %1 %2").arg(unit.fromNmol(mean), 0, 'f', 1).arg(unit.symbol());
        markers.push_back({QString::fromStdString(info.id), {info.lat, info.lon}, wetlandColour(info.wetlandType), tooltip});
    }
    return markers;
}

QString TowerMarkers::legend(bool names)
{
    QString text = tr("Towers by wetland type:");
    for (int type = 1; type <= 5; ++type)
        text += QStringLiteral(" <span style='color:%1'>●</span> %2")
                    .arg(wetlandColour(type).name(), names ? wetlandTypeLabel(type).toHtmlEscaped() : QString::number(type));
    text += QStringLiteral(" <span style='color:%1'>●</span> %2").arg(wetlandColour(std::nullopt).name(), tr("none"));
    return text;
}

} // namespace xmw::ui
