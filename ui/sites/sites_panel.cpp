#include "ui/sites/sites_panel.h"

#include "ui/sites/site_selection_model.h"
#include "ui/sites/site_table_model.h"

#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace xmw::ui {

SitesPanel::SitesPanel(QWidget *parent)
    : QWidget(parent)
    , model_(new SiteTableModel(this))
    , filter_(new SiteFilterModel(this))
    , filterEdit_(new QLineEdit(this))
    , view_(new QTableView(this))
{
    setObjectName(QStringLiteral("sitesPanel"));
    filter_->setSourceModel(model_);
    filterEdit_->setObjectName(QStringLiteral("siteFilter"));
    filterEdit_->setPlaceholderText(tr("Find a site by id or name (Ctrl+F)"));
    filterEdit_->setToolTip(filterEdit_->placeholderText()); // readable where a narrow dock cuts it off
    filterEdit_->setClearButtonEnabled(true);
    view_->setObjectName(QStringLiteral("siteTable"));
    view_->setModel(filter_);
    view_->setSortingEnabled(true);
    view_->sortByColumn(SiteTableModel::Id, Qt::AscendingOrder);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(filterEdit_);
    layout->addWidget(view_, 1);

    // Filtering hides rows, and the view drops hidden rows from its selection: that must not reach
    // the towers' selection. The selected towers that stay visible are shown selected again.
    connect(filterEdit_, &QLineEdit::textChanged, this, [this](const QString &text) {
        mirroring_ = true;
        filter_->setSearchText(text);
        mirroring_ = false;
        setSelectedSites(selected_);
    });
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (mirroring_)
            return;
        QStringList ids;
        for (const QModelIndex &row : view_->selectionModel()->selectedRows())
            ids << row.data(SiteTableModel::IdRole).toString();
        selected_ = ids;
        Q_EMIT selectionChanged(ids);
    });
    connect(view_, &QTableView::doubleClicked, this,
            [this](const QModelIndex &index) { Q_EMIT siteActivated(index.data(SiteTableModel::IdRole).toString()); });
}

void SitesPanel::setDataset(const DatasetPtr &dataset)
{
    model_->setDataset(dataset);
    view_->resizeColumnsToContents();
}

void SitesPanel::setFluxUnit(data::units::Flux unit) { model_->setFluxUnit(unit); }

void SitesPanel::setSiteSelection(SiteSelectionModel *selection)
{
    connect(selection, &SiteSelectionModel::changed, this, &SitesPanel::setSelectedSites);
    connect(this, &SitesPanel::selectionChanged, selection, &SiteSelectionModel::select);
}

void SitesPanel::setSelectedSites(const QStringList &ids)
{
    selected_ = ids;
    mirroring_ = true;
    QItemSelection selection;
    for (const QString &id : ids) {
        const int row = model_->rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex index = filter_->mapFromSource(model_->index(row, 0));
        if (index.isValid())
            selection.select(index, index.siblingAtColumn(SiteTableModel::ColumnCount - 1));
    }
    view_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    mirroring_ = false;
}

void SitesPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        view_->resizeColumnsToContents();
}

void SitesPanel::focusFilter()
{
    filterEdit_->setFocus(Qt::ShortcutFocusReason);
    filterEdit_->selectAll();
}

} // namespace xmw::ui
