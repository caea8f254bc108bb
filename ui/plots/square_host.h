#pragma once

#include <QWidget>

#include <functional>

namespace xmw::ui {

// Holds one child at most `extraWidth()` wider than it is tall, centred: a plot whose axes must be
// square (observed against modelled flux) with its legend beside them.
class SquareHost : public QWidget {
    Q_OBJECT

public:
    SquareHost(QWidget *child, std::function<int()> extraWidth, QWidget *parent = nullptr);

    // Places the child again, as extraWidth() may have changed (its legend's entries did).
    void refit();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *child_;
    std::function<int()> extraWidth_;
};

} // namespace xmw::ui
