#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace xmw {

// The candidate a mistyped word most likely meant ("lstn" → "lstm"), by edit distance, when one is
// close enough (1 edit for words of up to 3 letters, else 2: "trian" is 2 from "train"); empty otherwise.
[[nodiscard]] inline std::string nearest(std::string_view word, const std::vector<std::string> &candidates)
{
    const auto distance = [](std::string_view a, std::string_view b) {
        std::vector<std::size_t> row(b.size() + 1);
        for (std::size_t j = 0; j <= b.size(); ++j)
            row[j] = j;
        for (std::size_t i = 1; i <= a.size(); ++i) {
            std::size_t diagonal = row[0];
            row[0] = i;
            for (std::size_t j = 1; j <= b.size(); ++j) {
                const std::size_t above = row[j];
                row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
                diagonal = above;
            }
        }
        return row[b.size()];
    };
    const std::size_t limit = word.size() <= 3 ? 1 : 2;
    std::string best;
    std::size_t bestDistance = limit + 1;
    for (const auto &candidate : candidates)
        if (const std::size_t d = distance(word, candidate); d < bestDistance)
            best = candidate, bestDistance = d;
    return best;
}

} // namespace xmw
