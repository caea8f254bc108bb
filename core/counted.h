#pragma once

#include <cstdint>
#include <string>

namespace xmw {

// "1 epoch", "3 epochs": a count with its noun in English messages (the CLI and core's own; the
// explorer's go through Qt's %n plurals). `many` defaults to `one` + "s".
[[nodiscard]] inline std::string counted(std::uint64_t n, const std::string &one, const std::string &many = {})
{
    return std::to_string(n) + " " + (n == 1 ? one : many.empty() ? one + "s" : many);
}

} // namespace xmw
