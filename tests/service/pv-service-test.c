/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-service-test.h"

void
pv_service_fixture_open (PvServiceFixture *fixture,
                         const char       *dir_template)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;

  fixture->dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  state = g_build_filename (fixture->dir, "sandbox.db", NULL);

  fixture->server = pv_sandbox_server_new (state, PV_SANDBOX_SEED, &error);
  g_assert_no_error (error);
}

/* With @quick_retries, the client retries as often as it would, without
 * the waits that would slow the tests down. */
void
pv_service_fixture_start (PvServiceFixture *fixture,
                          gboolean          quick_retries)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pv_sandbox_server_start (fixture->server, 0, &error));
  g_assert_no_error (error);

  fixture->client = pv_service_client_new (pv_sandbox_server_get_base_url (fixture->server), NULL, &error);
  g_assert_no_error (error);
  if (quick_retries)
    pv_service_client_set_retry_limits (fixture->client, 10, 60 * G_USEC_PER_SEC, 5 * G_TIME_SPAN_MILLISECOND);
}

void
pv_service_fixture_close (PvServiceFixture *fixture)
{
  g_clear_object (&fixture->client);
  pv_sandbox_server_stop (fixture->server);
  g_clear_object (&fixture->server);
  pv_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* pv_service_fixture_close() as a GTest fixture tear-down. */
void
pv_service_fixture_tear_down (PvServiceFixture *fixture,
                              gconstpointer     data)
{
  pv_service_fixture_close (fixture);
}
