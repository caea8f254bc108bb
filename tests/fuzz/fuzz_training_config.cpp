// Fuzz target: TrainingConfig::fromJson, the reader of the configuration JSON that checkpoints and
// run files keep. Text that is not a configuration gives no value; it must never throw or crash.

#include "core/learn/training_config.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    if (const auto config = xmw::learn::TrainingConfig::fromJson(text)) {
        // What was read must write back and read again as the same configuration.
        const auto again = xmw::learn::TrainingConfig::fromJson(config->toJson());
        if (!again || again->toJson() != config->toJson())
            __builtin_trap();
    }
    return 0;
}
