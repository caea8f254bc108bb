// The fused recurrent kernels against LibTorch's own layers: the same function and the same
// gradients, on the same parameters, with the same dropout.
#include "core/learn/fused_recurrence.h"
#include "core/learn/sequence_model.h"

#include <QTest>

#include <functional>

using namespace xmw::learn;

namespace {

constexpr int kFeatures = 15;

double relativeError(const torch::Tensor &a, const torch::Tensor &b)
{
    const double scale = std::max(b.abs().max().item<double>(), 1e-12);
    return (a - b).abs().max().item<double>() / scale;
}

struct Pass {
    torch::Tensor prediction, embedding, inputGradient;
    std::vector<torch::Tensor> gradients; // the model's parameters', in their order
};

// Forward and backward of one model on x, from the given random state (dropout's draws).
Pass run(SequenceModel &model, const torch::Tensor &x, std::uint64_t seed)
{
    torch::manual_seed(seed);
    model.zero_grad();
    const torch::Tensor input = x.detach().clone().requires_grad_(true);
    const SequenceOutput out = model.forward(input);
    // A loss that weighs every day and every unit of the embedding differently.
    const torch::Tensor weights = torch::linspace(-1.0, 2.0, out.prediction.numel(), x.options()).reshape(out.prediction.sizes());
    ((out.prediction * weights).sum() + out.embedding.pow(2).mean()).backward();
    Pass pass{out.prediction.detach(), out.embedding.detach(), input.grad().detach(), {}};
    for (const auto &p : model.parameters())
        pass.gradients.push_back(p.grad().defined() ? p.grad().detach().clone() : torch::zeros_like(p));
    return pass;
}

std::shared_ptr<SequenceModel> modelOf(ModelKind kind, int hidden, int layers, double dropout, torch::Dtype dtype)
{
    ModelOptions o;
    o.kind = kind;
    o.hidden = hidden;
    o.layers = layers;
    o.dropout = dropout;
    torch::manual_seed(11);
    auto model = makeModel(o, kFeatures, 365);
    model->to(dtype);
    model->train();
    return model;
}

} // namespace

class TestFusedRecurrence : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { torch::set_num_threads(1); }

    void gradientsEqualLibTorchsInDouble_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("batch");
        QTest::addColumn<int>("hidden");
        QTest::addColumn<int>("layers");
        QTest::addColumn<int>("days");
        QTest::addColumn<double>("dropout");
        struct Size {
            int batch, hidden, layers, days;
        };
        // From the smallest to the benchmark's (hidden 8 × 3 layers, batch 4, 365 days) and ours
        // (hidden 64, batch 64), and past the size where the recurrent product goes to BLAS.
        const Size sizes[] = {{1, 1, 1, 1}, {4, 8, 3, 365}, {64, 16, 2, 30}, {2, 128, 1, 40}, {64, 64, 1, 12}, {7, 3, 3, 100}};
        for (const ModelKind kind : {ModelKind::Lstm, ModelKind::Gru, ModelKind::EaLstm})
            for (const Size &s : sizes)
                for (const double dropout : {0.0, 0.3}) {
                    const std::string name = modelName(kind) + " b" + std::to_string(s.batch) + " h" + std::to_string(s.hidden) + " l" +
                        std::to_string(s.layers) + " t" + std::to_string(s.days) + (dropout > 0 ? " dropout" : "");
                    QTest::newRow(name.c_str()) << int(kind) << s.batch << s.hidden << s.layers << s.days << dropout;
                }
    }
    void gradientsEqualLibTorchsInDouble()
    {
        QFETCH(int, kind);
        QFETCH(int, batch);
        QFETCH(int, hidden);
        QFETCH(int, layers);
        QFETCH(int, days);
        QFETCH(double, dropout);
        const auto model = modelOf(ModelKind(kind), hidden, layers, dropout, torch::kDouble);
        torch::manual_seed(5);
        const torch::Tensor x = torch::randn({batch, days, kFeatures}, torch::kDouble);
        model->setKernels(Kernels::LibTorch);
        QCOMPARE(model->kernelsFor(x), Kernels::LibTorch);
        const Pass reference = run(*model, x, 21);
        model->setKernels(Kernels::Fused);
        QCOMPARE(model->kernelsFor(x), Kernels::Fused);
        const Pass fused = run(*model, x, 21);
        QVERIFY2(relativeError(fused.prediction, reference.prediction) <= 1e-10, "forward differs");
        QVERIFY2(relativeError(fused.embedding, reference.embedding) <= 1e-10, "embedding differs");
        QVERIFY2(relativeError(fused.inputGradient, reference.inputGradient) <= 1e-6, "input gradient differs");
        const auto names = model->named_parameters().keys();
        for (std::size_t k = 0; k < reference.gradients.size(); ++k) {
            const double error = relativeError(fused.gradients[k], reference.gradients[k]);
            QVERIFY2(error <= 1e-6, (names[k] + ": relative error " + std::to_string(error)).c_str());
        }
    }

    void forwardEqualsLibTorchsInFloat_data()
    {
        QTest::addColumn<int>("kind");
        for (const ModelKind kind : {ModelKind::Lstm, ModelKind::Gru, ModelKind::EaLstm})
            QTest::newRow(modelName(kind).c_str()) << int(kind);
    }
    void forwardEqualsLibTorchsInFloat()
    {
        QFETCH(int, kind);
        for (const auto &[hidden, layers] : {std::pair{8, 3}, std::pair{64, 1}}) {
            const auto model = modelOf(ModelKind(kind), hidden, layers, 0.0, torch::kFloat);
            model->eval();
            torch::NoGradGuard noGrad;
            torch::manual_seed(6);
            const torch::Tensor x = torch::randn({16, 365, kFeatures});
            model->setKernels(Kernels::LibTorch);
            const SequenceOutput reference = model->forward(x);
            model->setKernels(Kernels::Fused);
            const SequenceOutput fused = model->forward(x);
            const double error = (fused.prediction - reference.prediction).abs().max().item<double>();
            QVERIFY2(error <= 1e-5, ("hidden " + std::to_string(hidden) + ": " + std::to_string(error)).c_str());
            QVERIFY((fused.embedding - reference.embedding).abs().max().item<double>() <= 1e-5);
        }
    }

    // Prediction keeps no tape and shares the batch among threads; training keeps a tape on one
    // thread: both give the same numbers.
    void inferenceEqualsTheRecordedPass()
    {
        torch::set_num_threads(2);
        torch::manual_seed(2);
        const torch::Tensor lstmGates = torch::randn({50, 40, 32}), gruGates = torch::randn({50, 40, 24});
        const torch::Tensor lstmWeight = torch::randn({32, 8}) * 0.3, gruWeight = torch::randn({24, 8}) * 0.3, bias = torch::randn({32});
        const torch::Tensor inputGate = torch::rand({50, 8});
        const std::vector<std::function<torch::Tensor(const torch::Tensor &)>> recurrences = {
            [&](const torch::Tensor &w) { return lstmRecurrence(lstmGates, w, bias); },
            [&](const torch::Tensor &w) { return gruRecurrence(gruGates, w, bias.slice(0, 0, 24)); },
            [&](const torch::Tensor &w) { return eaLstmRecurrence(inputGate, gruGates, w); }};
        for (std::size_t k = 0; k < recurrences.size(); ++k) {
            const torch::Tensor weight = k == 0 ? lstmWeight : gruWeight;
            const torch::Tensor recorded = recurrences[k](weight.clone().requires_grad_(true));
            QVERIFY(recorded.requires_grad());
            torch::Tensor plain;
            {
                torch::NoGradGuard noGrad;
                plain = recurrences[k](weight);
            }
            QVERIFY(!plain.requires_grad());
            QCOMPARE((recorded.detach() - plain).abs().max().item<double>(), 0.0);
        }
    }

    void unsupportedTensorsUseLibTorch()
    {
        const auto model = modelOf(ModelKind::Lstm, 8, 1, 0.0, torch::kFloat);
        QCOMPARE(model->kernelsFor(torch::zeros({1, 2, kFeatures})), Kernels::Fused);
        QCOMPARE(model->kernelsFor(torch::zeros({1, 2, kFeatures}, torch::kHalf)), Kernels::LibTorch);
        QVERIFY(!fusedKernelsTake(torch::zeros({1}, torch::kBFloat16)));
        const auto tcn = modelOf(ModelKind::Tcn, 8, 2, 0.0, torch::kFloat);
        QCOMPARE(tcn->kernelsFor(torch::zeros({1, 2, kFeatures})), Kernels::LibTorch); // one path only
    }
};

QTEST_GUILESS_MAIN(TestFusedRecurrence)
#include "test_fused_recurrence.moc"
