#pragma once
// A Qt Test suite whose every test function starts from a fresh Core on the backend this run
// tests (TATAUSAHA_TEST_BACKEND: SQLite, or the throwaway PostgreSQL cluster), skipped when that
// backend is unavailable. A suite adds its own setup in prepare().

#include "TestSupport.h"

#include <QObject>
#include <QTest>
#include <memory>

namespace tu::test {

class CoreSuite : public QObject
{
    Q_OBJECT
protected:
    std::unique_ptr<TestCore> tc;
    // After the core is made, before each test function (QVERIFY may fail it).
    virtual void prepare() {}

private slots:
    void init()
    {
        TU_REQUIRE_BACKEND();
        tc = std::make_unique<TestCore>();
        QVERIFY(tc->core);
        prepare();
    }
    void cleanup() { tc.reset(); }
};

} // namespace tu::test
