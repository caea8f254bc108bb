#pragma once

#include <QDialog>

namespace xmw::ui {

// Help ▸ About: what the program is, its version, and the libraries it runs on with their licences.
class AboutDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The dialog's text, also for tests: versions are read from the libraries at run time.
    [[nodiscard]] static QString aboutHtml();
};

} // namespace xmw::ui
