#include "core/data/dataset.h"

#include "core/data/data_error.h"

namespace xmw::data {

Dataset Dataset::open(const std::filesystem::path &root)
{
    std::error_code ec;
    Dataset dataset;
    dataset.root_ = root;
    if (std::filesystem::is_regular_file(root, ec)) { // a single CF NetCDF file: grids only
        dataset.grid_ = GridDataset::open(root);
        return dataset;
    }
    if (!std::filesystem::is_directory(root, ec))
        throw DataError(root, "folder not found");
    if (std::filesystem::is_directory(root / layout::kGridFolder, ec))
        dataset.grid_ = GridDataset::open(root / layout::kGridFolder);
    if (std::filesystem::is_directory(root / layout::kTowerFolder, ec))
        dataset.sites_ = SiteCatalog::open(root / layout::kTowerFolder);
    if (dataset.grid_ && dataset.sites_)
        dataset.sites_->assignClimateTypes(*dataset.grid_);
    if (!dataset.grid_ && !dataset.sites_)
        throw DataError(root,
                        std::string("neither ") + layout::kGridFolder + "/ nor " + layout::kTowerFolder +
                            "/ is in this folder; is it an X-MethaneWet dataset?");
    return dataset;
}

} // namespace xmw::data
