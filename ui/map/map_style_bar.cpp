#include "ui/map/map_style_bar.h"

#include "core/data/grid_dataset.h"
#include "ui/app/flux_unit_choice.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSettings>
#include <QSignalBlocker>
#include <QStandardItemModel>

namespace xmw::ui {

namespace {
const QString kDifference = QStringLiteral("prediction-difference");
}

MapStyleBar::MapStyleBar(QWidget *parent)
    : QToolBar(tr("Colours"), parent)
    , paletteBox_(new QComboBox(this))
    , rangeBox_(new QComboBox(this))
    , rangeLow_(new QDoubleSpinBox(this))
    , rangeHigh_(new QDoubleSpinBox(this))
    , logAction_(new QAction(tr("&Log Scale"), this))
{
    setObjectName(QStringLiteral("colourToolBar"));
    paletteBox_->setObjectName(QStringLiteral("paletteBox"));
    for (const Palette p : {Palette::Viridis, Palette::Magma, Palette::Cividis, Palette::Diverging, Palette::Categorical})
        paletteBox_->addItem(paletteName(p), int(p));
    // "classes" is shown for class fields only; it is not a choice for quantities.
    if (auto *model = qobject_cast<QStandardItemModel *>(paletteBox_->model()))
        model->item(paletteBox_->findData(int(Palette::Categorical)))->setEnabled(false);
    paletteBox_->setToolTip(tr("Colour map: viridis, magma and cividis are perceptually uniform (cividis also for "
                               "red-green colour blindness); the diverging map is centred on zero, for anomalies"));
    rangeBox_->setObjectName(QStringLiteral("rangeBox"));
    rangeBox_->addItem(tr("2–98 percentile"), int(RangeMode::Percentile));
    rangeBox_->addItem(tr("minimum–maximum"), int(RangeMode::MinMax));
    rangeBox_->addItem(tr("fixed"), int(RangeMode::Fixed));
    rangeBox_->setToolTip(tr("Colour range: from each day's field (percentiles ignore a few extreme cells), "
                             "or fixed, so that colours mean the same on every day"));
    const auto makeBound = [](QDoubleSpinBox *box, const char *name, const QString &tip) {
        box->setObjectName(QLatin1String(name));
        box->setRange(-1e9, 1e9);
        box->setDecimals(3);
        box->setKeyboardTracking(false);
        box->setToolTip(tip);
    };
    makeBound(rangeLow_, "rangeLow", tr("The value at the bottom of the colour ramp"));
    makeBound(rangeHigh_, "rangeHigh", tr("The value at the top of the colour ramp"));
    logAction_->setObjectName(QStringLiteral("actionLogScale"));
    logAction_->setCheckable(true);
    logAction_->setStatusTip(tr("Colours on a logarithmic scale (sequential colour maps): emission spans orders of magnitude"));

    addWidget(new QLabel(tr("Colours "), this));
    addWidget(paletteBox_);
    addWidget(rangeBox_);
    rangeLowAction_ = addWidget(rangeLow_);
    rangeHighAction_ = addWidget(rangeHigh_);
    addAction(logAction_);

    const auto changed = [this] {
        updateControls();
        save();
        Q_EMIT styleChanged();
    };
    connect(paletteBox_, &QComboBox::currentIndexChanged, this, changed);
    connect(rangeBox_, &QComboBox::currentIndexChanged, this, [this, changed] {
        // A fixed range starts from the one on screen, which the user then adjusts.
        if (range() == RangeMode::Fixed && shownRange_) {
            const QSignalBlocker blockLow(rangeLow_), blockHigh(rangeHigh_);
            rangeLow_->setValue(shownRange_->first);
            rangeHigh_->setValue(shownRange_->second);
        }
        changed();
    });
    connect(rangeLow_, &QDoubleSpinBox::valueChanged, this, changed);
    connect(rangeHigh_, &QDoubleSpinBox::valueChanged, this, changed);
    connect(logAction_, &QAction::toggled, this, changed);
    updateControls();
}

bool MapStyleBar::isCategorical() const { return data::layout::isCategorical(key_.toStdString()); }

RangeMode MapStyleBar::range() const { return RangeMode(rangeBox_->currentData().toInt()); }

bool MapStyleBar::isLogAsked() const { return logAction_->isChecked(); }

void MapStyleBar::setShownRange(double low, double high) { shownRange_ = std::pair(low, high); }

void MapStyleBar::showLayer(const QString &key, std::optional<data::units::Flux> layerUnit, data::units::Flux shownIn)
{
    key_ = key;
    layerUnit_ = layerUnit;
    shownIn_ = shownIn;
    shownRange_.reset();
    QSettings settings;
    settings.beginGroup(QStringLiteral("mapStyle/") + key);
    Palette palette = Palette(settings.value(QStringLiteral("palette"), int(Palette::Viridis)).toInt());
    if (isCategorical())
        palette = Palette::Categorical;
    else if (key == kDifference)
        palette = Palette::Diverging;
    else if (palette == Palette::Categorical)
        palette = Palette::Viridis;
    const QSignalBlocker blockPalette(paletteBox_), blockRange(rangeBox_), blockLow(rangeLow_), blockHigh(rangeHigh_), blockLog(logAction_);
    paletteBox_->setCurrentIndex(std::max(0, paletteBox_->findData(int(palette))));
    rangeBox_->setCurrentIndex(
        std::max(0, rangeBox_->findData(settings.value(QStringLiteral("range"), int(RangeMode::Percentile)).toInt())));
    double low = settings.value(QStringLiteral("fixedLow"), 0.0).toDouble();
    double high = settings.value(QStringLiteral("fixedHigh"), 100.0).toDouble();
    if (layerUnit) {
        // A fixed range of a flux is kept with its unit, and shown in the window's.
        const auto stored = FluxUnitChoice::fromKey(settings.value(QStringLiteral("fixedUnit")).toString()).value_or(*layerUnit);
        low = data::units::convert(low, stored, shownIn);
        high = data::units::convert(high, stored, shownIn);
    }
    rangeLow_->setValue(low);
    rangeHigh_->setValue(high);
    logAction_->setChecked(settings.value(QStringLiteral("log"), false).toBool());
    updateControls();
}

void MapStyleBar::save() const
{
    if (key_.isEmpty() || isCategorical())
        return; // classes have one style
    QSettings settings;
    settings.beginGroup(QStringLiteral("mapStyle/") + key_);
    if (key_ != kDifference) // always diverging
        settings.setValue(QStringLiteral("palette"), paletteBox_->currentData());
    settings.setValue(QStringLiteral("range"), rangeBox_->currentData());
    settings.setValue(QStringLiteral("fixedLow"), rangeLow_->value());
    settings.setValue(QStringLiteral("fixedHigh"), rangeHigh_->value());
    if (layerUnit_)
        settings.setValue(QStringLiteral("fixedUnit"), FluxUnitChoice::key(shownIn_));
    settings.setValue(QStringLiteral("log"), logAction_->isChecked());
}

void MapStyleBar::updateControls()
{
    const bool categorical = isCategorical();
    const auto palette = Palette(paletteBox_->currentData().toInt());
    paletteBox_->setEnabled(!categorical && key_ != kDifference);
    rangeBox_->setEnabled(!categorical);
    const bool fixed = !categorical && range() == RangeMode::Fixed;
    rangeLowAction_->setVisible(fixed);
    rangeHighAction_->setVisible(fixed);
    logAction_->setEnabled(!categorical && palette != Palette::Diverging);
}

MapStyle MapStyleBar::style() const
{
    MapStyle style;
    style.palette = isCategorical() ? Palette::Categorical : Palette(paletteBox_->currentData().toInt());
    style.range = range();
    style.fixedLow = rangeLow_->value();
    style.fixedHigh = rangeHigh_->value();
    style.logarithmic = logAction_->isChecked() && style.palette != Palette::Diverging && style.palette != Palette::Categorical;
    style.fluxUnit = shownIn_;
    return style;
}

} // namespace xmw::ui
