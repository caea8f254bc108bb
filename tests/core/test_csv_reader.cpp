#include "core/data/csv_reader.h"
#include "core/data/data_error.h"
#include "demo_fixture.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace xmw::data;

class TestCsvReader : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    std::filesystem::path write(const std::string &name, const std::string &text)
    {
        const auto path = std::filesystem::path(dir_.path().toStdString()) / name;
        DemoFixture::writeText(path, text);
        return path;
    }

private Q_SLOTS:
    void columnsByNameAndMissingValues()
    {
        CsvReader csv(write(
            "a.csv", "TIMESTAMP,FCH4_F,\"Site, name\"\n20160101,-9999,\"Lost Creek, WI\"\n20160102,,x\n20160103,NA,y\n20160104,1.5e1,z\n"));
        QCOMPARE(csv.requireColumn("FCH4_F"), std::size_t(1));
        QVERIFY(!csv.column("FCH4"));
        std::vector<double> values;
        while (csv.next())
            values.push_back(csv.number(1));
        QCOMPARE(values.size(), std::size_t(4));
        QVERIFY(std::isnan(values[0]) && std::isnan(values[1]) && std::isnan(values[2]));
        QCOMPARE(values[3], 15.0);
    }

    void unparseableNumberNamesLineAndColumn()
    {
        CsvReader csv(write("b.csv", "TIMESTAMP,TA_F\n20160101,1.0\n20160102,warm\n"));
        QVERIFY(csv.next());
        QVERIFY(csv.next());
        XMW_VERIFY_DATA_ERROR(csv.number(1), "b.csv", "line 3", "TA_F", "'warm' is not a number");
    }

    void raggedRowIsAnError()
    {
        CsvReader csv(write("c.csv", "TIMESTAMP,TA_F,P_F\n20160101,1,2\n20160102,1\n"));
        QVERIFY(csv.next());
        XMW_VERIFY_DATA_ERROR(csv.next(), "c.csv", "line 3", "2 fields where the header has 3");
    }

    void missingAndEmptyFiles()
    {
        XMW_VERIFY_DATA_ERROR(CsvReader(std::filesystem::path(dir_.path().toStdString()) / "none.csv"), "none.csv", "file not found");
        XMW_VERIFY_DATA_ERROR(CsvReader(write("empty.csv", "")), "empty.csv", "empty file");
        XMW_VERIFY_DATA_ERROR(CsvReader(write("d.csv", "A,B\n1,2\n")).requireColumn("TIMESTAMP"), "d.csv", "no column named 'TIMESTAMP'");
    }
};

QTEST_APPLESS_MAIN(TestCsvReader)
#include "test_csv_reader.moc"
