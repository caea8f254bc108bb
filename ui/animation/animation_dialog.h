#pragma once

#include "ui/animation/animation_spec.h"

#include <QDate>
#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace xmw::ui {

// File ▸ Export ▸ Animation…: the period and step, the view (globe still or turning, or the flat
// map), the video's size, frame rate and format, a title, the colour range and the towers, and
// the file. Starts from the window's map (the spec) and the choices made last time.
class AnimationDialog : public QDialog {
    Q_OBJECT

public:
    // `first`/`last`: the days the layer covers.
    AnimationDialog(const AnimationSpec &start, QDate first, QDate last, QWidget *parent = nullptr);

    // The start spec with the dialog's choices.
    [[nodiscard]] AnimationSpec spec() const;
    // The choices, remembered for next time (not the period or the title: they belong to one map).
    void saveChoices() const;

    // The video sizes offered.
    [[nodiscard]] static QList<QSize> sizes();

    // Export: checks what can be checked now (period, file name, folder, replacing a file).
    void accept() override;

private:
    void browse();
    void fitSuffixToFormat();
    void updateSummary();

    AnimationSpec start_;
    QDateEdit *from_, *to_;
    QComboBox *step_, *view_, *size_, *format_;
    QSpinBox *fps_;
    QLineEdit *title_, *path_;
    QCheckBox *sameRange_, *towers_;
    QLabel *summary_;
};

} // namespace xmw::ui
