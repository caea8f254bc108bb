#include "ui/main_window.h"

#include "core/version.h"
#include "ui/about_dialog.h"
#include "ui/coordinates.h"
#include "ui/globe/globe_view.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>

namespace xmw::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , globe_(new GlobeView(this))
    , positionLabel_(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("X-MethaneWet Explorer"));
    globe_->setObjectName(QStringLiteral("globe"));
    setCentralWidget(globe_);

    positionLabel_->setObjectName(QStringLiteral("positionLabel"));
    positionLabel_->setMinimumWidth(positionLabel_->fontMetrics().horizontalAdvance(QStringLiteral("00.00° N, 000.00° W")) + 16);
    statusBar()->addPermanentWidget(positionLabel_);
    clearCursorPosition();
    connect(globe_, &GlobeView::cursorMoved, this, &MainWindow::showCursorPosition);
    connect(globe_, &GlobeView::cursorLeftGlobe, this, &MainWindow::clearCursorPosition);

    createMenus();
    resize(1200, 800);
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *reset = viewMenu->addAction(tr("&Reset View"), globe_, &GlobeView::resetView);
    reset->setObjectName(QStringLiteral("actionResetView"));
    reset->setShortcut(Qt::Key_Home);
    reset->setStatusTip(tr("Look at the globe from the default position and distance"));

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = helpMenu->addAction(tr("&About X-MethaneWet Explorer"), this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::showCursorPosition(double lat, double lon)
{
    positionLabel_->setText(formatLatLon(lat, lon));
}

void MainWindow::clearCursorPosition()
{
    positionLabel_->setText(tr("Off the globe"));
}

} // namespace xmw::ui
