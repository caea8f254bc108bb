#pragma once

#include "core/data/grid_dataset.h"
#include "core/data/units.h"
#include "ui/map/prediction_layer.h"

#include <QComboBox>

#include <vector>

namespace xmw::ui {

// The map's layer list: the dataset's TEM-MDM variables, then each upscaled run twice, as its
// prediction and as the prediction minus TEM-MDM. A few upscaled years are kept (each holds every
// land cell's year twice); the same run and year again replaces its layers.
class LayerBox : public QComboBox {
    Q_OBJECT

public:
    static constexpr std::size_t kPredictionLimit = 4;

    explicit LayerBox(QWidget *parent = nullptr);

    // Lists `dataset`'s variables (none without one) and drops the predictions, which belong to
    // its grid; selects `wanted`, else CH4_emission, else the first. False when `wanted` is absent.
    bool setVariables(const data::GridDataset *dataset, const QString &wanted);
    // Flux variables are labelled with the unit they are shown in, not their file's.
    void setFluxUnit(data::units::Flux unit);
    // Adds the layers and selects the prediction (currentIndexChanged follows).
    void addPrediction(const PredictionLayerPtr &layer);

    // The selected TEM-MDM variable; empty when a prediction is selected.
    [[nodiscard]] QString currentVariable() const;
    // The selected prediction (nullptr for a variable); `difference`: minus TEM-MDM.
    [[nodiscard]] PredictionLayerPtr currentPrediction(bool *difference = nullptr) const;
    [[nodiscard]] const std::vector<PredictionLayerPtr> &predictions() const { return predictions_; }

private:
    void rebuildPredictionItems();
    void labelVariables();

    std::vector<PredictionLayerPtr> predictions_;
    int variableCount_ = 0;
    data::units::Flux unit_ = data::units::Flux::NmolPerSquareMetrePerSecond;
};

} // namespace xmw::ui
