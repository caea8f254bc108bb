#pragma once

#include <QDialog>

namespace xmw::ui {

// Help ▸ About the Data: what TEM-MDM and FLUXNET-CH4 are, how they differ, what the benchmark asks,
// and where the data and its descriptions come from. Written for a class as much as for a modeller.
class AboutDataDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDataDialog(QWidget *parent = nullptr);

    [[nodiscard]] static QString html();
};

} // namespace xmw::ui
