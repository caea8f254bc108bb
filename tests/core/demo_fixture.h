#pragma once

#include "core/data/demo_generator.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>
#include <string>

// A small demo dataset made once per test program: 6° grid, 2015–2016 (2016 is a leap year).
class DemoFixture {
public:
    DemoFixture()
    {
        xmw::Feedback quiet;
        xmw::data::DemoOptions options;
        options.resolution = 6.0;
        options.firstYear = 2015;
        options.lastYear = 2016;
        options.seed = 7;
        root_ = std::filesystem::path(dir_.path().toStdString()) / "demo";
        xmw::data::makeDemoDataset(root_, options, quiet);
    }

    [[nodiscard]] const std::filesystem::path &root() const { return root_; }
    [[nodiscard]] std::filesystem::path scratch(const std::string &name) const
    {
        return std::filesystem::path(dir_.path().toStdString()) / name;
    }

    // A copy of the dataset to damage.
    [[nodiscard]] std::filesystem::path copy(const std::string &name) const
    {
        const auto target = scratch(name);
        std::filesystem::copy(root_, target, std::filesystem::copy_options::recursive);
        return target;
    }

    static void writeText(const std::filesystem::path &path, const std::string &text) { std::ofstream(path, std::ios::trunc) << text; }

private:
    QTemporaryDir dir_;
    std::filesystem::path root_;
};

// QVERIFY that `expression` throws a DataError whose message contains every given fragment.
#define XMW_VERIFY_DATA_ERROR(expression, ...)                                                                                             \
    do {                                                                                                                                   \
        try {                                                                                                                              \
            (void)(expression);                                                                                                            \
            QFAIL("no DataError from " #expression);                                                                                       \
        } catch (const xmw::data::DataError &error_) {                                                                                     \
            for (const char *fragment_ : {__VA_ARGS__})                                                                                    \
                QVERIFY2(std::string(error_.what()).find(fragment_) != std::string::npos, error_.what());                                  \
        }                                                                                                                                  \
    } while (false)
