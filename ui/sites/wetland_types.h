#pragma once

#include <QString>

#include <map>

namespace xmw::ui {

// The names of the benchmark's wetland-type codes (1-5). The files carry the codes only; the names
// come from KGML-CH4/wetland_methane_ML's preprocessing (../shared/sites/README.md), which states
// 1-4; 5 is inferred (the one tower with it is the Okavango floodplain). Empty for other codes.
[[nodiscard]] QString wetlandTypeName(int code);
[[nodiscard]] bool wetlandTypeNameIsInferred(int code);
// "2 Unforested bog", "5 Alluvial formation (floodplain)?" (inferred), or the bare code.
[[nodiscard]] QString wetlandTypeLabel(int code);
// Where the name comes from, for a tooltip.
[[nodiscard]] QString wetlandTypeSource(int code);
// Every named code with its name ("…?" where inferred), for a class legend.
[[nodiscard]] std::map<int, QString> wetlandTypeNames();

} // namespace xmw::ui
