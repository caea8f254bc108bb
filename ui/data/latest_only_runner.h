#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <concepts>
#include <functional>
#include <optional>
#include <utility>

namespace xmw::ui {

// Runs `work` on a worker thread and hands its result to `deliver` on the GUI thread. A request
// made while one runs waits, and a newer one replaces it: results that would already be stale
// (scrubbing through dates, clicking through towers) are never computed, let alone shown.
//
// With `anticipate`, the runner also reads ahead: once a result is delivered it asks what the
// next request will likely be (the next day, when the last two were consecutive days) and works
// that out while the GUI thread draws the last one. Stepping through dates then costs the drawing
// alone. A guess that turns out wrong is dropped; it never reaches `deliver`.
template <typename Request, typename Result>
class LatestOnlyRunner {
public:
    // The request after `current`, given the one before it; nothing when there is no telling.
    using Anticipate = std::function<std::optional<Request>(const Request &previous, const Request &current)>;

    LatestOnlyRunner(QObject *context, std::function<Result(const Request &)> work, std::function<void(const Result &)> deliver,
                     Anticipate anticipate = {})
        : context_(context)
        , work_(std::move(work))
        , deliver_(std::move(deliver))
        , anticipate_(std::move(anticipate))
    {
        QObject::connect(&watcher_, &QFutureWatcher<Result>::finished, context, [this] { onFinished(); });
    }
    LatestOnlyRunner(const LatestOnlyRunner &) = delete;
    LatestOnlyRunner &operator=(const LatestOnlyRunner &) = delete;
    ~LatestOnlyRunner() { watcher_.waitForFinished(); }

    void run(const Request &request)
    {
        previous_ = std::exchange(latest_, request);
        if (ahead_ && same(ahead_->first, request)) {
            // Worked out already: delivered from the event loop, as a computed result would be.
            Result result = std::move(ahead_->second);
            ahead_.reset();
            pending_.reset();
            QTimer::singleShot(0, context_, [this, result = std::move(result)] {
                deliver_(result);
                if (!busy_)
                    readAhead();
            });
            return;
        }
        ahead_.reset();
        if (!busy_) {
            start(request, false);
        } else if (guessing_ && same(running_, request)) {
            // The guess is what is wanted now (it may have finished already, its notice still
            // queued): deliver it when it is handled.
            guessing_ = false;
            pending_.reset();
        } else {
            pending_ = request;
        }
    }

private:
    // Only requests that can be compared can be guessed (see `anticipate`).
    static bool same(const Request &a, const Request &b)
    {
        if constexpr (std::equality_comparable<Request>)
            return a == b;
        else
            return false;
    }

    void start(const Request &request, bool guess)
    {
        busy_ = true;
        running_ = request;
        guessing_ = guess;
        watcher_.setFuture(QtConcurrent::run([work = work_, request] { return work(request); }));
    }

    void onFinished()
    {
        busy_ = false;
        if (pending_) {
            Request next = std::move(*pending_);
            pending_.reset();
            start(next, false);
            return;
        }
        if (guessing_) {
            ahead_.emplace(running_, watcher_.result());
            return;
        }
        deliver_(watcher_.result());
        readAhead();
    }

    void readAhead()
    {
        if (!anticipate_ || !previous_ || !latest_)
            return;
        if (std::optional<Request> next = anticipate_(*previous_, *latest_))
            start(*next, true);
    }

    QObject *context_;
    std::function<Result(const Request &)> work_;
    std::function<void(const Result &)> deliver_;
    Anticipate anticipate_;
    QFutureWatcher<Result> watcher_;
    Request running_{};
    // From start() until onFinished() handles the result: longer than the watcher's isRunning(),
    // which ends before the finished notice has come through the event loop.
    bool busy_ = false;
    bool guessing_ = false;
    std::optional<Request> pending_;
    std::optional<Request> previous_, latest_; // the last two requests asked for
    std::optional<std::pair<Request, Result>> ahead_; // a guess, worked out and not yet asked for
};

} // namespace xmw::ui
