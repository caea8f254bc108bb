#include "ui/app/figure_size.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>

#include <cmath>

namespace xmw::ui {

namespace {
constexpr double kMmPerInch = 25.4;
}

QSize FigureSize::pixels() const { return {int(std::lround(widthMm / kMmPerInch * dpi)), int(std::lround(heightMm / kMmPerInch * dpi))}; }

QSizeF FigureSize::points() const { return {widthMm / kMmPerInch * 72.0, heightMm / kMmPerInch * 72.0}; }

FigureSize FigureSize::load(const QString &kind, const FigureSize &fallback)
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("export/") + kind);
    FigureSize size;
    size.widthMm = std::clamp(settings.value(QStringLiteral("widthMm"), fallback.widthMm).toDouble(), 20.0, 1000.0);
    size.heightMm = std::clamp(settings.value(QStringLiteral("heightMm"), fallback.heightMm).toDouble(), 10.0, 1000.0);
    size.inches = settings.value(QStringLiteral("inches"), fallback.inches).toBool();
    size.dpi = std::clamp(settings.value(QStringLiteral("dpi"), fallback.dpi).toInt(), 72, 1200);
    size.fontPoints = std::clamp(settings.value(QStringLiteral("fontPoints"), fallback.fontPoints).toDouble(), 4.0, 36.0);
    return size;
}

void FigureSize::save(const QString &kind) const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("export/") + kind);
    settings.setValue(QStringLiteral("widthMm"), widthMm);
    settings.setValue(QStringLiteral("heightMm"), heightMm);
    settings.setValue(QStringLiteral("inches"), inches);
    settings.setValue(QStringLiteral("dpi"), dpi);
    settings.setValue(QStringLiteral("fontPoints"), fontPoints);
}

FigureSizeDialog::FigureSizeDialog(const FigureSize &initial, Shape shape, QWidget *parent)
    : QDialog(parent)
    , shape_(shape)
    , preset_(new QComboBox)
    , unit_(new QComboBox)
    , width_(new QDoubleSpinBox)
    , height_(new QDoubleSpinBox)
    , font_(new QDoubleSpinBox)
    , dpi_(new QSpinBox)
    , summary_(new QLabel)
{
    setWindowTitle(tr("Figure Size"));
    setObjectName(QStringLiteral("figureSizeDialog"));
    preset_->setObjectName(QStringLiteral("figurePreset"));
    unit_->setObjectName(QStringLiteral("figureUnit"));
    width_->setObjectName(QStringLiteral("figureWidth"));
    height_->setObjectName(QStringLiteral("figureHeight"));
    font_->setObjectName(QStringLiteral("figureFont"));
    dpi_->setObjectName(QStringLiteral("figureDpi"));
    summary_->setObjectName(QStringLiteral("figureSummary"));
    // Common journal widths (one column, one and a half, the page).
    preset_->addItem(tr("Custom"), 0.0);
    preset_->addItem(tr("One column (85 mm)"), 85.0);
    preset_->addItem(tr("One and a half columns (120 mm)"), 120.0);
    preset_->addItem(tr("Two columns (180 mm)"), 180.0);
    unit_->addItem(tr("mm"));
    unit_->addItem(tr("inches"));
    for (QDoubleSpinBox *length : {width_, height_})
        length->setKeyboardTracking(false);
    font_->setRange(4, 36);
    font_->setDecimals(1);
    font_->setSingleStep(0.5);
    font_->setSuffix(tr(" pt"));
    dpi_->setRange(72, 1200);
    dpi_->setSingleStep(50);
    dpi_->setSuffix(tr(" dpi"));
    dpi_->setToolTip(tr("Dots per inch of a PNG, and of the map image inside a PDF; text and lines of PDF and SVG are vectors"));

    inches_ = initial.inches;
    unit_->setCurrentIndex(inches_ ? 1 : 0);
    showLengths(inches_);
    const double factor = inches_ ? 1.0 / kMmPerInch : 1.0;
    width_->setValue(initial.widthMm * factor);
    height_->setValue(initial.heightMm * factor);
    height_->setEnabled(shape == Shape::Free);
    if (shape == Shape::Map)
        height_->setToolTip(tr("The world is twice as wide as it is high; the colour bar is added below"));
    font_->setValue(initial.fontPoints);
    dpi_->setValue(initial.dpi);
    const int preset = preset_->findData(std::round(initial.widthMm));
    preset_->setCurrentIndex(std::max(0, preset));

    connect(preset_, &QComboBox::currentIndexChanged, this, [this] {
        if (const double mm = preset_->currentData().toDouble(); mm > 0)
            width_->setValue(inches_ ? mm / kMmPerInch : mm);
    });
    connect(unit_, &QComboBox::currentIndexChanged, this, [this](int index) {
        const bool inches = index == 1;
        if (inches == inches_)
            return;
        const double factor = inches ? 1.0 / kMmPerInch : kMmPerInch;
        const double width = width_->value() * factor, height = height_->value() * factor;
        inches_ = inches;
        showLengths(inches);
        const QSignalBlocker blockW(width_), blockH(height_);
        width_->setValue(width);
        height_->setValue(height);
        updateSummary();
    });
    connect(width_, &QDoubleSpinBox::valueChanged, this, [this] {
        const double mm = inches_ ? width_->value() * kMmPerInch : width_->value();
        if (std::abs(preset_->currentData().toDouble() - mm) > 0.5) {
            const QSignalBlocker block(preset_);
            preset_->setCurrentIndex(std::max(0, preset_->findData(std::round(mm))));
        }
        updateSummary();
    });
    for (QDoubleSpinBox *box : {height_, font_})
        connect(box, &QDoubleSpinBox::valueChanged, this, &FigureSizeDialog::updateSummary);
    connect(dpi_, &QSpinBox::valueChanged, this, &FigureSizeDialog::updateSummary);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Width"), preset_);
    form->addRow(QString(), width_);
    form->addRow(tr("Height"), height_);
    form->addRow(tr("Unit"), unit_);
    form->addRow(tr("Text size"), font_);
    form->addRow(tr("Resolution"), dpi_);
    form->addRow(summary_);
    form->addRow(buttons);
    updateSummary();
}

void FigureSizeDialog::showLengths(bool inches)
{
    for (QDoubleSpinBox *length : {width_, height_}) {
        length->setDecimals(inches ? 2 : 1);
        length->setRange(inches ? 0.8 : 20, inches ? 39.0 : 1000);
        length->setSingleStep(inches ? 0.1 : 5);
        length->setSuffix(inches ? tr(" in") : tr(" mm"));
    }
}

FigureSize FigureSizeDialog::size() const
{
    FigureSize size;
    const double factor = inches_ ? kMmPerInch : 1.0;
    size.widthMm = width_->value() * factor;
    size.heightMm = shape_ == Shape::Map ? size.widthMm / 2 : height_->value() * factor;
    size.inches = inches_;
    size.dpi = dpi_->value();
    size.fontPoints = font_->value();
    return size;
}

void FigureSizeDialog::updateSummary()
{
    if (shape_ == Shape::Map) {
        const QSignalBlocker block(height_);
        height_->setValue(width_->value() / 2);
    }
    const QSize pixels = size().pixels();
    summary_->setText(tr("PNG: %1 × %2 pixels").arg(pixels.width()).arg(pixels.height()) +
                      (shape_ == Shape::Map ? tr(" (map; the colour bar adds below)") : QString()));
}

} // namespace xmw::ui
