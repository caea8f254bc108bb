#include "ui/sites/wetland_types.h"

#include "core/data/wetland_types.h"

#include <QCoreApplication>

namespace xmw::ui {

QString wetlandTypeName(int code)
{
    const std::string_view name = data::wetland_types::name(code);
    return name.empty() ? QString() : QCoreApplication::translate("xmw::ui::WetlandType", name.data());
}

bool wetlandTypeNameIsInferred(int code) { return data::wetland_types::isInferred(code); }

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

std::map<int, QString> wetlandTypeNames()
{
    std::map<int, QString> names;
    for (int code = 1; code <= int(data::wetland_types::kNames.size()); ++code)
        names[code] = wetlandTypeName(code) + (wetlandTypeNameIsInferred(code) ? QStringLiteral("?") : QString());
    return names;
}

} // namespace xmw::ui
