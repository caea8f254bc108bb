#pragma once

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QDialogButtonBox;

namespace xmw::ui {

// The form of a new sweep: which models, methods, protocols and seeds, how long each run trains
// and how many run at once. It writes the same sweep file a user would write for `xmw sweep`.
class SweepDialog : public QDialog {
    Q_OBJECT

public:
    explicit SweepDialog(const QString &datasetFolder, QWidget *parent = nullptr);

    // The sweep file's content (docs/sweeps.md).
    [[nodiscard]] QJsonObject spec() const;
    [[nodiscard]] int jobs() const;
    [[nodiscard]] QString name() const;
    // How many runs the form's grid expands into, pretraining runs included.
    [[nodiscard]] int runCount() const;

private:
    void update();

    QString dataset_;
    QLineEdit *name_ = nullptr;
    QListWidget *models_ = nullptr, *methods_ = nullptr;
    QCheckBox *temporal_ = nullptr, *spatial_ = nullptr;
    QSpinBox *seeds_ = nullptr, *epochs_ = nullptr, *hidden_ = nullptr, *jobs_ = nullptr;
    QLabel *summary_ = nullptr;
    QDialogButtonBox *buttons_ = nullptr;
};

} // namespace xmw::ui
