#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <optional>
#include <utility>

namespace xmw::ui {

// Runs `work` on a worker thread and hands its result to `deliver` on the GUI thread. A request
// made while one runs waits, and a newer one replaces it: results that would already be stale
// (scrubbing through dates, clicking through towers) are never computed, let alone shown.
template <typename Request, typename Result>
class LatestOnlyRunner {
public:
    LatestOnlyRunner(QObject *context, std::function<Result(const Request &)> work, std::function<void(const Result &)> deliver)
        : work_(std::move(work))
        , deliver_(std::move(deliver))
    {
        QObject::connect(&watcher_, &QFutureWatcher<Result>::finished, context, [this] {
            if (pending_) {
                Request next = std::move(*pending_);
                pending_.reset();
                start(next);
                return;
            }
            deliver_(watcher_.result());
        });
    }
    LatestOnlyRunner(const LatestOnlyRunner &) = delete;
    LatestOnlyRunner &operator=(const LatestOnlyRunner &) = delete;
    ~LatestOnlyRunner() { watcher_.waitForFinished(); }

    void run(const Request &request)
    {
        if (watcher_.isRunning())
            pending_ = request;
        else
            start(request);
    }

private:
    void start(const Request &request)
    {
        watcher_.setFuture(QtConcurrent::run([work = work_, request] { return work(request); }));
    }

    std::function<Result(const Request &)> work_;
    std::function<void(const Result &)> deliver_;
    QFutureWatcher<Result> watcher_;
    std::optional<Request> pending_;
};

} // namespace xmw::ui
