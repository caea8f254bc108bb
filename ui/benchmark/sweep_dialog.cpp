#include "ui/benchmark/sweep_dialog.h"

#include "core/learn/model_options.h"
#include "core/learn/training_config.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace xmw::ui {

namespace {

QListWidget *checkList(const QStringList &names, const QStringList &checked)
{
    auto *list = new QListWidget;
    for (const QString &name : names) {
        auto *item = new QListWidgetItem(name, list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
    list->setMaximumHeight(list->sizeHintForRow(0) * int(names.size()) + 2 * list->frameWidth() + 4);
    return list;
}

QStringList checkedNames(const QListWidget *list)
{
    QStringList names;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() == Qt::Checked)
            names << list->item(i)->text();
    return names;
}

} // namespace

SweepDialog::SweepDialog(const QString &datasetFolder, QWidget *parent)
    : QDialog(parent)
    , dataset_(datasetFolder)
{
    setWindowTitle(tr("New Sweep"));
    name_ = new QLineEdit(QStringLiteral("sweep-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")));
    name_->setObjectName(QStringLiteral("sweepName"));
    name_->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9_-][A-Za-z0-9._-]*")), name_));
    name_->setToolTip(tr("The runs go to the dataset's runs/NAME/ folder; a sweep of the same name goes on where it stopped"));

    QStringList models;
    for (const auto kind : learn::allModels())
        models << QString::fromStdString(learn::modelName(kind));
    models_ = checkList(models, {QStringLiteral("lstm")});
    models_->setObjectName(QStringLiteral("sweepModels"));
    const QStringList methods = {QStringLiteral("scratch"), QStringLiteral("finetune"), QStringLiteral("adversarial"),
                                 QStringLiteral("residual"), QStringLiteral("reweight")};
    methods_ = checkList(methods, {QStringLiteral("scratch"), QStringLiteral("finetune")});
    methods_->setObjectName(QStringLiteral("sweepMethods"));
    for (int i = 0; i < methods_->count(); ++i)
        methods_->item(i)->setToolTip(QString::fromStdString(learn::methodDescription(*learn::parseMethod(methods.at(i).toStdString()))));

    temporal_ = new QCheckBox(tr("Temporal (later years of each tower)"));
    temporal_->setChecked(true);
    spatial_ = new QCheckBox(tr("Spatial (each of the 5 folds of unseen towers)"));
    seeds_ = new QSpinBox;
    seeds_->setRange(1, 20);
    seeds_->setValue(3);
    seeds_->setToolTip(tr("Each seed repeats the whole grid; the tables show mean ± standard deviation over seeds"));
    epochs_ = new QSpinBox;
    epochs_->setRange(1, 10000);
    epochs_->setValue(5);
    hidden_ = new QSpinBox;
    hidden_->setRange(4, 1024);
    hidden_->setValue(32);
    jobs_ = new QSpinBox;
    const int cores = std::max(1, QThread::idealThreadCount());
    jobs_->setRange(1, cores);
    jobs_->setValue(std::max(1, cores / 2));
    jobs_->setToolTip(tr("Runs at once; the cores are shared among them"));
    summary_ = new QLabel;
    summary_->setObjectName(QStringLiteral("sweepSummary"));
    summary_->setWordWrap(true);

    auto *protocols = new QVBoxLayout;
    protocols->addWidget(temporal_);
    protocols->addWidget(spatial_);
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), name_);
    form->addRow(tr("Models:"), models_);
    form->addRow(tr("Methods:"), methods_);
    form->addRow(tr("Protocols:"), protocols);
    form->addRow(tr("Seeds:"), seeds_);
    form->addRow(tr("Epochs per run:"), epochs_);
    form->addRow(tr("Hidden units:"), hidden_);
    form->addRow(tr("Runs at once:"), jobs_);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Start Sweep"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(summary_);
    layout->addWidget(buttons_);

    for (QListWidget *list : {models_, methods_})
        connect(list, &QListWidget::itemChanged, this, &SweepDialog::update);
    for (QCheckBox *box : {temporal_, spatial_})
        connect(box, &QCheckBox::toggled, this, &SweepDialog::update);
    connect(seeds_, &QSpinBox::valueChanged, this, &SweepDialog::update);
    connect(name_, &QLineEdit::textChanged, this, &SweepDialog::update);
    update();
}

QString SweepDialog::name() const { return name_->text(); }
int SweepDialog::jobs() const { return jobs_->value(); }

int SweepDialog::runCount() const
{
    const QStringList methods = checkedNames(methods_);
    const int models = int(checkedNames(models_).size());
    const int protocols = (temporal_->isChecked() ? 1 : 0) + (spatial_->isChecked() ? 5 : 0);
    const bool pretraining = methods.contains(QStringLiteral("finetune")) || methods.contains(QStringLiteral("residual"));
    return models * seeds_->value() * (int(methods.size()) * protocols + (pretraining ? 1 : 0));
}

QJsonObject SweepDialog::spec() const
{
    QJsonObject spec;
    spec[QStringLiteral("name")] = name();
    spec[QStringLiteral("dataset")] = QDir(dataset_).absolutePath();
    spec[QStringLiteral("models")] = QJsonArray::fromStringList(checkedNames(models_));
    spec[QStringLiteral("methods")] = QJsonArray::fromStringList(checkedNames(methods_));
    QStringList protocols;
    if (temporal_->isChecked())
        protocols << QStringLiteral("temporal");
    if (spatial_->isChecked())
        protocols << QStringLiteral("spatial");
    spec[QStringLiteral("protocols")] = QJsonArray::fromStringList(protocols);
    QJsonArray seeds;
    for (int s = 0; s < seeds_->value(); ++s)
        seeds.append(s);
    spec[QStringLiteral("seeds")] = seeds;
    spec[QStringLiteral("epochs")] = epochs_->value();
    spec[QStringLiteral("options")] = QJsonObject{{QStringLiteral("hidden"), hidden_->value()}};
    return spec;
}

void SweepDialog::update()
{
    const bool complete = !name_->text().isEmpty() && !checkedNames(models_).isEmpty() && !checkedNames(methods_).isEmpty() &&
        (temporal_->isChecked() || spatial_->isChecked());
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(complete);
    summary_->setText(complete ? tr("%n run(s), into %1", nullptr, runCount())
                                     .arg(QDir::toNativeSeparators(QDir(dataset_).filePath(QStringLiteral("runs/") + name_->text())))
                               : tr("Choose at least one model, one method and one protocol."));
}

} // namespace xmw::ui
