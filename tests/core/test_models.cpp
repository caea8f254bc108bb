// The learning engine's parts, without data: models, losses, transfer pieces, metrics.
#include "core/learn/interruption.h"
#include "core/learn/losses.h"
#include "core/learn/metrics.h"
#include "core/learn/sequence_model.h"

#include <QTest>

#include <cmath>

using namespace xmw::learn;

namespace {

constexpr int kFeatures = 15;

ModelOptions small(ModelKind kind)
{
    ModelOptions o;
    o.kind = kind;
    o.hidden = 16;
    o.heads = 2;
    o.dropout = 0.0;
    return o;
}

// A task every model can learn: today's target mixes today's first feature and yesterday's second.
std::pair<torch::Tensor, torch::Tensor> syntheticTask(int64_t batch, int64_t days)
{
    torch::manual_seed(3);
    const torch::Tensor x = torch::randn({batch, days, kFeatures});
    const torch::Tensor previous = torch::cat({torch::zeros({batch, 1}), x.select(2, 1).slice(1, 0, days - 1)}, 1);
    return {x, 0.8 * x.select(2, 0) + 0.5 * previous};
}

} // namespace

class TestModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { torch::set_num_threads(1); }

    void everyModelHasTheShapesAndPassesGradients_data()
    {
        QTest::addColumn<int>("kind");
        for (const ModelKind kind : allModels())
            QTest::newRow(modelName(kind).c_str()) << int(kind);
    }
    void everyModelHasTheShapesAndPassesGradients()
    {
        QFETCH(int, kind);
        torch::manual_seed(1);
        const auto model = makeModel(small(ModelKind(kind)), kFeatures, 365);
        const torch::Tensor x = torch::randn({3, 365, kFeatures}, torch::requires_grad());
        const SequenceOutput out = model->forward(x);
        QCOMPARE(out.embedding.sizes().vec(), (std::vector<int64_t>{3, 365, 16}));
        QCOMPARE(out.prediction.sizes().vec(), (std::vector<int64_t>{3, 365}));
        QVERIFY(torch::isfinite(out.prediction).all().item<bool>());
        out.prediction.sum().backward();
        // Every parameter takes part, and the inputs receive a gradient.
        for (const auto &p : model->named_parameters())
            QVERIFY2(p.value().grad().defined() && p.value().grad().abs().sum().item<double>() > 0, p.key().c_str());
        QVERIFY(x.grad().abs().sum().item<double>() > 0);
    }

    void everyModelLearnsASmallTask_data() { everyModelHasTheShapesAndPassesGradients_data(); }
    void everyModelLearnsASmallTask()
    {
        QFETCH(int, kind);
        const auto [x, y] = syntheticTask(16, 64);
        torch::manual_seed(2);
        const auto model = makeModel(small(ModelKind(kind)), kFeatures, 64);
        torch::optim::Adam adam(model->parameters(), torch::optim::AdamOptions(1e-2));
        double first = 0, last = 0;
        for (int step = 0; step < 80; ++step) {
            const torch::Tensor loss = maskedMse(model->forward(x).prediction, y);
            if (step == 0)
                first = loss.item<double>();
            last = loss.item<double>();
            adam.zero_grad();
            loss.backward();
            adam.step();
        }
        QVERIFY2(last < 0.5 * first, qPrintable(QStringLiteral("loss %1 → %2").arg(first).arg(last)));
    }

    // A forward pass of the attention models can take seconds on a CPU: cancel reaches inside it.
    void anAttentionModelStopsBetweenLayersWhenInterrupted()
    {
        for (const ModelKind kind : {ModelKind::Transformer, ModelKind::Informer, ModelKind::ITransformer, ModelKind::Pyraformer}) {
            const auto model = makeModel(small(kind), kFeatures, 365);
            const torch::Tensor x = torch::randn({2, 365, kFeatures});
            int layersEntered = 0;
            {
                const InterruptionScope scope([&] {
                    if (++layersEntered == 2)
                        throw std::runtime_error("interrupted");
                });
                QVERIFY_THROWS_EXCEPTION(std::runtime_error, model->forward(x));
            }
            QCOMPARE(layersEntered, 2);
            (void)model->forward(x); // outside the scope nothing checks
            QCOMPARE(layersEntered, 2);
        }
    }

    void badOptionsAreRefused()
    {
        ModelOptions o = small(ModelKind::Transformer);
        o.heads = 3; // does not divide 16
        QVERIFY(!o.problem().empty());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeModel(o, kFeatures, 365));
        QCOMPARE(parseModel("EA_LSTM"), std::optional(ModelKind::EaLstm));
        QCOMPARE(parseModel("iTransformer"), std::optional(ModelKind::ITransformer));
        QVERIFY(!parseModel("rnn"));
    }

    void missingTargetsAreExcluded()
    {
        const float nan = std::nanf("");
        const torch::Tensor target = torch::tensor({1.0f, nan, 3.0f}).view({1, 3});
        const torch::Tensor prediction = torch::tensor({2.0f, 100.0f, 3.0f}).view({1, 3});
        QCOMPARE(maskedMse(prediction, target).item<float>(), 0.5f);
        QCOMPARE(maskedMsePerSample(prediction, target).item<float>(), 0.5f);
        // Gradients do not reach the masked day.
        const torch::Tensor p = prediction.clone().requires_grad_(true);
        maskedMse(p, target).backward();
        QCOMPARE(p.grad()[0][1].item<float>(), 0.0f);
        QVERIFY(p.grad()[0][0].item<float>() != 0.0f);
    }

    void gradientReversalFlipsGradients()
    {
        const torch::Tensor x = torch::tensor({1.0, -2.0, 3.0}, torch::requires_grad());
        const torch::Tensor y = reverseGradient(x, 0.5);
        QVERIFY(torch::equal(y, x.detach()));
        (y * torch::tensor({1.0, 2.0, 3.0})).sum().backward();
        QVERIFY(torch::allclose(x.grad(), torch::tensor({-0.5, -1.0, -1.5}).to(x.dtype())));
        QCOMPARE(reversalStrength(0.0), 0.0);
        QVERIFY(reversalStrength(1.0) > 0.99);
    }

    void reweightingWeightsLieInZeroToOne()
    {
        torch::manual_seed(4);
        const torch::Tensor towers = torch::randn({8, 365});
        torch::Tensor source =
            torch::randn({32, 365}) * torch::linspace(0.1, 20, 32).unsqueeze(1) + torch::linspace(-50, 50, 32).unsqueeze(1);
        source[0][3] = std::nanf("");
        const torch::Tensor w = similarityWeights(source, towers);
        QCOMPARE(w.sizes().vec(), (std::vector<int64_t>{32}));
        QVERIFY((w > 0).all().item<bool>());
        QVERIFY((w <= 1).all().item<bool>());
        // A source sample with the towers' statistics weighs most; a far one least.
        const torch::Tensor alike = torch::cat({towers.reshape({1, -1}).slice(1, 0, 365), source.slice(0, 1)});
        const torch::Tensor w2 = similarityWeights(alike, towers);
        QVERIFY(w2[0].item<float>() > 0.9f);
        QVERIFY(w2[0].item<float>() > w2.slice(0, 1).max().item<float>());
    }

    void metricsEqualHandComputedValues()
    {
        const float nan = std::nanf("");
        const std::vector<float> observed = {1, 2, 3, 4, nan};
        const std::vector<float> predicted = {2, 2, 4, 3, 100};
        const Metrics m = computeMetrics(observed, predicted);
        QCOMPARE(m.count, std::size_t(4));
        // errors 1, 0, 1, −1: MSE 3/4; mean observed 2.5, mean predicted 2.75.
        QCOMPARE(m.rmse, std::sqrt(0.75));
        QCOMPARE(m.nrmse, std::sqrt(0.75) / 2.5);
        QCOMPARE(m.mae, 0.75);
        QCOMPARE(m.bias, 0.25);
        QCOMPARE(m.nse, 1.0 - 3.0 / 5.0); // Σ(o−ō)² = 5
        // r = Σ(o−ō)(p−p̄) / √(Σ(o−ō)² Σ(p−p̄)²) = 2.5 / √(5 · 2.75)
        const double r = 2.5 / std::sqrt(5.0 * 2.75);
        QVERIFY(std::abs(m.r2Corr - r * r) < 1e-12);
        QCOMPARE(m.r2, 1.0 - 3.0 / 5.0); // the coefficient of determination, as the paper reports it
        const double alpha = std::sqrt(2.75 / 5.0), beta = 2.75 / 2.5;
        QVERIFY(std::abs(m.kge - (1 - std::sqrt((r - 1) * (r - 1) + (alpha - 1) * (alpha - 1) + (beta - 1) * (beta - 1)))) < 1e-12);

        // Worse than the observed mean: R² is negative, while the squared correlation says "perfect".
        const Metrics reversed = computeMetrics(std::vector<float>{1, 2, 3, 4}, std::vector<float>{4, 3, 2, 1});
        QCOMPARE(reversed.r2, 1.0 - 20.0 / 5.0);
        QVERIFY(std::abs(reversed.r2Corr - 1.0) < 1e-12);

        const Metrics none = computeMetrics(std::vector<float>{nan}, std::vector<float>{1});
        QCOMPARE(none.count, std::size_t(0));
        QVERIFY(std::isnan(none.rmse));
        const auto perSite = metricsPerSite({"A", "B"}, std::vector<float>{1, 2, 3, 4}, std::vector<float>{1, 2, 3, 5});
        QCOMPARE(perSite.at("A").rmse, 0.0);
        QCOMPARE(perSite.at("B").rmse, std::sqrt(0.5));
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "test_models.moc"
