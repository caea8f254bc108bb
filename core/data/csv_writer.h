#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace xmw::data {

// One CSV field as RFC 4180 wants it: quoted when it holds a comma, a quote or a line break
// (quotes doubled), as is otherwise. Every CSV writer goes through here, so that a site id, a run
// name or a cell label with a comma never shifts the columns of a row.
[[nodiscard]] inline std::string csvField(std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

// A whole row, fields quoted as needed, without the line end.
[[nodiscard]] inline std::string csvRow(const std::vector<std::string> &fields)
{
    std::string row;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i)
            row += ',';
        row += csvField(fields[i]);
    }
    return row;
}

} // namespace xmw::data
