#pragma once

#include "core/data/grid_dataset.h"
#include "core/data/site_catalog.h"

#include <filesystem>
#include <optional>

namespace xmw::data {

// A dataset folder in the X-MethaneWet layout: TEM-MDM/ and FLUXNET-CH4/, either of which may be
// absent (a user may open only tower files, or only grids), though not both. A single CF NetCDF
// file opens as a dataset with grids only.
class Dataset {
public:
    [[nodiscard]] static Dataset open(const std::filesystem::path &root);

    [[nodiscard]] const std::filesystem::path &root() const { return root_; }
    [[nodiscard]] const std::optional<GridDataset> &grid() const { return grid_; }
    [[nodiscard]] const std::optional<SiteCatalog> &sites() const { return sites_; }

private:
    std::filesystem::path root_;
    std::optional<GridDataset> grid_;
    std::optional<SiteCatalog> sites_;
};

} // namespace xmw::data
