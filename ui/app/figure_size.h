#pragma once

#include <QDialog>
#include <QSize>
#include <QSizeF>
#include <QString>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace xmw::ui {

// A figure's size on the page, as a journal asks for it: width and height (kept in millimetres,
// shown in millimetres or inches), the resolution of raster output, and the size of its text.
struct FigureSize {
    double widthMm = 180, heightMm = 80;
    bool inches = false; // how the dialog shows lengths
    int dpi = 300;
    double fontPoints = 8;

    // Raster size at `dpi`.
    [[nodiscard]] QSize pixels() const;
    // Page size in points (1/72 inch), for PDF and SVG.
    [[nodiscard]] QSizeF points() const;
    // The text size in pixels at `dpi`.
    [[nodiscard]] double fontPixels() const { return fontPoints / 72.0 * dpi; }

    // Remembered per kind of figure ("seriesFigure", "mapFigure").
    [[nodiscard]] static FigureSize load(const QString &kind, const FigureSize &fallback);
    void save(const QString &kind) const;
};

// Asks for a FigureSize: a journal's column widths as presets, or any width and height in mm or
// inches; dots per inch for PNG; the text size in points. A map figure's height follows its
// width (the world is 2:1), so it is shown, not asked.
class FigureSizeDialog : public QDialog {
    Q_OBJECT

public:
    enum class Shape { Free, Map };
    FigureSizeDialog(const FigureSize &initial, Shape shape, QWidget *parent = nullptr);

    [[nodiscard]] FigureSize size() const;

private:
    void showLengths(bool inches);
    void updateSummary();

    Shape shape_;
    QComboBox *preset_, *unit_;
    QDoubleSpinBox *width_, *height_, *font_;
    QSpinBox *dpi_;
    QLabel *summary_;
    bool inches_ = false;
};

} // namespace xmw::ui
