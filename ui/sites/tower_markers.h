#pragma once

#include "ui/globe/globe_view.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

#include <optional>
#include <vector>

namespace xmw::data {
class SiteCatalog;
}

namespace xmw::ui {

class FluxUnitChoice;

// The towers as both maps draw them: coloured by the benchmark's wetland code, with a tooltip
// that says where, when, and how much methane was measured; and the legend of those colours.
class TowerMarkers {
    Q_DECLARE_TR_FUNCTIONS(TowerMarkers)

public:
    // The colour of that class on the wetlandtype map; light grey where the benchmark gives none.
    [[nodiscard]] static QColor wetlandColour(std::optional<int> type);
    // One marker per tower; mean fluxes in the window's unit.
    [[nodiscard]] static std::vector<GlobeMarker> of(const data::SiteCatalog &sites, const FluxUnitChoice &unit);
    // "Towers by wetland type: ● 1 ● 2 …" as rich text.
    // `names`: each code with its wetland type's name; else the codes alone.
    [[nodiscard]] static QString legend(bool names = true);
};

} // namespace xmw::ui
