#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace xmw {

// JSON through nlohmann-json, keys in the order they are written (configurations and --json
// outputs are read by people too).
using Json = nlohmann::ordered_json;

// Compact text. NaN and infinities become null (JSON has neither); bytes that are not UTF-8 (a
// path in another encoding) are replaced, not thrown about.
[[nodiscard]] inline std::string toJsonText(const Json &json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

} // namespace xmw
