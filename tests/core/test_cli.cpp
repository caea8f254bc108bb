#include "core/version.h"

#include <QProcess>
#include <QTest>

class TestCli : public QObject {
    Q_OBJECT

private:
    struct Result {
        int exitCode = -1;
        QString out, err;
    };

    static Result run(const QString &program, const QStringList &args)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        process.setProcessEnvironment(env);
        process.start(program, args);
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
            return {};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

private Q_SLOTS:
    void versionRunsWithoutADisplay()
    {
        const Result result = run(QStringLiteral(XMW_CLI_PATH), {QStringLiteral("--version")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.startsWith(QStringLiteral("xmw %1 ").arg(QLatin1String(xmw::kVersion))),
                 qPrintable(result.out));
        QVERIFY(result.out.contains(QStringLiteral("LibTorch")));
        QVERIFY(result.out.contains(QStringLiteral("NetCDF-C")));
        QVERIFY(result.out.contains(QStringLiteral("HDF5")));
    }

    void helpListsCommands()
    {
        const Result result = run(QStringLiteral(XMW_CLI_PATH), {QStringLiteral("help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QStringLiteral("version")));
    }

    void unknownCommandFailsWithAMessage()
    {
        const Result result = run(QStringLiteral(XMW_CLI_PATH), {QStringLiteral("frobnicate")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("unknown command 'frobnicate'")), qPrintable(result.err));
    }

    void linksNoQt6()
    {
        // Debian's libtorch brings Qt 5 through OpenCV; the CLI itself must not bring Qt 6.
        const Result result = run(QStringLiteral("ldd"), {QStringLiteral(XMW_CLI_PATH)});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QStringLiteral("libtorch")));
        QVERIFY2(!result.out.contains(QStringLiteral("libQt6")), qPrintable(result.out));
        QVERIFY(!result.out.contains(QStringLiteral("libvtk")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
