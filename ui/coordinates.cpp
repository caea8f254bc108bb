#include "ui/coordinates.h"

#include <QCoreApplication>

#include <cmath>

namespace xmw::ui {

QString formatLatLon(double lat, double lon)
{
    const QString north = QCoreApplication::translate("Coordinates", "N", "north");
    const QString south = QCoreApplication::translate("Coordinates", "S", "south");
    const QString east = QCoreApplication::translate("Coordinates", "E", "east");
    const QString west = QCoreApplication::translate("Coordinates", "W", "west");
    return QCoreApplication::translate("Coordinates", "%1° %2, %3° %4", "latitude, longitude")
        .arg(std::abs(lat), 0, 'f', 2)
        .arg(lat >= 0.0 ? north : south)
        .arg(std::abs(lon), 0, 'f', 2)
        .arg(lon >= 0.0 ? east : west);
}

} // namespace xmw::ui
