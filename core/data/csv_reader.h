#pragma once

#include <filesystem>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xmw::data {

// Reads a comma-separated file row by row, with a header line naming the columns. Columns are
// found by name, never by position. Every error names the file, and the line where one applies.
class CsvReader {
public:
    explicit CsvReader(const std::filesystem::path &path);
    // Text already in memory; `sourceName` stands for the file in messages.
    CsvReader(std::unique_ptr<std::istream> in, const std::filesystem::path &sourceName);

    [[nodiscard]] const std::filesystem::path &path() const { return path_; }
    [[nodiscard]] const std::vector<std::string> &header() const { return header_; }
    [[nodiscard]] std::optional<std::size_t> column(std::string_view name) const;
    [[nodiscard]] std::size_t requireColumn(std::string_view name) const;

    // Moves to the next data row; false at the end. Blank lines are skipped; a row with another
    // number of fields than the header (a ragged or truncated line) is an error.
    bool next();
    [[nodiscard]] std::size_t lineNumber() const { return lineNumber_; }
    [[nodiscard]] std::string_view field(std::size_t column) const { return fields_[column]; }

    // The field as a number. Empty, "NA", "NaN" and the FLUXNET fill value −9999 read as NaN;
    // anything else that is not a finite number within float's range (every value ends up as a
    // float) is an error naming the line and column.
    [[nodiscard]] double number(std::size_t column) const;

    [[noreturn]] void fail(const std::string &problem) const;

    static constexpr double kLargest = 3.4e38; // float's range

private:
    bool readRecord();
    void readHeader();

    std::filesystem::path path_;
    std::unique_ptr<std::istream> in_;
    std::string line_;
    std::vector<std::string> header_;
    std::vector<std::string> fields_;
    std::size_t lineNumber_ = 0;
};

} // namespace xmw::data
