#include "core/data/hdf5_lock.h"

#include <hdf5.h>

namespace xmw::data {

std::unique_lock<std::recursive_mutex> hdf5Lock()
{
    static std::recursive_mutex mutex;
    std::unique_lock lock(mutex);
    thread_local bool silenced = false;
    if (!silenced) {
        H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
        silenced = true;
    }
    return lock;
}

} // namespace xmw::data
