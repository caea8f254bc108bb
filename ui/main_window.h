#pragma once

#include <QMainWindow>

class QLabel;

namespace xmw::ui {

class GlobeView;

// The explorer's window: the globe in the centre, the cursor's position in the status bar.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    [[nodiscard]] GlobeView *globe() const { return globe_; }

private:
    void createMenus();
    void showCursorPosition(double lat, double lon);
    void clearCursorPosition();

    GlobeView *globe_ = nullptr;
    QLabel *positionLabel_ = nullptr;
};

} // namespace xmw::ui
