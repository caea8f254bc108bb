#include "ui/sites/wetland_types.h"

#include <QCoreApplication>

#include <array>

namespace xmw::ui {

namespace {

constexpr std::array<const char *, 5> kNames = {
    QT_TRANSLATE_NOOP("xmw::ui::WetlandType", "Forested bog"),
    QT_TRANSLATE_NOOP("xmw::ui::WetlandType", "Unforested bog"),
    QT_TRANSLATE_NOOP("xmw::ui::WetlandType", "Forested swamp"),
    QT_TRANSLATE_NOOP("xmw::ui::WetlandType", "Unforested swamp"),
    QT_TRANSLATE_NOOP("xmw::ui::WetlandType", "Alluvial formation (floodplain)"),
};

QString translated(const char *text) { return QCoreApplication::translate("xmw::ui::WetlandType", text); }

} // namespace

QString wetlandTypeName(int code)
{
    return code >= 1 && code <= int(kNames.size()) ? translated(kNames[std::size_t(code - 1)]) : QString();
}

bool wetlandTypeNameIsInferred(int code) { return code == 5; }

QString wetlandTypeLabel(int code)
{
    const QString name = wetlandTypeName(code);
    if (name.isEmpty())
        return QString::number(code);
    return QStringLiteral("%1 %2%3").arg(code).arg(name, wetlandTypeNameIsInferred(code) ? QStringLiteral("?") : QString());
}

QString wetlandTypeSource(int code)
{
    if (wetlandTypeName(code).isEmpty())
        return QCoreApplication::translate("xmw::ui::WetlandType", "No source names this code.");
    if (wetlandTypeNameIsInferred(code))
        return QCoreApplication::translate(
            "xmw::ui::WetlandType",
            "Inferred, not stated: only the Okavango floodplain tower (BW-Nxr) has this code, and it matches the fifth "
            "wetland group (alluvial formations) of Matthews & Fung (1987) that TEM's methane module uses.");
    return QCoreApplication::translate("xmw::ui::WetlandType",
                                       "As KGML-CH4/wetland_methane_ML's tower preprocessing names the benchmark's codes.");
}

} // namespace xmw::ui
