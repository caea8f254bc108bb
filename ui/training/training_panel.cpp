#include "ui/training/training_panel.h"

#include "core/data/recipe_reach.h"

#include "core/build_info.h"
#include "core/data/dataset.h"
#include "core/data/splits.h"
#include "core/learn/preset.h"
#include "core/learn/run_file.h"
#include "ui/app/wheel_guard.h"
#include "ui/map/palette.h"
#include "ui/plots/plot_font.h"
#include "ui/tasks/task_manager.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <cmath>
#include <set>

namespace xmw::ui {

namespace {

enum JobColumn { JobName, JobModel, JobProgressColumn, JobState, JobColumns };

QString stateText(TrainingQueue::State state)
{
    switch (state) {
    case TrainingQueue::State::Queued: return TrainingPanel::tr("queued");
    case TrainingQueue::State::Running: return TrainingPanel::tr("running");
    case TrainingQueue::State::Finished: return TrainingPanel::tr("finished");
    case TrainingQueue::State::Failed: return TrainingPanel::tr("failed");
    case TrainingQueue::State::Canceled: return TrainingPanel::tr("canceled");
    }
    return {};
}

QString duration(double seconds)
{
    if (!std::isfinite(seconds))
        return QStringLiteral("?");
    if (seconds < 60)
        return TrainingPanel::tr("%1 s").arg(int(std::lround(seconds)));
    return TrainingPanel::tr("%1 min").arg(seconds / 60.0, 0, 'f', 1);
}

// What each method does, for its tooltip (the engine's own one-line descriptions are English only).
QString methodTip(learn::Method method)
{
    switch (method) {
    case learn::Method::Scratch: return TrainingPanel::tr("Train on the towers only: the baseline every transfer method is compared with");
    case learn::Method::Pretrain:
        return TrainingPanel::tr("Train on TEM-MDM simulation samples only: a starting point for finetune and residual");
    case learn::Method::Finetune: return TrainingPanel::tr("Start from a pretrained run's weights and go on training on the towers");
    case learn::Method::Adversarial:
        return TrainingPanel::tr("Domain-adversarial: a shared encoder learns from both, a discriminator behind gradient reversal makes "
                                 "simulation and towers look alike; then fine-tuning on the towers");
    case learn::Method::Residual:
        return TrainingPanel::tr("Keep a pretrained model frozen and learn what it misses at the towers; the prediction is their sum");
    case learn::Method::Reweight:
        return TrainingPanel::tr("Joint training in which TEM-MDM samples count by how much they resemble the towers; then fine-tuning");
    }
    return {};
}

// A scroll area that asks for its whole form (QScrollArea caps its wish at 36 lines' width), so that
// the splitter gives the form its width where there is room; narrower windows scroll it.
class FormScrollArea : public QScrollArea {
public:
    [[nodiscard]] QSize sizeHint() const override
    {
        if (!widget())
            return QScrollArea::sizeHint();
        const int frame = 2 * frameWidth();
        return {widget()->sizeHint().width() + frame + verticalScrollBar()->sizeHint().width(), widget()->sizeHint().height() + frame};
    }
};

} // namespace

QString TrainingPanel::towerProblem(const learn::TrainingConfig &c) const
{
    if (!opened_ || !opened_->sites())
        return {};
    data::SplitOptions split = c.split;
    split.seed = c.seed;
    const auto problem = data::checkTowerChoice(*opened_->sites(), split, c.allFolds);
    if (!problem)
        return {};
    switch (problem->kind) {
    case data::TowerChoiceProblem::Kind::NoLaterYear:
        return tr("None of the selected towers has two years of data: temporal testing needs a later year to test on.");
    case data::TowerChoiceProblem::Kind::NoneInTestFold:
        return tr("None of the selected towers is in spatial fold %1, so nothing would be tested; choose another fold or other towers.")
            .arg(problem->fold);
    case data::TowerChoiceProblem::Kind::AllInTestFold:
        return tr("All the selected towers are in spatial fold %1: none would be left to train on.").arg(problem->fold);
    }
    return {};
}

TrainingPanel::TrainingPanel(RunStore *store, QWidget *parent)
    : QWidget(parent)
    , store_(store)
    , queue_(new TrainingQueue(store->tasks(), this))
{
    setObjectName(QStringLiteral("trainingPanel"));
    const auto named = [](QWidget *w, const char *name, const QString &tip) {
        w->setObjectName(QLatin1String(name));
        w->setToolTip(tip);
        return w;
    };
    model_ = new QComboBox;
    for (const auto kind : learn::allModels())
        model_->addItem(QString::fromStdString(learn::modelName(kind)), int(kind));
    named(model_, "modelBox", tr("The sequence model: recurrent (LSTM, GRU, EA-LSTM), convolutional (TCN) or attention-based"));
    method_ = new QComboBox;
    for (const auto m : {learn::Method::Scratch, learn::Method::Pretrain, learn::Method::Finetune, learn::Method::Adversarial,
                         learn::Method::Residual, learn::Method::Reweight})
        method_->addItem(QString::fromStdString(learn::methodName(m)), int(m));
    named(method_, "methodBox", tr("How the simulation helps the towers; hover over an entry for what it does"));
    for (int i = 0; i < method_->count(); ++i)
        method_->setItemData(i, methodTip(learn::Method(method_->itemData(i).toInt())), Qt::ToolTipRole);
    pretrained_ = new QComboBox;
    named(pretrained_, "pretrainedBox",
          tr("The pretrained run to start from (finetune) or to correct (residual): runs of this dataset with the same model"));
    recipe_ = new QComboBox;
    recipe_->addItem(tr("X-MethaneWet (paper)"), int(data::Recipe::XMethaneWet));
    recipe_->addItem(tr("Extended (all towers)"), int(data::Recipe::Extended));
    named(recipe_, "recipeBox",
          tr("Which rules make the tower samples and splits. X-MethaneWet follows the benchmark: wetland "
             "towers only, with their own elevation and meteorology, a tower-year dropped on any gap, and "
             "in spatial splits the 30 towers of its published folds. Extended keeps every tower and fills "
             "a tower's gaps from the grid. Compare runs only within one recipe."));
    preset_ = new QComboBox;
    preset_->addItem(tr("Ours (quick, early stopping)"), int(learn::Preset::Ours));
    preset_->addItem(tr("Paper (X-MethaneWet)"), int(learn::Preset::Paper));
    named(preset_, "presetBox",
          tr("The model's size and the optimisation. Paper: the benchmark's configuration (hidden 8, "
             "3 layers, batches of 4 towers at learning rate 0.05 for 200 epochs, or 128 TEM-MDM samples at "
             "0.01 for 10 epochs to pretrain; the last epoch kept). Ours: a wider single-layer model, batches "
             "of 64, early stopping. Choosing one fills epochs, learning rate and batch."));
    split_ = new QComboBox;
    split_->addItem(tr("temporal (later years of each tower)"), 0);
    split_->addItem(tr("spatial, one fold"), 1);
    split_->addItem(tr("spatial, all folds"), 2);
    named(split_, "splitBox", tr("Test on later years of every tower, or on towers the model never saw"));
    fold_ = new QSpinBox;
    fold_->setRange(0, 4);
    named(fold_, "foldBox", tr("Which of the five spatial folds is held out"));
    towers_ = new QComboBox;
    towers_->addItem(tr("all towers"));
    towers_->addItem(tr("the selected towers"));
    named(towers_, "towersBox",
          tr("Train and test on every tower, or only on the towers selected on the map or in the Sites list "
             "(spatial folds stay the benchmark's)"));
    percent_ = new QDoubleSpinBox;
    percent_->setRange(1, 100);
    percent_->setValue(100);
    percent_->setSuffix(QStringLiteral(" %"));
    named(percent_, "percentBox", tr("Share of the training tower-years used (the data-sparse curve)"));
    epochs_ = new QSpinBox;
    epochs_->setRange(1, 1000);
    epochs_->setValue(50);
    named(epochs_, "epochsBox", tr("Epochs per phase; early stopping may end sooner"));
    learningRate_ = new QDoubleSpinBox;
    learningRate_->setDecimals(5);
    learningRate_->setRange(1e-5, 1.0);
    learningRate_->setSingleStep(1e-4);
    learningRate_->setValue(1e-3);
    named(learningRate_, "learningRateBox", tr("Adam's learning rate"));
    batch_ = new QSpinBox;
    batch_->setRange(1, 4096);
    batch_->setValue(64);
    named(batch_, "batchBox", tr("Sequences per batch"));
    seed_ = new QSpinBox;
    seed_->setRange(0, 1000000);
    named(seed_, "seedBox", tr("Seeds the weights, the shuffling and the validation share: the same seed gives the same run"));
    ensemble_ = new QSpinBox;
    ensemble_->setRange(1, 20);
    named(ensemble_, "ensembleBox", tr("Models per fold with consecutive seeds; predictions are their mean, with their spread"));
    threads_ = new QSpinBox;
    threads_->setRange(1, 256);
    threads_->setValue(learn::defaultThreadCount());
    named(threads_, "threadsBox", tr("CPU threads per job; the default leaves one core for the window"));
    device_ = new QComboBox;
    device_->addItem(QStringLiteral("cpu"), QStringLiteral("cpu"));
    device_->addItem(QStringLiteral("cuda"), QStringLiteral("cuda"));
    named(device_, "deviceBox", tr("Where the model runs; CUDA needs a LibTorch built with it"));
    name_ = new QLineEdit;
    named(name_, "runNameEdit", tr("The run's file name in the dataset's runs/ folder (a new name by default)"));
    name_->setPlaceholderText(tr("automatic"));
    concurrency_ = new QSpinBox;
    concurrency_->setRange(1, 8);
    named(concurrency_, "concurrencyBox", tr("How many jobs run at the same time; the others wait"));
    connect(concurrency_, &QSpinBox::valueChanged, queue_, &TrainingQueue::setConcurrency);

    // Grouped so that the usual choices fit a 1280×800 screen without scrolling; the rest waits
    // behind "Advanced". Boxes whose texts change (run names, the count of selected towers) keep
    // their width, so the form never grows past its place; their lists show the whole texts.
    for (QComboBox *box : {model_, method_, pretrained_, recipe_, preset_, split_, towers_, device_}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(box == split_ ? 28 : box == towers_ || box == pretrained_ ? 22 : 14);
    }
    const auto group = [](const QString &title, const char *name, std::initializer_list<std::pair<QString, QWidget *>> rows) {
        auto *box = new QGroupBox(title);
        box->setObjectName(QLatin1String(name));
        auto *rowsLayout = new QFormLayout(box);
        rowsLayout->setVerticalSpacing(3);
        rowsLayout->setContentsMargins(6, 4, 6, 4);
        for (const auto &[label, field] : rows)
            rowsLayout->addRow(label, field);
        return box;
    };
    auto *splitRow = new QHBoxLayout;
    splitRow->setContentsMargins(0, 0, 0, 0);
    splitRow->addWidget(split_, 1);
    auto *foldLabel = new QLabel(tr("fold"));
    foldLabel->setBuddy(fold_);
    splitRow->addWidget(foldLabel);
    splitRow->addWidget(fold_);
    auto *splitWidget = new QWidget;
    splitWidget->setLayout(splitRow);
    QGroupBox *modelGroup = group(tr("Model"), "modelGroup",
                                  {{tr("Model"), model_},
                                   {tr("Method"), method_},
                                   {tr("Pretrained run"), pretrained_},
                                   {tr("Settings"), preset_},
                                   {tr("Epochs"), epochs_}});
    QGroupBox *dataGroup = group(tr("Data"), "dataGroup",
                                 {{tr("Recipe"), recipe_},
                                  {tr("Split"), splitWidget},
                                  {tr("Towers"), towers_},
                                  {tr("Training data"), percent_},
                                  {tr("Run name"), name_}});
    advanced_ = group(tr("Advanced"), "advancedGroup",
                      {{tr("Learning rate"), learningRate_},
                       {tr("Batch"), batch_},
                       {tr("Seed"), seed_},
                       {tr("Ensemble"), ensemble_},
                       {tr("Threads"), threads_},
                       {tr("Device"), device_},
                       {tr("Jobs at once"), concurrency_}});
    advancedToggle_ = new QToolButton;
    advancedToggle_->setObjectName(QStringLiteral("advancedToggle"));
    advancedToggle_->setText(tr("Advanced"));
    advancedToggle_->setToolTip(tr("Learning rate, batch, seed, ensemble, threads, device and how many jobs run at once"));
    advancedToggle_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    advancedToggle_->setCheckable(true);
    advancedToggle_->setAutoRaise(true);
    connect(advancedToggle_, &QToolButton::toggled, this, [this](bool open) {
        advanced_->setVisible(open);
        advancedToggle_->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        QSettings().setValue(QStringLiteral("training/advancedOpen"), open);
    });
    advancedToggle_->setChecked(QSettings().value(QStringLiteral("training/advancedOpen"), false).toBool());
    advanced_->setVisible(advancedToggle_->isChecked());
    advancedToggle_->setArrowType(advancedToggle_->isChecked() ? Qt::DownArrow : Qt::RightArrow);
    auto *groups = new QHBoxLayout;
    groups->setContentsMargins(0, 0, 0, 0);
    groups->addWidget(modelGroup);
    groups->addWidget(dataGroup);
    reach_ = new QLabel;
    reach_->setObjectName(QStringLiteral("trainingReach"));
    reach_->setWordWrap(true);
    problem_ = new QLabel;
    problem_->setObjectName(QStringLiteral("trainingProblem"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #b2182b"));
    start_ = new QPushButton(tr("Start"));
    start_->setObjectName(QStringLiteral("startTraining"));
    connect(start_, &QPushButton::clicked, this, [this] { (void)start(); });
    cancel_ = new QPushButton(tr("Cancel"));
    cancel_->setObjectName(QStringLiteral("cancelTraining"));
    cancel_->setEnabled(false);
    connect(cancel_, &QPushButton::clicked, this, [this] { queue_->cancel(shownJob_); });
    resume_ = new QPushButton(tr("Resume"));
    resume_->setObjectName(QStringLiteral("resumeTraining"));
    resume_->setToolTip(tr("Go on from the last finished epoch of a canceled or failed job"));
    resume_->setEnabled(false);
    connect(resume_, &QPushButton::clicked, this, [this] { (void)resume(shownJob_); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(advancedToggle_);
    buttons->addStretch(1);
    buttons->addWidget(start_);
    buttons->addWidget(cancel_);
    buttons->addWidget(resume_);
    auto *formBox = new QWidget;
    auto *formLayout = new QVBoxLayout(formBox);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->setSpacing(4);
    formLayout->addLayout(groups);
    formLayout->addWidget(reach_);
    formLayout->addWidget(problem_);
    formLayout->addLayout(buttons);
    formLayout->addWidget(advanced_);
    formLayout->addStretch(1);

    jobs_ = new QTableWidget(0, JobColumns);
    jobs_->setObjectName(QStringLiteral("jobTable"));
    jobs_->setHorizontalHeaderLabels({tr("Run"), tr("Model / method"), tr("Progress"), tr("State")});
    jobs_->horizontalHeader()->setSectionResizeMode(JobProgressColumn, QHeaderView::Stretch);
    jobs_->horizontalHeader()->setSectionResizeMode(JobModel, QHeaderView::ResizeToContents); // its title is the longest
    jobs_->verticalHeader()->hide();
    jobs_->setSelectionBehavior(QAbstractItemView::SelectRows);
    jobs_->setSelectionMode(QAbstractItemView::SingleSelection);
    jobs_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(jobs_, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = jobs_->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            showJob(jobs_->item(rows.first().row(), JobName)->data(Qt::UserRole).toInt());
    });
    curves_ = new QCustomPlot;
    curves_->setObjectName(QStringLiteral("lossCurves"));
    curves_->xAxis->setLabel(tr("Epoch"));
    curves_->yAxis->setLabel(tr("Loss (MSE)")); // short: the dock is often low
    curves_->setToolTip(tr("Training and validation loss per epoch: the mean squared error of the standardised flux"));
    curves_->legend->setVisible(false); // until there are curves
    curves_->setMinimumHeight(100);
    followWidgetFont(curves_);
    // A failed job's reason, in full, under the list (its row says it in short).
    jobError_ = new QLabel;
    jobError_->setObjectName(QStringLiteral("jobError"));
    jobError_->setWordWrap(true);
    jobError_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    jobError_->setStyleSheet(QStringLiteral("color: #b2182b"));
    jobError_->hide();
    auto *jobsBox = new QWidget;
    auto *jobsLayout = new QVBoxLayout(jobsBox);
    jobsLayout->setContentsMargins(0, 0, 0, 0);
    jobsLayout->addWidget(jobs_, 1);
    jobsLayout->addWidget(jobError_);
    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(jobsBox);
    right->addWidget(curves_);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 2); // the curves are what one watches
    right->setSizes({120, 280});
    // The form scrolls, so that the dock can be as short as the user likes.
    auto *formScroll = new FormScrollArea;
    formScroll->setObjectName(QStringLiteral("trainingFormScroll"));
    formScroll->setWidget(formBox);
    WheelGuard::protect(formBox);
    formScroll->setWidgetResizable(true);
    formScroll->setMinimumWidth(200); // narrower windows scroll it sideways rather than refuse to shrink
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(formScroll);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);

    for (QComboBox *box : {model_, method_, pretrained_, recipe_, preset_, split_, device_, towers_})
        connect(box, &QComboBox::currentIndexChanged, this, &TrainingPanel::updateForm);
    // The paper's epochs, rate and batch differ between pretraining and the tower methods.
    connect(preset_, &QComboBox::currentIndexChanged, this, &TrainingPanel::fillFromPreset);
    connect(method_, &QComboBox::currentIndexChanged, this, [this] {
        if (learn::Preset(preset_->currentData().toInt()) == learn::Preset::Paper)
            fillFromPreset();
    });
    for (QSpinBox *box : {fold_, epochs_, batch_, seed_, ensemble_, threads_})
        connect(box, &QSpinBox::valueChanged, this, &TrainingPanel::updateForm);
    connect(model_, &QComboBox::currentIndexChanged, this, &TrainingPanel::refreshPretrainedRuns);
    connect(method_, &QComboBox::currentIndexChanged, this, &TrainingPanel::refreshPretrainedRuns);

    connect(queue_, &TrainingQueue::jobAdded, this, [this](int id) {
        const TrainingQueue::Job *job = queue_->job(id);
        const int row = jobs_->rowCount();
        jobs_->insertRow(row);
        auto *name = new QTableWidgetItem(QFileInfo(job->out).completeBaseName());
        name->setData(Qt::UserRole, id);
        name->setToolTip(job->out);
        jobs_->setItem(row, JobName, name);
        jobs_->setItem(row, JobModel,
                       new QTableWidgetItem(QStringLiteral("%1 / %2").arg(QString::fromStdString(learn::modelName(job->config.model.kind)),
                                                                          QString::fromStdString(learn::methodName(job->config.method)))));
        auto *bar = new QProgressBar;
        bar->setRange(0, 1000);
        jobs_->setCellWidget(row, JobProgressColumn, bar);
        jobs_->setItem(row, JobState, new QTableWidgetItem);
        updateJobRow(id);
        jobs_->selectRow(row);
    });
    connect(queue_, &TrainingQueue::jobChanged, this, &TrainingPanel::updateJobRow);
    connect(queue_, &TrainingQueue::epochFinished, this, [this](int id, const learn::EpochRecord &) {
        if (id == shownJob_)
            plotJob(id);
    });
    connect(queue_, &TrainingQueue::jobFinished, this, [this](int, const QString &runFile) {
        store_->refresh();
        Q_EMIT runFinished(runFile);
    });
    connect(store_, &RunStore::changed, this, &TrainingPanel::refreshPretrainedRuns);
    setDataset({});
}

void TrainingPanel::setDataset(const QString &datasetFolder, const DatasetPtr &dataset)
{
    dataset_ = datasetFolder;
    opened_ = dataset;
    store_->setFolder(runsFolder()); // the pretrained runs follow when it has read them
    updateForm();
    findInterruptedJobs();
}

void TrainingPanel::findInterruptedJobs()
{
    // A checkpoint without its run file is a job a closed (or killed) session left: offer to resume
    // it. Checkpoints hold weights, so they are read on a worker.
    if (runsFolder().isEmpty() || (interruptedSearch_ && interruptedSearch_->isActive()))
        return;
    std::vector<QString> known;
    for (const int id : queue_->ids())
        known.push_back(QFileInfo(queue_->job(id)->out).absoluteFilePath());
    interruptedSearch_ = store_->tasks()->run(
        TaskManager::Lane::Io, tr("Looking for interrupted training jobs"), this,
        [folder = runsFolder(), known](Feedback &) {
            std::vector<Interrupted> found;
            const QString suffix = QStringLiteral(".checkpoint");
            for (const QFileInfo &file : QDir(folder).entryInfoList({QStringLiteral("*.h5.checkpoint")}, QDir::Files, QDir::Time)) {
                const QString out = file.absoluteFilePath().chopped(suffix.size());
                if (QFileInfo::exists(out) || std::find(known.begin(), known.end(), out) != known.end())
                    continue;
                try {
                    found.push_back({out, learn::TrainingJob::readCheckpoint(file.absoluteFilePath().toStdString())});
                } catch (const std::exception &) {
                    continue; // being written, or not ours: nothing to offer
                }
            }
            return found;
        },
        [this](std::vector<Interrupted> &&found) {
            const QString dataset = dataset_;
            for (const Interrupted &job : found) {
                if (QFileInfo(job.out).absolutePath() != QFileInfo(runsFolder()).absoluteFilePath())
                    continue; // another dataset was opened meanwhile
                bool shown = false;
                for (const int id : queue_->ids())
                    shown = shown || QFileInfo(queue_->job(id)->out).absoluteFilePath() == job.out;
                if (!shown)
                    queue_->addInterrupted(dataset, job.checkpoint, job.out);
            }
        });
}

void TrainingPanel::setSelectedSites(const QStringList &ids)
{
    selectedSites_ = ids;
    towers_->setItemText(
        1, ids.isEmpty() ? tr("the selected towers (none selected)") : tr("the %n selected tower(s)", nullptr, int(ids.size())));
    towers_->setItemData(1, ids.join(QStringLiteral(", ")), Qt::ToolTipRole);
    updateForm();
}

QString TrainingPanel::runsFolder() const
{
    return dataset_.isEmpty() ? QString() : QString::fromStdString(learn::runsFolder(dataset_.toStdString()).string());
}

learn::TrainingConfig TrainingPanel::config() const
{
    learn::TrainingConfig c;
    c.model.kind = learn::ModelKind(model_->currentData().toInt());
    c.method = learn::Method(method_->currentData().toInt());
    learn::applyPreset(c, learn::Preset(preset_->currentData().toInt())); // the form's fields below override it
    if (learn::needsPretrained(c.method))
        c.pretrainedRun = pretrained_->currentData().toString().toStdString();
    c.split.recipe = data::Recipe(recipe_->currentData().toInt());
    const int split = split_->currentData().toInt();
    c.split.kind = split == 0 ? data::SplitKind::Temporal : data::SplitKind::Spatial;
    c.split.fold = fold_->value();
    c.allFolds = split == 2;
    c.split.percent = percent_->value();
    if (towers_->currentIndex() == 1)
        for (const QString &id : selectedSites_)
            c.split.sites.push_back(id.toStdString());
    c.epochs = epochs_->value();
    c.learningRate = learningRate_->value();
    c.batchSize = batch_->value();
    c.seed = std::uint64_t(seed_->value());
    c.split.seed = c.seed;
    c.ensemble = ensemble_->value();
    c.threads = threads_->value();
    c.device = device_->currentData().toString().toStdString();
    return c;
}

QString TrainingPanel::problem() const
{
    if (dataset_.isEmpty())
        return tr("Open a dataset with TEM-MDM/ and FLUXNET-CH4/ to train on it.");
    const learn::TrainingConfig c = config();
    if (learn::needsPretrained(c.method) && c.pretrainedRun.empty())
        return tr("%1 starts from a pretrained run: train one with the method 'pretrain' and the same model first.")
            .arg(QString::fromStdString(learn::methodName(c.method)));
    if (c.device == "cuda" && computeDevices().find("CUDA") == std::string::npos)
        return tr("This LibTorch has no CUDA device; choose cpu.");
    if (towers_->currentIndex() == 1) {
        if (selectedSites_.isEmpty())
            return tr("Select towers on the map or in the Sites list first, or train on all towers.");
        if (const QString why = towerProblem(c); !why.isEmpty())
            return why;
    }
    if (opened_ && opened_->sites() && c.method != learn::Method::Pretrain) {
        const data::RecipeReach reach = data::recipeReach(*opened_->sites(), c.split.recipe, c.split.sites);
        if (reach.siteYears == 0 && c.split.recipe == data::Recipe::XMethaneWet)
            return tr("The X-MethaneWet recipe leaves no tower to train on: %1 of them not wetland (IGBP WET), %2 without LOCATION_ELEV "
                      "in the site metadata, which the recipe takes as each tower's elevation. The extended recipe takes the grid "
                      "cell's elevation instead.")
                .arg(reach.notWetland)
                .arg(reach.withoutElevation);
        if (reach.siteYears == 0)
            return tr("No tower has a year of data to train on.");
    }
    return QString::fromStdString(c.problem());
}

QString TrainingPanel::reachText() const
{
    if (!opened_ || !opened_->sites())
        return {};
    const learn::TrainingConfig c = config();
    if (c.method == learn::Method::Pretrain)
        return tr("Pretraining learns from TEM-MDM alone; the towers are not used.");
    const data::RecipeReach reach = data::recipeReach(*opened_->sites(), c.split.recipe, c.split.sites);
    QString text = tr("At most %n site-year(s)", nullptr, reach.siteYears) + QStringLiteral(" ") +
        tr("of %n tower(s) for training and testing", nullptr, reach.towers);
    QStringList left;
    if (reach.notWetland > 0)
        left << tr("%n tower(s) not wetland", nullptr, reach.notWetland);
    if (reach.withoutElevation > 0)
        left << tr("%n without LOCATION_ELEV", nullptr, reach.withoutElevation);
    if (!left.isEmpty())
        text += tr("; left out: %1").arg(left.join(QStringLiteral(", ")));
    return text + tr(" (years with gaps in their meteorology drop out when the samples are made).");
}

void TrainingPanel::refreshPretrainedRuns()
{
    const QString previous = pretrained_->currentData().toString();
    const QSignalBlocker block(pretrained_);
    pretrained_->clear();
    const auto kind = learn::ModelKind(model_->currentData().toInt());
    for (const RunStore::Run &run : store_->runs()) {
        // Only runs that can be a starting point: pretrained, of this model.
        const learn::RunRecord &r = run.summary;
        if (r.config.method != learn::Method::Pretrain || r.config.model.kind != kind)
            continue;
        pretrained_->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(r.name), QString::fromStdString(r.created)), run.path);
    }
    pretrained_->setCurrentIndex(std::max(0, pretrained_->findData(previous)));
    updateForm();
}

void TrainingPanel::fillFromPreset()
{
    learn::TrainingConfig c;
    c.model.kind = learn::ModelKind(model_->currentData().toInt());
    c.method = learn::Method(method_->currentData().toInt());
    learn::applyPreset(c, learn::Preset(preset_->currentData().toInt()));
    epochs_->setValue(c.epochs);
    learningRate_->setValue(c.learningRate);
    batch_->setValue(c.batchSize);
}

void TrainingPanel::updateForm()
{
    const auto method = learn::Method(method_->currentData().toInt());
    pretrained_->setEnabled(learn::needsPretrained(method));
    fold_->setEnabled(split_->currentData().toInt() == 1);
    const QString why = problem();
    problem_->setText(why);
    problem_->setVisible(!why.isEmpty());
    const QString reach = why.isEmpty() ? reachText() : QString();
    reach_->setText(reach);
    reach_->setVisible(!reach.isEmpty());
    start_->setEnabled(why.isEmpty());
}

int TrainingPanel::start()
{
    if (!problem().isEmpty())
        return 0;
    const learn::TrainingConfig c = config();
    QDir().mkpath(runsFolder());
    QString name = name_->text().trimmed();
    if (name.isEmpty())
        name = QStringLiteral("%1-%2-%3")
                   .arg(QString::fromStdString(learn::modelName(c.model.kind)), QString::fromStdString(learn::methodName(c.method)),
                        QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    QString out = QDir(runsFolder()).filePath(name + QStringLiteral(".h5"));
    for (int n = 2; QFileInfo::exists(out); ++n) // never overwrite a run
        out = QDir(runsFolder()).filePath(QStringLiteral("%1-%2.h5").arg(name).arg(n));
    return queue_->enqueue(dataset_, c, out);
}

int TrainingPanel::resume(int id)
{
    const TrainingQueue::Job *job = queue_->job(id);
    if (!job || (job->state != TrainingQueue::State::Canceled && job->state != TrainingQueue::State::Failed) ||
        !QFileInfo::exists(QString::fromStdString(learn::TrainingJob::checkpointPath(job->out.toStdString()).string())))
        return 0;
    const TrainingQueue::Job copy = *job; // enqueue adds to the map the pointer points into
    return queue_->enqueue(copy.dataset, copy.config, copy.out, true);
}

void TrainingPanel::updateJobRow(int id)
{
    const TrainingQueue::Job *job = queue_->job(id);
    if (!job)
        return;
    for (int row = 0; row < jobs_->rowCount(); ++row) {
        if (jobs_->item(row, JobName)->data(Qt::UserRole).toInt() != id)
            continue;
        auto *bar = qobject_cast<QProgressBar *>(jobs_->cellWidget(row, JobProgressColumn));
        const auto &p = job->progress;
        bar->setValue(int(std::lround(std::clamp(p.fraction, 0.0, 1.0) * 1000)));
        QString state = stateText(job->state);
        if (job->state == TrainingQueue::State::Running && p.epochs > 0)
            state =
                tr("%1 epoch %2/%3, ETA %4").arg(QString::fromStdString(p.phase)).arg(p.epoch).arg(p.epochs).arg(duration(p.etaSeconds));
        else if (job->state == TrainingQueue::State::Finished)
            state = tr("finished, test RMSE %1").arg(job->testRmse, 0, 'g', 4);
        else if (job->state == TrainingQueue::State::Failed && !job->message.isEmpty())
            state = tr("failed: %1").arg(job->message.section(QLatin1Char('\n'), 0, 0));
        jobs_->item(row, JobState)->setText(state);
        jobs_->item(row, JobState)->setToolTip(job->message);
    }
    if (id == shownJob_) {
        const bool failed = job->state == TrainingQueue::State::Failed && !job->message.isEmpty();
        jobError_->setText(failed ? tr("%1 failed: %2").arg(QFileInfo(job->out).completeBaseName(), job->message) : QString());
        jobError_->setVisible(failed);
        cancel_->setEnabled(job->state == TrainingQueue::State::Running || job->state == TrainingQueue::State::Queued);
        resume_->setEnabled((job->state == TrainingQueue::State::Canceled || job->state == TrainingQueue::State::Failed) &&
                            QFileInfo::exists(QString::fromStdString(learn::TrainingJob::checkpointPath(job->out.toStdString()).string())));
    }
}

void TrainingPanel::showJob(int id)
{
    shownJob_ = id;
    plotJob(id);
    updateJobRow(id);
}

void TrainingPanel::plotJob(int id)
{
    curves_->clearGraphs();
    const TrainingQueue::Job *job = queue_->job(id);
    if (!job) {
        curves_->legend->setVisible(false);
        curves_->replot();
        return;
    }
    // One x position per epoch of the whole job, across phases and members.
    struct Curve {
        QString name;
        double learn::EpochRecord::*field;
        QColor colour;
    };
    const Curve curves[] = {{tr("train"), &learn::EpochRecord::trainLoss, QColor::fromRgb(palette::kBlue)},
                            {tr("validation"), &learn::EpochRecord::validationLoss, QColor::fromRgb(palette::kVermillion)},
                            {tr("source (TEM-MDM)"), &learn::EpochRecord::sourceLoss, QColor::fromRgb(palette::kBluishGreen)},
                            {tr("target (towers)"), &learn::EpochRecord::targetLoss, QColor::fromRgb(palette::kReddishPurple)},
                            {tr("domain"), &learn::EpochRecord::domainLoss, QColor::fromRgb(palette::kSkyBlue)}};
    for (const Curve &c : curves) {
        QVector<double> x, y;
        for (std::size_t i = 0; i < job->history.size(); ++i) {
            const double v = job->history[i].*c.field, train = job->history[i].trainLoss;
            // In a phase on one domain (towers alone, or pretraining) its loss is the train loss:
            // drawn once, as train, rather than hidden under an identical curve.
            if (c.field != &learn::EpochRecord::trainLoss && c.field != &learn::EpochRecord::validationLoss &&
                std::abs(v - train) <= 1e-12 * std::max(1.0, std::abs(train)))
                continue;
            if (std::isfinite(v)) {
                x.push_back(double(i + 1));
                y.push_back(v);
            }
        }
        if (x.isEmpty())
            continue;
        QCPGraph *graph = curves_->addGraph();
        graph->setName(c.name);
        graph->setPen(QPen(c.colour, 1.6));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));
        graph->setData(x, y, true);
    }
    // The whole job's epochs along x from the start, so the curves grow into a fixed frame.
    int planned = int(job->history.size());
    if (job->progress.epochs > 0 && job->progress.fraction > 0)
        planned = std::max(planned, int(std::lround(double(job->history.size()) / job->progress.fraction)));
    curves_->xAxis->setRange(0.5, std::max(1, planned) + 0.5);
    bool found = false;
    const QCPRange values = curves_->graphCount() ? curves_->graph(0)->getValueRange(found) : QCPRange();
    double low = values.lower, high = values.upper;
    for (int g = 1; g < curves_->graphCount(); ++g) {
        bool more = false;
        const QCPRange r = curves_->graph(g)->getValueRange(more);
        if (more) {
            low = found ? std::min(low, r.lower) : r.lower;
            high = found ? std::max(high, r.upper) : r.upper;
            found = true;
        }
    }
    if (found) {
        const double pad = std::max(1e-3, (high - low) * 0.1);
        curves_->yAxis->setRange(std::max(0.0, low - pad), high + pad);
    }
    curves_->legend->setVisible(curves_->graphCount() > 0); // no empty box on an idle plot
    curves_->replot();
}

} // namespace xmw::ui
