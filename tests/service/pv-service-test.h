/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-sandbox-server.h"
#include "pv-service-client.h"
#include "pv-test-async.h"

G_BEGIN_DECLS

/* A fresh sandbox tenant from the seed in a scratch folder, and a client
 * for it, for the tests against the in-process sandbox. Opened without
 * starting, so that a test can inject faults or set delays first. */
typedef struct
{
  char            *dir;
  PvSandboxServer *server;
  PvServiceClient *client;
} PvServiceFixture;

void pv_service_fixture_open  (PvServiceFixture *fixture,
                               const char       *dir_template);
void pv_service_fixture_start (PvServiceFixture *fixture,
                               gboolean          quick_retries);
void pv_service_fixture_close (PvServiceFixture *fixture);
void pv_service_fixture_tear_down (PvServiceFixture *fixture,
                                   gconstpointer     data);

G_END_DECLS
