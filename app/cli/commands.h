#pragma once

#include <string_view>
#include <vector>

namespace xmw::cli {

using Arguments = std::vector<std::string_view>;

int makeDemo(const Arguments &args);
int info(const Arguments &args);
int sites(const Arguments &args);
int series(const Arguments &args);
int samples(const Arguments &args);
int bench(const Arguments &args);
int train(const Arguments &args);
int runs(const Arguments &args);
int predict(const Arguments &args);
int compare(const Arguments &args);
int upscale(const Arguments &args);
int budget(const Arguments &args);
int sweep(const Arguments &args);
int report(const Arguments &args);
int launch(const Arguments &args);

} // namespace xmw::cli
