#include "ui/sites/site_selection_model.h"

namespace xmw::ui {

SiteSelectionModel::SiteSelectionModel(QObject *parent)
    : QObject(parent)
{}

void SiteSelectionModel::select(const QStringList &ids)
{
    selected_.clear();
    for (const QString &id : ids)
        if (!selected_.contains(id))
            selected_.append(id);
    Q_EMIT changed(selected_);
}

void SiteSelectionModel::click(const QString &id, bool add)
{
    QStringList ids = add ? selected_ : QStringList();
    if (add && ids.contains(id))
        ids.removeAll(id);
    else if (!ids.contains(id))
        ids.append(id);
    select(ids);
}

} // namespace xmw::ui
