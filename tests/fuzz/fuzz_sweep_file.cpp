// Fuzz target: the sweep file reader (learn::parseSweep). Any text gives a plan or a DataError
// naming the file; nothing else may escape, and a plan's run names are unique.

#include "core/data/data_error.h"
#include "core/learn/sweep.h"

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    try {
        const auto plan = xmw::learn::parseSweep(text, "fuzz.json", std::filesystem::path("/nonexistent/dataset"));
        std::set<std::string> names;
        for (const auto &run : plan.runs)
            if (!names.insert(run.name).second || (run.pretrained && *run.pretrained >= plan.runs.size()))
                __builtin_trap();
    } catch (const xmw::data::DataError &) {}
    return 0;
}
