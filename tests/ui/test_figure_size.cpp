// The size of an exported figure as a journal asks for it: millimetres or inches, a column width,
// the resolution and the text size, remembered per kind of figure.
#include "gui_test_main.h"
#include "ui/app/figure_size.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>

using namespace xmw::ui;

class TestFigureSize : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("xmw-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_figure_size"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void pixelsAndPointsFollowTheSize()
    {
        const FigureSize column{85, 60, false, 600, 7};
        QCOMPARE(column.pixels(), QSize(2008, 1417));
        QVERIFY(std::abs(column.points().width() - 240.94) < 0.01);
        QVERIFY(std::abs(column.fontPixels() - 58.33) < 0.01); // 7 pt at 600 dpi
    }

    void theDialogSpeaksMillimetresOrInches()
    {
        FigureSizeDialog dialog({180, 80, false, 300, 8}, FigureSizeDialog::Shape::Free);
        auto *preset = dialog.findChild<QComboBox *>(QStringLiteral("figurePreset"));
        auto *unit = dialog.findChild<QComboBox *>(QStringLiteral("figureUnit"));
        auto *width = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("figureWidth"));
        auto *dpi = dialog.findChild<QSpinBox *>(QStringLiteral("figureDpi"));
        QCOMPARE(preset->currentData().toDouble(), 180.0); // two columns
        preset->setCurrentIndex(preset->findData(85.0));
        QCOMPARE(width->value(), 85.0);
        unit->setCurrentIndex(1); // inches: the same size, other numbers
        QVERIFY(std::abs(width->value() - 3.35) < 0.01);
        QVERIFY(std::abs(dialog.size().widthMm - 85.0) < 0.2);
        QVERIFY(dialog.size().inches);
        width->setValue(4.0);
        QCOMPARE(preset->currentData().toDouble(), 0.0); // custom
        dpi->setValue(600);
        QCOMPARE(dialog.size().pixels().width(), 2400);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("figureSummary"))->text().contains(QStringLiteral("2400")));
    }

    // A map is 2:1: its height follows the width and is not asked for.
    void aMapsHeightFollowsItsWidth()
    {
        FigureSizeDialog dialog({180, 80, false, 300, 8}, FigureSizeDialog::Shape::Map);
        auto *width = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("figureWidth"));
        auto *height = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("figureHeight"));
        QVERIFY(!height->isEnabled());
        width->setValue(120);
        QCOMPARE(height->value(), 60.0);
        QCOMPARE(dialog.size().heightMm, 60.0);
    }

    void eachKindRemembersItsOwn()
    {
        FigureSize{85, 50, true, 600, 7}.save(QStringLiteral("seriesFigure"));
        const FigureSize series = FigureSize::load(QStringLiteral("seriesFigure"), {});
        QCOMPARE(series.widthMm, 85.0);
        QVERIFY(series.inches);
        QCOMPARE(series.dpi, 600);
        QCOMPARE(FigureSize::load(QStringLiteral("mapFigure"), {150, 75, false, 200, 9}).widthMm, 150.0); // its fallback
    }
};

XMW_GUI_TEST_MAIN(TestFigureSize)
#include "test_figure_size.moc"
