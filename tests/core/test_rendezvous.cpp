// Where the processes of a distributed run meet: torchrun's variables, a Slurm step's, and the
// mistakes in either, each named.
#include "core/learn/rendezvous.h"

#include <QTest>

#include <map>

using namespace xmw::learn;

namespace {

EnvironmentLookup environment(std::map<std::string, std::string> values)
{
    return [values = std::move(values)](const std::string &name) -> std::optional<std::string> {
        const auto at = values.find(name);
        return at == values.end() ? std::nullopt : std::optional<std::string>(at->second);
    };
}

QString failure(const std::map<std::string, std::string> &values)
{
    try {
        (void)rendezvousFromEnvironment(environment(values));
    } catch (const RendezvousError &e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

class TestRendezvous : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void torchrunVariables()
    {
        const Rendezvous r = rendezvousFromEnvironment(environment({{"MASTER_ADDR", "10.0.0.5"},
                                                                    {"MASTER_PORT", "29500"},
                                                                    {"WORLD_SIZE", "8"},
                                                                    {"RANK", "5"},
                                                                    {"LOCAL_RANK", "1"},
                                                                    {"LOCAL_WORLD_SIZE", "4"}}));
        QCOMPARE(r.masterAddress, std::string("10.0.0.5"));
        QCOMPARE(r.masterPort, 29500);
        QCOMPARE(r.worldSize, 8);
        QCOMPARE(r.rank, 5);
        QCOMPARE(r.localRank, 1);
        QCOMPARE(r.localWorldSize, 4);
        // Without the local ones: one host holds them all.
        const Rendezvous alone = rendezvousFromEnvironment(
            environment({{"MASTER_ADDR", "127.0.0.1"}, {"MASTER_PORT", "1234"}, {"WORLD_SIZE", "2"}, {"RANK", "1"}}));
        QCOMPARE(alone.localRank, 1);
        QCOMPARE(alone.localWorldSize, 2);
    }

    void slurmStep()
    {
        const Rendezvous r = rendezvousFromEnvironment(environment({{"SLURM_PROCID", "3"},
                                                                    {"SLURM_NTASKS", "4"},
                                                                    {"SLURM_LOCALID", "1"},
                                                                    {"SLURM_NTASKS_PER_NODE", "2"},
                                                                    {"SLURM_STEP_NODELIST", "cn[07-08]"},
                                                                    {"SLURM_JOB_NODELIST", "cn[01-08]"},
                                                                    {"SLURM_JOB_ID", "123456"},
                                                                    {"SLURM_CPUS_PER_TASK", "8"}}));
        QCOMPARE(r.source, std::string("Slurm"));
        QCOMPARE(r.rank, 3);
        QCOMPARE(r.worldSize, 4);
        QCOMPARE(r.localRank, 1);
        QCOMPARE(r.localWorldSize, 2);
        QCOMPARE(r.cpusPerProcess, 8);
        QCOMPARE(r.masterAddress, std::string("cn07")); // the step's first host, not the job's
        QCOMPARE(r.masterPort, 20000 + 123456 % 20000);
        // MASTER_ADDR and MASTER_PORT win where they are set.
        const Rendezvous given = rendezvousFromEnvironment(environment({{"SLURM_PROCID", "0"},
                                                                        {"SLURM_NTASKS", "2"},
                                                                        {"MASTER_ADDR", "head"},
                                                                        {"MASTER_PORT", "4000"},
                                                                        {"SLURM_JOB_NODELIST", "x1"}}));
        QCOMPARE(given.masterAddress, std::string("head"));
        QCOMPARE(given.masterPort, 4000);
    }

    void slurmHostLists()
    {
        QCOMPARE(firstSlurmHost("node01"), std::string("node01"));
        QCOMPARE(firstSlurmHost("a,b,c"), std::string("a"));
        QCOMPARE(firstSlurmHost("node[03-05,9],gpu1"), std::string("node03"));
        QCOMPARE(firstSlurmHost("n[7,2]-ib,other"), std::string("n7-ib"));
        QCOMPARE(firstSlurmHost("login,node[1-4]"), std::string("login"));
        QVERIFY_THROWS_EXCEPTION(RendezvousError, (void)firstSlurmHost("node[a-b]"));
        QVERIFY_THROWS_EXCEPTION(RendezvousError, (void)firstSlurmHost("node[1-2"));
        QVERIFY_THROWS_EXCEPTION(RendezvousError, (void)firstSlurmHost(",x"));
    }

    void mistakesAreNamed()
    {
        QVERIFY(failure({}).contains(QStringLiteral("MASTER_ADDR, MASTER_PORT, WORLD_SIZE and RANK")));
        QVERIFY(failure({{"WORLD_SIZE", "2"}, {"RANK", "0"}, {"MASTER_PORT", "1"}}).startsWith(QStringLiteral("MASTER_ADDR is not set")));
        QVERIFY(failure({{"WORLD_SIZE", "2"}, {"RANK", "0"}, {"MASTER_ADDR", "h"}}).startsWith(QStringLiteral("MASTER_PORT is not set")));
        QCOMPARE(failure({{"WORLD_SIZE", "2"}, {"RANK", "2"}, {"MASTER_ADDR", "h"}, {"MASTER_PORT", "1"}}),
                 QStringLiteral("RANK='2' is not a whole number from 0 to 1"));
        QCOMPARE(failure({{"WORLD_SIZE", "two"}, {"RANK", "0"}, {"MASTER_ADDR", "h"}, {"MASTER_PORT", "1"}}),
                 QStringLiteral("WORLD_SIZE='two' is not a whole number from 1 to 1048576"));
        QCOMPARE(failure({{"WORLD_SIZE", "2"}, {"RANK", "0"}, {"MASTER_ADDR", "h"}, {"MASTER_PORT", "70000"}}),
                 QStringLiteral("MASTER_PORT='70000' is not a whole number from 1 to 65535"));
        QVERIFY(failure({{"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "2"}}).contains(QStringLiteral("no host to meet at")));
    }
};

QTEST_GUILESS_MAIN(TestRendezvous)
#include "test_rendezvous.moc"
