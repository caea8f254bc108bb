#pragma once

#include <cstdint>
#include <string>

namespace xmw {

// "1 epoch", "3 epochs": a count with its noun in English messages (the CLI and core's own; the
// explorer's go through Qt's %n plurals). Every noun used so far takes a plain "s".
[[nodiscard]] inline std::string counted(std::uint64_t n, const std::string &one)
{
    return std::to_string(n) + " " + (n == 1 ? one : one + "s");
}

} // namespace xmw
