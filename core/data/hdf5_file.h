#pragma once

#include "core/data/data_error.h"

#include <hdf5.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace xmw::data {

// Thin RAII helpers over the HDF5 C API for the files the engine writes (samples, runs). Callers
// hold hdf5Lock() around every use. Failures become DataError naming the file and the object.

// An HDF5 identifier closed by the right H5*close when it goes out of scope.
class H5Handle {
public:
    H5Handle(hid_t id, herr_t (*close)(hid_t))
        : id_(id)
        , close_(close)
    {}
    H5Handle(const H5Handle &) = delete;
    H5Handle &operator=(const H5Handle &) = delete;
    ~H5Handle()
    {
        if (id_ >= 0)
            close_(id_);
    }
    operator hid_t() const { return id_; }
    [[nodiscard]] bool valid() const { return id_ >= 0; }

private:
    hid_t id_;
    herr_t (*close_)(hid_t);
};

// Variable-length UTF-8 strings, on disk and in memory alike: HDF5 does not convert between
// character sets, so readers must ask for exactly what writers store.
[[nodiscard]] hid_t makeStringType();

// Builds an HDF5 file in memory (HDF5's core driver) and writes it out in one checked write by
// save(): a full disk then fails that write, cleanly. Written straight to disk, a failed flush
// leaves HDF5 with a half-closed file that crashes the process when the library shuts down.
class H5Writer {
public:
    // `file` is where save() writes; messages name `reportAs` (the final name, not the partial one).
    H5Writer(const std::filesystem::path &file, const std::filesystem::path &reportAs);

    void save();

    [[nodiscard]] hid_t file() const { return file_; }
    // A new group; `name` may be a path below an existing group ("model/fold_0").
    hid_t group(const std::string &name);

    // Compressed and chunked along the first dimension when it has more than one.
    template <typename T>
    void array(hid_t where, const std::string &name, hid_t type, const std::vector<hsize_t> &dims, const T *data,
               const std::function<void(hid_t)> &decorate = {})
    {
        writeArray(where, name, type, dims, static_cast<const void *>(data), decorate);
    }
    void strings(hid_t where, const std::string &name, const std::vector<std::string> &values);
    void bytes(hid_t where, const std::string &name, const std::string &data);

    void textAttribute(hid_t where, const std::string &name, const std::string &text);
    void textListAttribute(hid_t where, const std::string &name, const std::vector<std::string> &texts);
    void numberAttribute(hid_t where, const std::string &name, double value);

    void check(bool ok, const std::string &what) const;

private:
    void writeArray(hid_t where, const std::string &name, hid_t type, const std::vector<hsize_t> &dims, const void *data,
                    const std::function<void(hid_t)> &decorate);

    std::filesystem::path target_, path_; // where save() writes; what messages name
    H5Handle file_;
    std::vector<std::unique_ptr<H5Handle>> groups_;
};

class H5Reader {
public:
    explicit H5Reader(const std::filesystem::path &path);

    // Whether a group or dataset exists, by its path from the root ("test/measured").
    [[nodiscard]] bool exists(const std::string &path) const;

    template <typename T>
    [[nodiscard]] std::vector<T> array(const std::string &name, hid_t type) const
    {
        std::vector<T> values(count(name, sizeof(T)));
        readArray(name, type, values.data(), values.size());
        return values;
    }
    [[nodiscard]] std::vector<std::string> strings(const std::string &name) const;
    [[nodiscard]] std::string bytes(const std::string &name) const;
    // Names of the members of a group, in HDF5's (alphabetical) order.
    [[nodiscard]] std::vector<std::string> members(const std::string &group) const;

    // Attributes of the object at `object` ("/" is the file).
    [[nodiscard]] std::optional<std::string> textAttribute(const std::string &name, const std::string &object = "/") const;
    [[nodiscard]] std::optional<double> numberAttribute(const std::string &name, const std::string &object = "/") const;

    [[noreturn]] void fail(const std::string &problem) const { throw DataError(path_, problem); }

private:
    // The number of values of a dataset, refused when more than its stored bytes can hold.
    [[nodiscard]] std::size_t count(const std::string &name, std::size_t elementSize) const;
    void readArray(const std::string &name, hid_t type, void *out, std::size_t n) const;

    std::filesystem::path path_;
    H5Handle file_;
};

} // namespace xmw::data
