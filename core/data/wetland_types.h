#pragma once

#include <array>
#include <string_view>

// The names of the benchmark's wetland-type codes, written once for the command line (English) and
// the explorer (translated: lupdate reads this header as a source of xmw_ui, by the macro below).
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, text) text
#define XMW_WETLAND_TYPES_NOOP
#endif

namespace xmw::data::wetland_types {

// The files carry the codes only; the names come from KGML-CH4/wetland_methane_ML's preprocessing
// (../shared/sites/README.md), which states 1-4; 5 is inferred (the one tower with it is the
// Okavango floodplain, and it matches the fifth wetland group of Matthews & Fung 1987).
inline constexpr std::array<const char *, 5> kNames = {
    QT_TRANSLATE_NOOP("xmw::ui::WetlandType", "Forested bog"),
    QT_TRANSLATE_NOOP("xmw::ui::WetlandType", "Unforested bog"),
    QT_TRANSLATE_NOOP("xmw::ui::WetlandType", "Forested swamp"),
    QT_TRANSLATE_NOOP("xmw::ui::WetlandType", "Unforested swamp"),
    QT_TRANSLATE_NOOP("xmw::ui::WetlandType", "Alluvial formation (floodplain)"),
};

// The English name of a code, or empty for a code no source names.
[[nodiscard]] inline std::string_view name(int code)
{
    return code >= 1 && code <= int(kNames.size()) ? kNames[std::size_t(code - 1)] : "";
}
[[nodiscard]] inline bool isInferred(int code) { return code == 5; }

} // namespace xmw::data::wetland_types

#ifdef XMW_WETLAND_TYPES_NOOP
#undef QT_TRANSLATE_NOOP
#undef XMW_WETLAND_TYPES_NOOP
#endif
