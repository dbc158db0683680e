#pragma once
#include "TestSupport.h"

// The API suites' init(): a fresh server on the chosen backend and an admin's token.
#define TU_START_SERVER_AS_ADMIN(fixture, token)                                     \
    do {                                                                            \
        TU_REQUIRE_BACKEND();                                                       \
        fixture = std::make_unique<tu::test::TestServer>();                         \
        QVERIFY(fixture->server && fixture->server->isRunning());                   \
        token = fixture->adminToken();                                              \
        QVERIFY(!token.isEmpty());                                                  \
    } while (0)
