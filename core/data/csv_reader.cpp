#include "core/data/csv_reader.h"

#include "core/data/data_error.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>

namespace xmw::data {

namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// Splits one line; a field may be quoted ("a, b"), with "" for a quote inside.
bool splitLine(std::string_view line, std::vector<std::string> &out)
{
    out.clear();
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            out.emplace_back(trim(field));
            field.clear();
        } else {
            field += c;
        }
    }
    out.emplace_back(trim(field));
    return !quoted;
}

} // namespace

CsvReader::CsvReader(const std::filesystem::path &path)
    : path_(path)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw DataError(path, "file not found");
    auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*file)
        throw DataError(path, "cannot be opened for reading");
    in_ = std::move(file);
    readHeader();
}

CsvReader::CsvReader(std::unique_ptr<std::istream> in, const std::filesystem::path &sourceName)
    : path_(sourceName)
    , in_(std::move(in))
{
    readHeader();
}

void CsvReader::readHeader()
{
    if (!readRecord())
        throw DataError(path_, "empty file (no header line)");
    header_ = fields_;
    if (!header_.empty() && header_.front().starts_with("\xEF\xBB\xBF")) // UTF-8 byte-order mark
        header_.front().erase(0, 3);
}

bool CsvReader::readRecord()
{
    while (std::getline(*in_, line_)) {
        ++lineNumber_;
        if (trim(line_).empty())
            continue;
        if (!splitLine(line_, fields_))
            fail("unterminated quoted field");
        return true;
    }
    return false;
}

std::optional<std::size_t> CsvReader::column(std::string_view name) const
{
    for (std::size_t i = 0; i < header_.size(); ++i)
        if (header_[i] == name)
            return i;
    return std::nullopt;
}

std::size_t CsvReader::requireColumn(std::string_view name) const
{
    if (const auto index = column(name))
        return *index;
    throw DataError(path_, "no column named '" + std::string(name) + "'");
}

bool CsvReader::next()
{
    if (!readRecord())
        return false;
    if (fields_.size() != header_.size())
        fail(std::to_string(fields_.size()) + " fields where the header has " + std::to_string(header_.size()) +
             " (ragged or truncated row)");
    return true;
}

double CsvReader::number(std::size_t column) const
{
    const std::string_view text = fields_[column];
    if (text.empty() || text == "NA" || text == "NaN" || text == "nan")
        return std::numeric_limits<double>::quiet_NaN();
    double value = 0.0;
    const char *begin = text.data() + (text.front() == '+' ? 1 : 0);
    const auto [end, ec] = std::from_chars(begin, text.data() + text.size(), value);
    if (ec == std::errc::result_out_of_range || (ec == std::errc{} && std::isfinite(value) && std::abs(value) > kLargest))
        fail("column " + header_[column] + ": '" + std::string(text) + "' is out of range");
    if (ec != std::errc{} || end != text.data() + text.size())
        fail("column " + header_[column] + ": '" + std::string(text) + "' is not a number");
    if (!std::isfinite(value)) // "inf", "Infinity": no instrument measures that; a broken export does
        fail("column " + header_[column] + ": '" + std::string(text) + "' is not a finite number");
    if (value == -9999.0)
        return std::numeric_limits<double>::quiet_NaN();
    return value;
}

void CsvReader::fail(const std::string &problem) const { throw DataError(path_, "line " + std::to_string(lineNumber_) + ": " + problem); }

} // namespace xmw::data
