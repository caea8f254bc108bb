#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace xmw::data {

// Bad or missing input. what() reads "<file>: <problem>" (the problem names the line, column or
// variable where one applies), ready to show a user as it is.
class DataError : public std::runtime_error {
public:
    DataError(const std::filesystem::path &file, const std::string &problem)
        : std::runtime_error(file.string() + ": " + problem)
        , file_(file)
    {}

    [[nodiscard]] const std::filesystem::path &file() const { return file_; }

private:
    std::filesystem::path file_;
};

} // namespace xmw::data
