#pragma once

#include <string>
#include <vector>

namespace xmw::cli {

struct ChildRun {
    std::string output; // stdout
    std::string errors; // stderr
    double peakMegabytes = 0;
};

// Runs this program afresh with `args` and XMW_REPORT_MEMORY=1, so the child reports its own peak
// resident memory: rusage cannot tell, since Linux folds the parent's high-water mark into a
// child's ru_maxrss at exec. Throws, with the child's stderr, if it fails.
[[nodiscard]] ChildRun runSelf(const std::vector<std::string> &args);

} // namespace xmw::cli
