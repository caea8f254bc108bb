#pragma once

#include <string>
#include <vector>

namespace xmw {

struct LibraryInfo {
    std::string name;
    std::string version;
    std::string licence;
};

// Libraries linked into xmw_core, with the versions found at run time where the library reports one.
[[nodiscard]] std::vector<LibraryInfo> coreLibraries();

// One line describing where LibTorch can compute: "CPU" or "CPU, CUDA (n devices)".
[[nodiscard]] std::string computeDevices();

} // namespace xmw
