#pragma once

#include "core/data/csv_writer.h"

#include <QStringList>

namespace xmw::ui {

// One CSV row (without its line end), each field quoted as RFC 4180 wants, by the same rule as
// the command line's CSV (data::csvField).
[[nodiscard]] inline QString csvLine(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &field : fields)
        quoted << QString::fromStdString(data::csvField(field.toStdString()));
    return quoted.join(QLatin1Char(','));
}

} // namespace xmw::ui
