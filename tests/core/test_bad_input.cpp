// The bad-input matrix: corruptions of the demo dataset as they come from real life (truncated
// downloads, flipped bytes, files of another shape, a folder or a link loop where a file should be,
// hand-edited CSV), each through the commands that read the damaged file. Every one must end with
// an exit status of 1–127 and a message naming the file, and leave no output behind. Some damage
// is only a different spelling of good data (a byte-order mark, CRLF line ends, unordered dates):
// those files must be read, with the same result as the pristine ones.
#include "cli_process.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <unistd.h>

namespace {

using Corruption = std::function<bool(const QString &file)>;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

Corruption truncateTo(double fraction, qint64 minusBytes = 0)
{
    return [=](const QString &file) {
        const QByteArray bytes = readAll(file);
        return writeAll(file, bytes.left(qint64(double(bytes.size()) * fraction) - minusBytes));
    };
}

Corruption flipBytes(double where, int count)
{
    return [=](const QString &file) {
        QByteArray bytes = readAll(file);
        const qsizetype at = qsizetype(double(bytes.size()) * where);
        for (qsizetype i = at; i < std::min(bytes.size(), at + count); ++i)
            bytes[i] = char(~bytes[i]);
        return writeAll(file, bytes);
    };
}

Corruption replaceWith(const QByteArray &bytes)
{
    return [=](const QString &file) { return writeAll(file, bytes); };
}

// A valid NetCDF file made from CDL by ncgen, in place of `file`.
Corruption netcdfFromCdl(const QString &cdl)
{
    return [=](const QString &file) {
        const QString text = file + QStringLiteral(".cdl");
        return writeAll(text, cdl.toUtf8()) &&
            runProcess(QStringLiteral("ncgen"), {QStringLiteral("-k"), QStringLiteral("nc4"), QStringLiteral("-o"), file, text}).exitCode ==
            0 &&
            QFile::remove(text);
    };
}

Corruption folderInstead()
{
    return [](const QString &file) { return QFile::remove(file) && QDir().mkdir(file); };
}

Corruption linkLoop()
{
    return [](const QString &file) {
        return QFile::remove(file) && ::symlink(qPrintable(QFileInfo(file).fileName() + QStringLiteral(".loop")), qPrintable(file)) == 0 &&
            ::symlink(qPrintable(QFileInfo(file).fileName()), qPrintable(file + QStringLiteral(".loop"))) == 0;
    };
}

Corruption unreadable()
{
    return [](const QString &file) { return QFile::setPermissions(file, QFileDevice::WriteOwner); };
}

// Edits the text of a CSV file line by line (line 0 is the header).
Corruption editLines(const std::function<void(QList<QByteArray> &lines)> &edit)
{
    return [=](const QString &file) {
        QList<QByteArray> lines = readAll(file).split('\n');
        if (!lines.isEmpty() && lines.back().isEmpty())
            lines.removeLast();
        edit(lines);
        return writeAll(file, lines.join('\n') + '\n');
    };
}

// Replaces field `column` (by header name) of data line `line` with `value`.
Corruption setField(int line, const QByteArray &column, const QByteArray &value)
{
    return editLines([=](QList<QByteArray> &lines) {
        const auto header = lines[0].split(',');
        const auto at = header.indexOf(column);
        auto fields = lines[line].split(',');
        if (at >= 0 && at < fields.size())
            fields[at] = value;
        lines[line] = fields.join(',');
    });
}

} // namespace

Q_DECLARE_METATYPE(Corruption)

class TestBadInput : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString pristine_, work_, pristineSites_;

    static ProcessResult xmw(const QStringList &args) { return runProcess(QStringLiteral(XMW_CLI_PATH), args); }

    static QString leftoversIn(const QString &folder)
    {
        QStringList found;
        for (const QString &name : QDir(folder).entryList(QDir::Files))
            if (name.contains(QStringLiteral(".partial-")) || name.endsWith(QStringLiteral(".lock")) ||
                name.startsWith(QStringLiteral("out.")))
                found << name;
        return found.join(QLatin1Char(' '));
    }

    // The commands a row runs: each one reads the damaged file.
    QList<QStringList> commands(const QString &which) const
    {
        const QStringList info{QStringLiteral("info"), work_};
        const QStringList sites{QStringLiteral("sites"), work_, QStringLiteral("--json")};
        const QStringList samples{QStringLiteral("samples"), work_, QStringLiteral("--out"), dir_.filePath(QStringLiteral("out.h5"))};
        const QStringList train{QStringLiteral("train"),    work_,
                                QStringLiteral("--epochs"), QStringLiteral("1"),
                                QStringLiteral("--hidden"), QStringLiteral("8"),
                                QStringLiteral("--out"),    dir_.filePath(QStringLiteral("out.run.h5"))};
        if (which == QLatin1String("grid")) // drivers: the TEM-MDM samples read every one
            return {samples};
        if (which == QLatin1String("static"))
            return {info, samples, train};
        return {info, sites, samples, train}; // tower files
    }

private Q_SLOTS:
    void initTestCase()
    {
        pristine_ = dir_.filePath(QStringLiteral("pristine"));
        const ProcessResult made = makeSmallDemo(pristine_);
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        const ProcessResult sites = xmw({QStringLiteral("sites"), pristine_, QStringLiteral("--json")});
        QCOMPARE(sites.exitCode, 0);
        pristineSites_ = sites.out;
        work_ = dir_.filePath(QStringLiteral("work"));
    }

    // A fresh copy of the demo for each row, and no output of the one before.
    void init()
    {
        for (const char *out : {"out.h5", "out.run.h5"})
            QFile::remove(dir_.filePath(QLatin1String(out)));
        QDir(work_).removeRecursively();
        QCOMPARE(runProcess(QStringLiteral("cp"), {QStringLiteral("-a"), pristine_, work_}).exitCode, 0);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("file"); // relative to the dataset
        QTest::addColumn<QString>("reads"); // which commands read it: grid, static, towers
        QTest::addColumn<Corruption>("corrupt");
        QTest::addColumn<QString>("problem"); // a word the message must hold, besides the file name

        const QString prec = QStringLiteral("TEM-MDM/daily_ecmwf_PREC_2015.nc");
        const QString wetland = QStringLiteral("TEM-MDM/wetlandtype.nc");
        const QString site = QStringLiteral("FLUXNET-CH4/FLX_US-Bes_FLUXNET-CH4_DD_2015-2016_1-1.csv");
        const QString meta = QStringLiteral("FLUXNET-CH4/FLUXNET_CH4_2024.csv");
        const QString merged = QStringLiteral("FLUXNET-CH4/FLUXNET_T1_DD.csv");
        const QString ch4 = QStringLiteral("TEM-MDM/ch4-1979-2018.txt");

        QTest::newRow("NetCDF empty") << prec << "grid" << replaceWith({}) << "";
        QTest::newRow("NetCDF truncated to 8 bytes") << prec << "grid" << truncateTo(0, -8) << "";
        QTest::newRow("NetCDF truncated at 1/3") << prec << "grid" << truncateTo(1.0 / 3) << "";
        QTest::newRow("NetCDF truncated at 2/3") << prec << "grid" << truncateTo(2.0 / 3) << "";
        QTest::newRow("NetCDF missing its last 100 bytes") << prec << "grid" << truncateTo(1.0, 100) << "";
        QTest::newRow("NetCDF flipped magic") << prec << "grid" << flipBytes(0, 8) << "";
        QTest::newRow("NetCDF flipped bytes in the data") << prec << "grid" << flipBytes(0.6, 4096) << "";
        // Found by fuzzing: a string attribute in a classic header, whose claimed length NetCDF-C
        // allocated (2 GB) before anything else could refuse the file.
        QTest::newRow("NetCDF classic header with a string attribute")
            << prec << "grid"
            << replaceWith(readAll(
                   QStringLiteral(QT_TESTCASE_SOURCEDIR "/fuzz/regressions/grid_variable_file/classic-string-attribute-claims-2gb.nc")))
            << "attribute of unknown type 12";
        QTest::newRow("static NetCDF truncated") << wetland << "static" << truncateTo(0.5) << "";
        QTest::newRow("static NetCDF of another shape")
            << wetland << "static"
            << netcdfFromCdl(QStringLiteral("netcdf x { dimensions: lat = 3 ; lon = 5 ; variables: float wetlandtype(lat, lon) ; "
                                            "data: wetlandtype = 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15 ; }"))
            << "";
        QTest::newRow("static NetCDF without its variable")
            << wetland << "static"
            << netcdfFromCdl(QStringLiteral("netcdf x { dimensions: lat = 30 ; lon = 60 ; variables: float other(lat, lon) ; }"))
            << "wetlandtype";
        QTest::newRow("a folder where a NetCDF file should be") << wetland << "static" << folderInstead() << "";
        QTest::newRow("a symbolic link loop") << wetland << "static" << linkLoop() << "";
        QTest::newRow("NetCDF unreadable") << wetland << "static" << unreadable() << "";
        QTest::newRow("CSV empty") << site << "towers" << replaceWith({}) << "";
        QTest::newRow("CSV ragged row") << site << "towers"
                                        << editLines([](QList<QByteArray> &l) { l[5] = l[5].left(l[5].lastIndexOf(',')); }) << "line 6";
        QTest::newRow("CSV cut off mid-line") << site << "towers" << truncateTo(0.5) << "";
        QTest::newRow("CSV non-numeric flux") << site << "towers" << setField(3, "FCH4_F", "1.2.3") << "FCH4_F";
        QTest::newRow("CSV Inf text") << site << "towers" << setField(3, "TA_F", "Infinity") << "TA_F";
        QTest::newRow("CSV huge number") << site << "towers" << setField(3, "FCH4_F", "1e300") << "FCH4_F";
        QTest::newRow("CSV number beyond double") << site << "towers" << setField(3, "P_F", "1e400") << "P_F";
        QTest::newRow("CSV duplicated date") << site << "towers" << editLines([](QList<QByteArray> &l) { l.insert(10, l[9]); })
                                             << "duplicate date";
        QTest::newRow("CSV impossible date") << site << "towers" << setField(2, "TIMESTAMP", "20151345") << "TIMESTAMP";
        QTest::newRow("CSV without TIMESTAMP") << site << "towers"
                                               << editLines([](QList<QByteArray> &l) { l[0].replace("TIMESTAMP", "TIME"); }) << "TIMESTAMP";
        QTest::newRow("CSV binary garbage") << site << "towers" << replaceWith(QByteArray("\x00\x01\xff\xfe PK\x03\x04", 9).repeated(50))
                                            << "";
        QTest::newRow("metadata non-numeric latitude") << meta << "towers" << setField(2, "LOCATION_LAT", "north") << "LOCATION_LAT";
        QTest::newRow("metadata without LOCATION_LONG")
            << meta << "towers" << editLines([](QList<QByteArray> &l) { l[0].replace("LOCATION_LONG", "LONGITUDE"); }) << "LOCATION_LONG";
        QTest::newRow("merged file ragged") << merged << "towers" << editLines([](QList<QByteArray> &l) { l[100] += ",7"; }) << "line 101";
        QTest::newRow("merged file unknown site") << merged << "towers" << setField(7, "Site", "XX-Nope") << "XX-Nope";
        QTest::newRow("atmospheric CH4 not a number") << ch4 << "grid" << editLines([](QList<QByteArray> &l) { l[3] = "1982 lots"; }) << "";
        QTest::newRow("atmospheric CH4 empty") << ch4 << "grid" << replaceWith({}) << "";
    }

    void refused()
    {
        QFETCH(QString, file);
        QFETCH(QString, reads);
        QFETCH(Corruption, corrupt);
        QFETCH(QString, problem);
        if (QTest::currentDataTag() == QLatin1String("NetCDF unreadable") && ::geteuid() == 0)
            QSKIP("running as root: file permissions do not stop root from reading");
        const QString path = work_ + QLatin1Char('/') + file;
        QVERIFY2(corrupt(path), "the corruption could not be made");
        const QString name = QFileInfo(file).fileName();
        for (const QStringList &command : commands(reads)) {
            const ProcessResult r = xmw(command);
            const QString what = command.first() + QStringLiteral(": exit %1: ").arg(r.exitCode) + r.err.right(600);
            QVERIFY2(r.exitCode >= 1 && r.exitCode <= 127, qPrintable(what));
            QVERIFY2(r.err.contains(name), qPrintable(what));
            QVERIFY2(problem.isEmpty() || r.err.contains(problem), qPrintable(what));
            QVERIFY2(!r.err.contains(QStringLiteral("std::")) && !r.err.contains(QStringLiteral("terminate")), qPrintable(what));
            QCOMPARE(leftoversIn(dir_.path()), QString());
        }
    }

    void read_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<Corruption>("respell");
        const QString site = QStringLiteral("FLUXNET-CH4/FLX_US-Bes_FLUXNET-CH4_DD_2015-2016_1-1.csv");
        const QString meta = QStringLiteral("FLUXNET-CH4/FLUXNET_CH4_2024.csv");
        const auto crlf = [](const QString &f) { return writeAll(f, readAll(f).replace("\n", "\r\n")); };
        const auto bom = [](const QString &f) { return writeAll(f, "\xEF\xBB\xBF" + readAll(f)); };
        QTest::newRow("FLUXNET file with CRLF line ends") << site << Corruption(crlf);
        QTest::newRow("FLUXNET file with a byte-order mark") << site << Corruption(bom);
        QTest::newRow("FLUXNET file with both") << site << Corruption([=](const QString &f) { return crlf(f) && bom(f); });
        QTest::newRow("metadata with both") << meta << Corruption([=](const QString &f) { return crlf(f) && bom(f); });
        QTest::newRow("FLUXNET file with its days in another order")
            << site << editLines([](QList<QByteArray> &l) { std::reverse(l.begin() + 1, l.end()); });
        QTest::newRow("FLUXNET file with NaN text for missing") << site << setField(3, "FCH4_F", "NaN");
    }

    // Other spellings of good data are read as the data they spell.
    void read()
    {
        QFETCH(QString, file);
        QFETCH(Corruption, respell);
        const QString path = work_ + QLatin1Char('/') + file;
        QVERIFY(respell(path));
        const ProcessResult sites = xmw({QStringLiteral("sites"), work_, QStringLiteral("--json")});
        QVERIFY2(sites.exitCode == 0, qPrintable(sites.err));
        if (QTest::currentDataTag() != QLatin1String("FLUXNET file with NaN text for missing"))
            QCOMPARE(QString(sites.out).replace(work_, pristine_), pristineSites_);
        const ProcessResult samples =
            xmw({QStringLiteral("samples"), work_, QStringLiteral("--out"), dir_.filePath(QStringLiteral("read.h5"))});
        QVERIFY2(samples.exitCode == 0, qPrintable(samples.err));
        QVERIFY(QFile::remove(dir_.filePath(QStringLiteral("read.h5"))));
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "test_bad_input.moc"
