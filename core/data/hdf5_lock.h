#pragma once

#include <mutex>

namespace xmw::data {

// Debian's NetCDF-C and HDF5 are not built thread-safe: every call into either goes through this
// one lock, so that data may be read and written from worker threads (one at a time). Taking it
// also turns off HDF5's automatic error printing for the calling thread (HDF5 keeps its error
// stack per thread, and NetCDF-C silences it only on the thread that initialised it); return
// codes carry the errors.
[[nodiscard]] std::unique_lock<std::recursive_mutex> hdf5Lock();

} // namespace xmw::data
