#pragma once

#include <QLabel>

namespace xmw::ui {

// The towers' colours under the map: each wetland type's code and name where the window is wide
// enough, the codes alone where it is not (the tooltip names them then), so that the legend never
// makes the window wider.
class TowerLegend : public QLabel {
    Q_OBJECT

public:
    explicit TowerLegend(QWidget *parent = nullptr);

    [[nodiscard]] QSize minimumSizeHint() const override;
    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] bool showsNames() const { return names_; }

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void showLegend(bool names);
    [[nodiscard]] int widthOf(const QString &richText) const;

    bool names_ = true;
};

} // namespace xmw::ui
