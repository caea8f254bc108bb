#include "ui/map/layer_box.h"

#include "ui/app/unit_text.h"

#include <QSignalBlocker>

#include <algorithm>

namespace xmw::ui {

namespace {
// Where a prediction item keeps its layer's index and whether it is the difference.
constexpr int kLayerRole = Qt::UserRole + 1;
constexpr int kDifferenceRole = Qt::UserRole + 2;
constexpr int kUnitsRole = Qt::UserRole + 3; // a variable's units as its file has them
} // namespace

LayerBox::LayerBox(QWidget *parent)
    : QComboBox(parent)
{
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setToolTip(tr("The TEM-MDM variable, or an upscaled run's prediction, shown on the map"));
}

bool LayerBox::setVariables(const data::GridDataset *dataset, const QString &wanted)
{
    const QSignalBlocker block(this);
    clear();
    predictions_.clear();
    if (dataset)
        for (const auto &v : dataset->variables()) {
            addItem(QString(), QString::fromStdString(v.name));
            setItemData(count() - 1, QString::fromStdString(v.units), kUnitsRole);
        }
    variableCount_ = count();
    labelVariables();
    const int found = findData(wanted.isEmpty() ? QStringLiteral("CH4_emission") : wanted);
    setCurrentIndex(count() > 0 ? std::max(0, found) : -1);
    return found >= 0 || wanted.isEmpty();
}

void LayerBox::setFluxUnit(data::units::Flux unit)
{
    unit_ = unit;
    labelVariables();
}

void LayerBox::labelVariables()
{
    for (int i = 0; i < variableCount_; ++i) {
        const QString name = itemData(i).toString();
        QString units = itemData(i, kUnitsRole).toString();
        if (data::units::parseFlux(units.toStdString()))
            units = QString::fromStdString(data::units::symbol(unit_));
        setItemText(i, units.isEmpty() ? name : tr("%1 (%2)").arg(name, typesetUnit(units)));
    }
}

QString LayerBox::currentVariable() const { return currentData(kLayerRole).isValid() ? QString() : currentData().toString(); }

PredictionLayerPtr LayerBox::currentPrediction(bool *difference) const
{
    const QVariant index = currentData(kLayerRole);
    if (!index.isValid() || index.toInt() < 0 || index.toInt() >= int(predictions_.size()))
        return nullptr;
    if (difference)
        *difference = currentData(kDifferenceRole).toBool();
    return predictions_[std::size_t(index.toInt())];
}

void LayerBox::addPrediction(const PredictionLayerPtr &layer)
{
    if (!layer || !layer->year)
        return;
    std::erase_if(predictions_,
                  [&](const PredictionLayerPtr &p) { return p->runPath == layer->runPath && p->year->year == layer->year->year; });
    predictions_.push_back(layer);
    if (predictions_.size() > kPredictionLimit)
        predictions_.erase(predictions_.begin());
    rebuildPredictionItems();
    const int prediction = count() - 2;
    if (currentIndex() == prediction) // the same place as the layer it replaced: a new layer all the same
        Q_EMIT currentIndexChanged(prediction);
    else
        setCurrentIndex(prediction);
}

void LayerBox::rebuildPredictionItems()
{
    bool shownDifference = false;
    const PredictionLayerPtr shown = currentPrediction(&shownDifference);
    int reselect = shown ? -1 : currentIndex();
    const QSignalBlocker block(this);
    while (count() > variableCount_)
        removeItem(count() - 1);
    if (!predictions_.empty())
        insertSeparator(count());
    for (std::size_t k = 0; k < predictions_.size(); ++k) {
        for (const bool difference : {false, true}) {
            addItem(difference ? tr("Prediction − TEM-MDM: %1").arg(predictions_[k]->title())
                               : tr("Prediction: %1").arg(predictions_[k]->title()));
            const int item = count() - 1;
            setItemData(item, int(k), kLayerRole);
            setItemData(item, difference, kDifferenceRole);
            setItemData(item,
                        difference ? tr("The run's daily CH4 minus TEM-MDM's, per cell, on a diverging scale")
                                   : tr("The run applied to every land cell of %1").arg(predictions_[k]->year->year),
                        Qt::ToolTipRole);
            if (predictions_[k] == shown && difference == shownDifference)
                reselect = item;
        }
    }
    setCurrentIndex(std::max(0, reselect));
}

} // namespace xmw::ui
