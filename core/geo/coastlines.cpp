#include "core/geo/coastlines.h"

#include <charconv>
#include <stdexcept>
#include <string>

namespace xmw::geo {

namespace detail {
extern const char *const kCoastlineText;
}

namespace {

std::string_view trim(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r");
    return s.substr(first, last - first + 1);
}

[[noreturn]] void fail(std::size_t lineNumber, const std::string &what)
{
    throw std::runtime_error("coastlines, line " + std::to_string(lineNumber) + ": " + what);
}

template <typename T>
T parseNumber(std::string_view token, std::size_t lineNumber)
{
    T value{};
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec != std::errc{} || end != token.data() + token.size())
        fail(lineNumber, "'" + std::string(token) + "' is not a number");
    return value;
}

} // namespace

const Coastlines &Coastlines::builtIn()
{
    static const Coastlines coastlines = parse(detail::kCoastlineText);
    return coastlines;
}

Coastlines Coastlines::parse(std::string_view text)
{
    Coastlines result;
    std::size_t expected = 0;
    std::size_t lineNumber = 0;
    while (!text.empty()) {
        const auto newline = text.find('\n');
        std::string_view line = trim(text.substr(0, newline));
        text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
        ++lineNumber;
        if (line.empty() || line.front() == '#')
            continue;

        if (line.front() == 'P') {
            if (expected != 0)
                fail(lineNumber, "new ring starts inside the previous one (missing vertices: " + std::to_string(expected) + ")");
            expected = parseNumber<std::size_t>(trim(line.substr(1)), lineNumber);
            if (expected < 3)
                fail(lineNumber, "a ring needs at least 3 vertices");
            result.rings_.emplace_back().reserve(expected);
            continue;
        }
        if (expected == 0)
            fail(lineNumber, "vertex outside a ring (missing 'P <count>' header)");
        const auto space = line.find_first_of(" \t");
        if (space == std::string_view::npos)
            fail(lineNumber, "expected 'lat lon'");
        const GeoPoint p{parseNumber<double>(trim(line.substr(0, space)), lineNumber),
                         parseNumber<double>(trim(line.substr(space + 1)), lineNumber)};
        if (p.lat < -90.0 || p.lat > 90.0 || p.lon < -180.0 || p.lon > 180.0)
            fail(lineNumber, "coordinates out of range");
        result.rings_.back().push_back(p);
        --expected;
    }
    if (expected != 0)
        fail(lineNumber, "text ends inside a ring (missing vertices: " + std::to_string(expected) + ")");
    return result;
}

} // namespace xmw::geo
