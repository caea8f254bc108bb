// Fuzz target: CsvReader on arbitrary text: every row, every field as a number.

#include "core/data/csv_reader.h"
#include "fuzz_support.h"

#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    xmw::fuzz::acceptDataErrors([&] {
        auto text = std::make_unique<std::istringstream>(std::string(reinterpret_cast<const char *>(data), size));
        xmw::data::CsvReader csv(std::move(text), "fuzz.csv");
        (void)csv.column("TIMESTAMP");
        while (csv.next())
            for (std::size_t c = 0; c < csv.header().size(); ++c)
                (void)csv.number(c);
    });
    return 0;
}
