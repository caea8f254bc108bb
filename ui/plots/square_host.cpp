#include "ui/plots/square_host.h"

#include <algorithm>

namespace xmw::ui {

SquareHost::SquareHost(QWidget *child, std::function<int()> extraWidth, QWidget *parent)
    : QWidget(parent)
    , child_(child)
    , extraWidth_(std::move(extraWidth))
{
    child_->setParent(this);
}

void SquareHost::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    refit();
}

void SquareHost::refit()
{
    const int width = std::min(this->width(), height() + extraWidth_());
    const QRect placed((this->width() - width) / 2, 0, width, height());
    if (child_->geometry() != placed)
        child_->setGeometry(placed);
}

} // namespace xmw::ui
