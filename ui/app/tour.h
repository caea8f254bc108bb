#pragma once

#include <QObject>
#include <QPointer>
#include <QRect>
#include <QString>
#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class QLabel;
class QPushButton;

namespace xmw::ui {

class MainWindow;

// The speech bubble of the tour: a small frameless window beside the main window's part it
// explains, with an arrow to it. A window of its own because the globe is a native OpenGL window
// that no ordinary widget can be drawn over.
class TourBubble : public QWidget {
    Q_OBJECT

public:
    explicit TourBubble(QWidget *window);

    void setContent(const QString &title, const QString &text, int step, int steps);
    // Beside `anchor` (global coordinates), below it where the screen has room, else above, with
    // the arrow's tip on it; centred on `within` (global) when there is no anchor.
    void placeAt(std::optional<QPoint> anchor, const QRect &within);
    // Its shape as drawn (the rounded box and its arrow), in its own coordinates.
    [[nodiscard]] QRegion shape() const { return shape_; }

    QPushButton *backButton() const { return back_; }
    QPushButton *nextButton() const { return next_; }
    QPushButton *skipButton() const { return skip_; }

Q_SIGNALS:
    // The keys of the tour: → or Enter on, ← back, Esc leaves.
    void nextKey();
    void backKey();
    void escapeKey();

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    static constexpr int kArrow = 14;
    QLabel *title_, *text_, *counter_;
    QPushButton *back_, *next_, *skip_;
    QPoint tip_; // the arrow's tip in own coordinates
    bool arrowUp_ = true, hasArrow_ = false;
    QRegion shape_;
};

// A short guided tour for a first start or a class: a few steps that point at the globe, a
// tower, the day, the time series and training, each with a sentence on what it shows and what to
// do with it. A first start offers it; it can be left at any step (Skip or Esc); once finished,
// left or declined it is not offered again (Help ▸ Take the Tour starts it any time).
class Tour : public QObject {
    Q_OBJECT

public:
    explicit Tour(MainWindow *window);
    ~Tour() override;

    void start();
    // A first start: asks whether to take the tour (a small non-modal box), rather than starting it.
    void offer();
    void next();
    void back();
    void skip();
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] int step() const { return step_; }
    [[nodiscard]] int stepCount() const { return int(steps_.size()); }
    [[nodiscard]] TourBubble *bubble() const { return bubble_; }

    // Whether the tour was finished or left once; a first start shows it otherwise.
    [[nodiscard]] static bool wasSeen();

Q_SIGNALS:
    void stepShown(int step);
    void ended(bool completed);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Step {
        QString title;
        std::function<QString()> text; // made when shown: it may speak of the open dataset
        std::function<void()> prepare; // e.g. brings a dock to the front
        std::function<QWidget *()> target; // the part pointed at
        std::function<std::optional<QPoint>()> point; // a point of it (global), else its centre
    };
    void showStep();
    void place();
    void end(bool completed);

    MainWindow *window_;
    std::vector<Step> steps_;
    QPointer<TourBubble> bubble_;
    int step_ = -1;
};

} // namespace xmw::ui
