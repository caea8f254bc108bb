#pragma once

#include "core/nearest_name.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace xmw::cli {

// A mistake on the command line: printed with the command's usage, exit status 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

using xmw::nearest;

// " (did you mean 'x'?)" when a candidate is near, else empty: for the end of an error message.
[[nodiscard]] inline std::string didYouMean(std::string_view word, const std::vector<std::string> &candidates)
{
    const std::string guess = nearest(word, candidates);
    return guess.empty() ? std::string() : " (did you mean '" + guess + "'?)";
}

// "--name value", "--name=value" and boolean "--flag" options, and positional arguments.
class Args {
public:
    Args(const std::vector<std::string_view> &raw, const std::set<std::string> &valued, const std::set<std::string> &flags)
    {
        for (std::size_t i = 0; i < raw.size(); ++i) {
            const std::string arg(raw[i]);
            if (!arg.starts_with("--")) {
                positional_.push_back(arg);
                continue;
            }
            std::string name = arg.substr(2), value;
            const auto equals = name.find('=');
            const bool inlineValue = equals != std::string::npos;
            if (inlineValue) {
                value = name.substr(equals + 1);
                name.erase(equals);
            }
            if (flags.count(name)) {
                if (inlineValue)
                    throw UsageError("--" + name + " takes no value");
                flags_.insert(name);
            } else if (valued.count(name)) {
                if (!inlineValue) {
                    if (i + 1 >= raw.size())
                        throw UsageError("--" + name + " needs a value");
                    value = std::string(raw[++i]);
                }
                options_[name] = value;
                repeated_[name].push_back(value);
            } else {
                std::vector<std::string> known(valued.begin(), valued.end());
                known.insert(known.end(), flags.begin(), flags.end());
                const std::string guess = nearest(name, known);
                throw UsageError("unknown option --" + name + (guess.empty() ? std::string() : " (did you mean --" + guess + "?)"));
            }
        }
    }

    [[nodiscard]] const std::vector<std::string> &positional() const { return positional_; }
    [[nodiscard]] bool flag(const std::string &name) const { return flags_.count(name) != 0; }
    [[nodiscard]] std::optional<std::string> option(const std::string &name) const
    {
        const auto it = options_.find(name);
        return it == options_.end() ? std::nullopt : std::optional(it->second);
    }

    // Every value of an option that may be given more than once ("--run a.nc --run b.nc"), in order.
    [[nodiscard]] std::vector<std::string> values(const std::string &name) const
    {
        const auto it = repeated_.find(name);
        return it == repeated_.end() ? std::vector<std::string>() : it->second;
    }

    [[nodiscard]] double number(const std::string &name, double fallback) const
    {
        const auto text = option(name);
        if (!text)
            return fallback;
        try {
            std::size_t used = 0;
            const double value = std::stod(*text, &used);
            if (used == text->size())
                return value;
        } catch (const std::exception &) {}
        throw UsageError("--" + name + " expects a number, got '" + *text + "'");
    }

    // A whole number within [min, max]: "1.5" or "3x" is refused, not cut to 1 or 3.
    [[nodiscard]] int integer(const std::string &name, int fallback, int min, int max) const
    {
        const auto text = option(name);
        if (!text)
            return fallback;
        long value = 0;
        std::size_t used = 0;
        try {
            value = std::stol(*text, &used);
        } catch (const std::exception &) {
            used = 0;
        }
        if (used == 0 || used != text->size())
            throw UsageError("--" + name + " expects a whole number, got '" + *text + "'");
        if (value < min || value > max)
            throw UsageError("--" + name + " must be in " + std::to_string(min) + "…" + std::to_string(max) + ", got " + *text);
        return int(value);
    }

    // A number within [min, max] (bounds included).
    [[nodiscard]] double number(const std::string &name, double fallback, double min, double max) const
    {
        const double value = number(name, fallback);
        if (option(name) && !(value >= min && value <= max)) {
            char range[96];
            std::snprintf(range, sizeof range, "%g…%g", min, max);
            throw UsageError("--" + name + " must be in " + range + ", got " + *option(name));
        }
        return value;
    }

    // "Y1-Y2" or "Y".
    [[nodiscard]] std::optional<std::pair<int, int>> yearRange(const std::string &name) const
    {
        const auto text = option(name);
        if (!text)
            return std::nullopt;
        int first = 0, last = 0;
        char dash = 0, extra = 0;
        const int n = std::sscanf(text->c_str(), "%d%c%d%c", &first, &dash, &last, &extra);
        if (n == 1)
            return std::pair(first, first);
        if (n == 3 && dash == '-' && first <= last)
            return std::pair(first, last);
        throw UsageError("--" + name + " expects YEAR or FIRST-LAST, got '" + *text + "'");
    }

private:
    std::vector<std::string> positional_;
    std::map<std::string, std::string> options_; // the last value of each
    std::map<std::string, std::vector<std::string>> repeated_;
    std::set<std::string> flags_;
};

} // namespace xmw::cli
