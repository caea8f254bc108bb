#include "ui/sites/tower_legend.h"

#include "ui/sites/tower_markers.h"

#include <QEvent>
#include <QResizeEvent>
#include <QTextDocument>

#include <cmath>

namespace xmw::ui {

TowerLegend::TowerLegend(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("towerLegend"));
    setContentsMargins(12, 2, 12, 4);
    showLegend(true);
}

int TowerLegend::widthOf(const QString &richText) const
{
    QTextDocument document;
    document.setDefaultFont(font());
    document.setDocumentMargin(0);
    document.setHtml(richText);
    const QMargins m = contentsMargins();
    return int(std::ceil(document.idealWidth())) + m.left() + m.right() + 2;
}

QSize TowerLegend::minimumSizeHint() const { return {widthOf(TowerMarkers::legend(false)), QLabel::minimumSizeHint().height()}; }

QSize TowerLegend::sizeHint() const { return {widthOf(TowerMarkers::legend(true)), QLabel::sizeHint().height()}; }

void TowerLegend::showLegend(bool names)
{
    names_ = names;
    setText(TowerMarkers::legend(names));
    setToolTip(tr("The X-MethaneWet benchmark's wetland code of each tower; click a tower to select it, Ctrl+click to add it") +
               (names ? QString() : QStringLiteral("<br>") + TowerMarkers::legend(true)));
}

void TowerLegend::resizeEvent(QResizeEvent *event)
{
    const bool fits = event->size().width() >= widthOf(TowerMarkers::legend(true));
    if (fits != names_)
        showLegend(fits);
    QLabel::resizeEvent(event);
}

void TowerLegend::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        showLegend(width() >= widthOf(TowerMarkers::legend(true)));
    QLabel::changeEvent(event);
}

} // namespace xmw::ui
