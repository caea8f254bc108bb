// The fused attention kernel against LibTorch's operations: the same function and the same
// gradients, alone and inside the models that use it, with and without a mask.
#include "core/learn/fused_attention.h"
#include "core/learn/sequence_model.h"

#include <QTest>

using namespace xmw::learn;

namespace {

constexpr int kFeatures = 15;

double relativeError(const torch::Tensor &a, const torch::Tensor &b)
{
    const double scale = std::max(b.abs().max().item<double>(), 1e-12);
    return (a - b).abs().max().item<double>() / scale;
}

// softmax(q·kᵀ/√d, masked)·v as LibTorch's operations compute it.
torch::Tensor reference(const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v, const torch::Tensor &blocked)
{
    torch::Tensor scores = (q / std::sqrt(double(q.size(-1)))).matmul(k.transpose(-2, -1));
    if (blocked.defined())
        scores = scores.masked_fill(blocked, -std::numeric_limits<double>::infinity());
    return torch::softmax(scores, -1).matmul(v);
}

// A mask like Pyraformer's: every query sees itself (or key 0) and a random share of the rest.
torch::Tensor randomMask(int64_t queries, int64_t keys)
{
    torch::Tensor blocked = torch::rand({queries, keys}) < 0.7;
    for (int64_t i = 0; i < queries; ++i)
        blocked[i][std::min(i, keys - 1)] = false;
    return blocked;
}

struct Gradients {
    torch::Tensor out, q, k, v;
};

template <typename Attention>
Gradients differentiate(Attention attention, const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v)
{
    torch::Tensor a = q.detach().clone().requires_grad_(true), b = k.detach().clone().requires_grad_(true),
                  c = v.detach().clone().requires_grad_(true);
    const torch::Tensor out = attention(a, b, c);
    const torch::Tensor weights = torch::linspace(-1.0, 2.0, out.numel(), out.options()).reshape(out.sizes());
    (out * weights).sum().backward();
    return {out.detach(), a.grad(), b.grad(), c.grad()};
}

std::shared_ptr<SequenceModel> modelOf(ModelKind kind, int hidden, int layers, double dropout, torch::Dtype dtype)
{
    ModelOptions o;
    o.kind = kind;
    o.hidden = hidden;
    o.layers = layers;
    o.heads = 4;
    o.dropout = dropout;
    torch::manual_seed(11);
    auto model = makeModel(o, kFeatures, 365);
    // Module::to(dtype) would also turn Pyraformer's index buffer into floats.
    for (auto &p : model->parameters())
        p.set_data(p.to(dtype));
    for (auto &b : model->buffers())
        if (b.is_floating_point())
            b.set_data(b.to(dtype));
    model->train();
    return model;
}

} // namespace

class TestFusedAttention : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { torch::set_num_threads(1); }

    void gradientsEqualLibTorchsInDouble_data()
    {
        QTest::addColumn<int>("batch");
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("queries");
        QTest::addColumn<int>("keys");
        QTest::addColumn<int>("depth");
        QTest::addColumn<bool>("masked");
        // From the smallest to the benchmark's (d_model 8 in 4 heads over 365 days, batch 4),
        // Pyraformer's 483 nodes with their mask, and lengths that are no multiple of the lanes.
        QTest::newRow("b1 h1 t1 d1") << 1 << 1 << 1 << 1 << 1 << false;
        QTest::newRow("b4 h4 t365 d2") << 4 << 4 << 365 << 365 << 2 << false;
        QTest::newRow("b2 h4 t483 d2 masked") << 2 << 4 << 483 << 483 << 2 << true;
        QTest::newRow("b3 h2 t16 d8") << 3 << 2 << 16 << 16 << 8 << false;
        QTest::newRow("b1 h3 t40 s25 d16 masked") << 1 << 3 << 40 << 25 << 16 << true;
        QTest::newRow("b2 h1 t9 s7 d3 masked") << 2 << 1 << 9 << 7 << 3 << true;
    }
    void gradientsEqualLibTorchsInDouble()
    {
        QFETCH(int, batch);
        QFETCH(int, heads);
        QFETCH(int, queries);
        QFETCH(int, keys);
        QFETCH(int, depth);
        QFETCH(bool, masked);
        torch::manual_seed(3);
        const auto o = torch::TensorOptions().dtype(torch::kDouble);
        // Queries as the models give them: a transposed view of B × T × h × d.
        const torch::Tensor q = torch::randn({batch, queries, heads, depth}, o).transpose(1, 2) * 2;
        const torch::Tensor k = torch::randn({batch, keys, heads, depth}, o).transpose(1, 2);
        const torch::Tensor v = torch::randn({batch, heads, keys, depth}, o);
        const torch::Tensor blocked = masked ? randomMask(queries, keys) : torch::Tensor();
        const Gradients expected = differentiate([&](auto a, auto b, auto c) { return reference(a, b, c, blocked); }, q, k, v);
        const Gradients fused = differentiate([&](auto a, auto b, auto c) { return fusedAttention(a, b, c, blocked); }, q, k, v);
        QCOMPARE(fused.out.sizes(), expected.out.sizes());
        QVERIFY2(relativeError(fused.out, expected.out) <= 1e-10, "forward differs");
        for (const auto &[name, a, b] :
             {std::tuple{"q", fused.q, expected.q}, std::tuple{"k", fused.k, expected.k}, std::tuple{"v", fused.v, expected.v}}) {
            const double error = relativeError(a, b);
            QVERIFY2(error <= 1e-6, (std::string(name) + ": relative error " + std::to_string(error)).c_str());
        }
    }

    void forwardEqualsLibTorchsInFloat()
    {
        torch::manual_seed(4);
        for (const bool masked : {false, true}) {
            const torch::Tensor q = torch::randn({4, 4, 365, 2}) * 3, k = torch::randn({4, 4, 365, 2}), v = torch::randn({4, 4, 365, 2});
            const torch::Tensor blocked = masked ? randomMask(365, 365) : torch::Tensor();
            torch::NoGradGuard noGrad;
            const double error = (fusedAttention(q, k, v, blocked) - reference(q, k, v, blocked)).abs().max().item<double>();
            QVERIFY2(error <= 1e-5, std::to_string(error).c_str());
        }
    }

    // LibTorch's softmax of a row of −∞ is NaN; a query that may look at nothing gets zeros, and
    // so does its gradient.
    void aQueryThatSeesNothingGetsZeros()
    {
        torch::manual_seed(5);
        const torch::Tensor q = torch::randn({1, 1, 3, 2}, torch::kDouble), k = torch::randn({1, 1, 4, 2}, torch::kDouble);
        torch::Tensor blocked = torch::zeros({3, 4}, torch::kBool);
        blocked[1].fill_(true);
        const Gradients g = differentiate([&](auto a, auto b, auto c) { return fusedAttention(a, b, c, blocked); }, q, k, k);
        QCOMPARE(g.out[0][0][1].abs().sum().item<double>(), 0.0);
        QCOMPARE(g.q[0][0][1].abs().sum().item<double>(), 0.0);
        QVERIFY(torch::isfinite(g.k).all().item<bool>());
        QVERIFY(g.out[0][0][0].abs().sum().item<double>() > 0);
    }

    void inferenceEqualsTheRecordedPass()
    {
        torch::set_num_threads(2);
        torch::manual_seed(6);
        const torch::Tensor q = torch::randn({5, 4, 100, 2}), k = torch::randn({5, 4, 100, 2}), v = torch::randn({5, 4, 100, 2});
        const torch::Tensor recorded = fusedAttention(q.clone().requires_grad_(true), k, v, {});
        QVERIFY(recorded.requires_grad());
        torch::NoGradGuard noGrad;
        const torch::Tensor plain = fusedAttention(q, k, v, {});
        QVERIFY(!plain.requires_grad());
        QCOMPARE((recorded.detach() - plain).abs().max().item<double>(), 0.0);
    }

    // The models that use full attention train the same on either path: every parameter's
    // gradient, with dropout drawing the same masks.
    void modelsGiveLibTorchsGradients_data()
    {
        QTest::addColumn<int>("kind");
        for (const ModelKind kind : {ModelKind::Transformer, ModelKind::ITransformer, ModelKind::Pyraformer})
            QTest::newRow(modelName(kind).c_str()) << int(kind);
    }
    void modelsGiveLibTorchsGradients()
    {
        QFETCH(int, kind);
        const auto model = modelOf(ModelKind(kind), 8, 3, 0.2, torch::kDouble);
        torch::manual_seed(7);
        const torch::Tensor x = torch::randn({4, 365, kFeatures}, torch::kDouble);
        std::vector<std::vector<torch::Tensor>> gradients;
        std::vector<torch::Tensor> predictions;
        for (const Kernels kernels : {Kernels::LibTorch, Kernels::Fused}) {
            model->setKernels(kernels);
            QCOMPARE(model->kernelsFor(x), kernels);
            torch::manual_seed(21);
            model->zero_grad();
            const SequenceOutput out = model->forward(x);
            const torch::Tensor weights = torch::linspace(-1.0, 2.0, out.prediction.numel(), x.options()).reshape(out.prediction.sizes());
            ((out.prediction * weights).sum() + out.embedding.pow(2).mean()).backward();
            predictions.push_back(out.prediction.detach());
            gradients.emplace_back();
            for (const auto &p : model->parameters())
                gradients.back().push_back(p.grad().defined() ? p.grad().clone() : torch::zeros_like(p));
        }
        QVERIFY2(relativeError(predictions[1], predictions[0]) <= 1e-10, "forward differs");
        // The keys' bias has no gradient (adding q·b to every score of a row leaves its softmax
        // as it is): both paths give rounding noise there, which is compared with the others' scale.
        double largest = 0;
        for (const auto &g : gradients[0])
            largest = std::max(largest, g.abs().max().item<double>());
        const auto names = model->named_parameters().keys();
        for (std::size_t k = 0; k < gradients[0].size(); ++k) {
            const double scale = std::max(gradients[0][k].abs().max().item<double>(), 1e-9 * largest);
            const double error = (gradients[1][k] - gradients[0][k]).abs().max().item<double>() / scale;
            QVERIFY2(error <= 1e-6, (names[k] + ": relative error " + std::to_string(error)).c_str());
        }
    }

    void informerKeepsOnePath()
    {
        const auto informer = modelOf(ModelKind::Informer, 8, 2, 0.0, torch::kFloat);
        QCOMPARE(informer->kernelsFor(torch::zeros({1, 2, kFeatures})), Kernels::LibTorch);
        const auto transformer = modelOf(ModelKind::Transformer, 8, 2, 0.0, torch::kFloat);
        QCOMPARE(transformer->kernelsFor(torch::zeros({1, 2, kFeatures}, torch::kHalf)), Kernels::LibTorch);
    }
};

QTEST_GUILESS_MAIN(TestFusedAttention)
#include "test_fused_attention.moc"
