#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

namespace xmw::ui {

// The towers the user has selected, in the order they were picked: one list that the globe, the
// flat map, the Sites panel, the plots and the training form observe, and that a click on any of
// them changes. changed() follows every change, and every select() (a new dataset re-selects its
// empty list, so that the plots empty too).
class SiteSelectionModel : public QObject {
    Q_OBJECT

public:
    explicit SiteSelectionModel(QObject *parent = nullptr);

    [[nodiscard]] const QStringList &selected() const { return selected_; }
    [[nodiscard]] bool isEmpty() const { return selected_.isEmpty(); }

    void select(const QStringList &ids);
    // A click on a tower: it alone, or (`add`, Ctrl+click) added to the selection or, when it is in
    // it already, taken out again.
    void click(const QString &id, bool add);
    void clear() { select({}); }

Q_SIGNALS:
    void changed(const QStringList &ids);

private:
    QStringList selected_;
};

} // namespace xmw::ui
