#pragma once

#include <QString>

namespace xmw::ui {

// "52.51° N, 13.40° E": hemisphere letters rather than signs, as maps print them.
[[nodiscard]] QString formatLatLon(double lat, double lon);

} // namespace xmw::ui
