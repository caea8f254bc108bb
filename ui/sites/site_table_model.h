#pragma once

#include "core/data/units.h"
#include "ui/data/dataset_loader.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace xmw::ui {

// The open dataset's towers, one row each. Sorting uses SortRole (numbers as numbers).
class SiteTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Id, Name, Latitude, Longitude, WetlandType, ClimateType, Years, Days, MeasuredDays, MeanFlux, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, IdRole };

    explicit SiteTableModel(QObject *parent = nullptr);

    void setDataset(const DatasetPtr &dataset);
    // The unit of the mean-flux column (the towers report nmol m-2 s-1).
    void setFluxUnit(data::units::Flux unit);
    [[nodiscard]] int rowOf(const QString &id) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    DatasetPtr dataset_;
    data::units::Flux unit_ = data::units::Flux::NmolPerSquareMetrePerSecond;
};

// Keeps the rows whose id or name contains the search text, as typed: case-insensitive, and with
// '-', '.', '_' and spaces alike, so that "us.los" and "US Los" find US-Los.
class SiteFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit SiteFilterModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    [[nodiscard]] const QString &searchText() const { return text_; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString text_; // folded (see fold in the .cpp)
};

} // namespace xmw::ui
