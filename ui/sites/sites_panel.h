#pragma once

#include "core/data/units.h"
#include "ui/data/dataset_loader.h"

#include <QStringList>
#include <QWidget>

class QLineEdit;
class QTableView;

namespace xmw::ui {

class SiteFilterModel;
class SiteSelectionModel;
class SiteTableModel;

// The towers as a table: filter by id or name, sort by any column, select rows (kept in step with
// the globe), double-click to fly to a tower.
class SitesPanel : public QWidget {
    Q_OBJECT

public:
    explicit SitesPanel(QWidget *parent = nullptr);

    void setDataset(const DatasetPtr &dataset);
    void setFluxUnit(data::units::Flux unit);
    // Shows the selection and selects through it: rows picked here select those towers.
    void setSiteSelection(SiteSelectionModel *selection);
    // Mirrors a selection made elsewhere, without echoing it back.
    void setSelectedSites(const QStringList &ids);
    void focusFilter();

    [[nodiscard]] QTableView *view() const { return view_; }
    [[nodiscard]] SiteFilterModel *filterModel() const { return filter_; }

Q_SIGNALS:
    void selectionChanged(const QStringList &ids); // rows picked here
    void siteActivated(const QString &id);

protected:
    // Larger text (presentation mode) widens the columns again, so that no id is cut.
    void changeEvent(QEvent *event) override;

private:
    SiteTableModel *model_ = nullptr;
    SiteFilterModel *filter_ = nullptr;
    QLineEdit *filterEdit_ = nullptr;
    QTableView *view_ = nullptr;
    QStringList selected_; // the towers' selection, hidden rows included
    bool mirroring_ = false;
};

} // namespace xmw::ui
