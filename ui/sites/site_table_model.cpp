#include "ui/sites/site_table_model.h"

#include "core/data/dataset.h"
#include "ui/app/unit_text.h"
#include "ui/sites/wetland_types.h"

#include <cmath>

namespace xmw::ui {

SiteTableModel::SiteTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void SiteTableModel::setDataset(const DatasetPtr &dataset)
{
    beginResetModel();
    dataset_ = dataset && dataset->sites() ? dataset : nullptr;
    endResetModel();
}

int SiteTableModel::rowOf(const QString &id) const
{
    if (!dataset_)
        return -1;
    const auto &sites = dataset_->sites()->sites();
    for (std::size_t i = 0; i < sites.size(); ++i)
        if (QString::fromStdString(sites[i].info.id) == id)
            return int(i);
    return -1;
}

int SiteTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !dataset_ ? 0 : int(dataset_->sites()->sites().size());
}

int SiteTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SiteTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !dataset_)
        return {};
    const data::Site &site = dataset_->sites()->sites()[std::size_t(index.row())];
    const auto &info = site.info;
    if (role == IdRole)
        return QString::fromStdString(info.id);
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Latitude && index.column() != WetlandType && index.column() != ClimateType && index.column() != Years
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant();
    if (role == Qt::ToolTipRole && index.column() == WetlandType && info.wetlandType)
        return wetlandTypeSource(*info.wetlandType);
    if (role == Qt::ToolTipRole && (index.column() == MeasuredDays || index.column() == MeanFlux))
        return site.series.measuredFallsBack() ? tr("%1 has no FCH4 column: these come from FCH4_F, which is partly gap-filled")
                                                     .arg(QString::fromStdString(info.source.filename().string()))
                                               : tr("Days with FCH4, the tower's daily flux from its own half-hours (not gap-filled)");
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool display = role == Qt::DisplayRole;
    const auto years = site.series.years();
    switch (index.column()) {
    case Id: return QString::fromStdString(info.id);
    case Name: return QString::fromStdString(info.name);
    case Latitude: return display ? QVariant(QString::number(info.lat, 'f', 3)) : QVariant(info.lat);
    case Longitude: return display ? QVariant(QString::number(info.lon, 'f', 3)) : QVariant(info.lon);
    case WetlandType:
        if (!info.wetlandType)
            return display ? QVariant(tr("none")) : QVariant(-1);
        return display ? QVariant(wetlandTypeLabel(*info.wetlandType)) : QVariant(*info.wetlandType);
    case ClimateType:
        if (!info.climateType)
            return display ? QVariant(tr("none")) : QVariant(-1);
        return *info.climateType;
    case Years: return display ? QVariant(QStringLiteral("%1–%2").arg(years.front()).arg(years.back())) : QVariant(years.front());
    case Days: return int(site.series.dates.size());
    case MeasuredDays:
        // A star marks a count of FCH4_F days (the file has no FCH4): the tooltip says why.
        return display && site.series.measuredFallsBack() ? QVariant(QStringLiteral("%1 *").arg(site.series.measuredDays()))
                                                          : QVariant(site.series.measuredDays());
    case MeanFlux: {
        const double mean = data::units::convert(site.series.measuredMean(), data::units::Flux::NmolPerSquareMetrePerSecond, unit_);
        if (!std::isfinite(mean))
            return display ? QVariant() : QVariant(-1e300);
        return display ? QVariant(QString::number(mean, 'f', 2)) : QVariant(mean);
    }
    default: return {};
    }
}

void SiteTableModel::setFluxUnit(data::units::Flux unit)
{
    if (unit == unit_)
        return;
    unit_ = unit;
    Q_EMIT headerDataChanged(Qt::Horizontal, MeanFlux, MeanFlux);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, MeanFlux), index(rowCount() - 1, MeanFlux));
}

QVariant SiteTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id: return tr("Site");
    case Name: return tr("Name");
    case Latitude: return tr("Lat (°)");
    case Longitude: return tr("Lon (°)");
    case WetlandType: return tr("Wetland type");
    case ClimateType: return tr("Climate type");
    case Years: return tr("Years");
    case Days: return tr("Days");
    case MeasuredDays: return tr("FCH4 days");
    case MeanFlux: return tr("Mean FCH4 (%1)").arg(typesetUnit(QString::fromStdString(data::units::symbol(unit_))));
    default: return {};
    }
}

SiteFilterModel::SiteFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SiteTableModel::SortRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

namespace {

// Tower ids join country and site with '-' (FLUXNET), names use spaces; users type either, or '.'.
QString fold(const QString &text)
{
    QString folded = text.trimmed().toCaseFolded();
    for (QChar &c : folded)
        if (c == u'.' || c == u'_' || c == u' ')
            c = u'-';
    return folded;
}

} // namespace

void SiteFilterModel::setSearchText(const QString &text)
{
    const QString folded = fold(text);
    if (folded == text_)
        return;
    text_ = folded;
    invalidateFilter();
}

bool SiteFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (text_.isEmpty())
        return true;
    for (const int column : {SiteTableModel::Id, SiteTableModel::Name})
        if (fold(sourceModel()->index(sourceRow, column, sourceParent).data().toString()).contains(text_))
            return true;
    return false;
}

} // namespace xmw::ui
