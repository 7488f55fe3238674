/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-application.h"
#include "pv-move-test.h"
#include "pv-sandbox-server.h"
#include "pv-test-util.h"

/* Provisio as it runs, with its real flows on the embedded sandbox
 * tenant, after a Direct Routing deployment has been set up in that
 * tenant: a person with a Direct Routing number assigned online and one
 * with a number assigned on-premises, each with an online voice routing
 * policy. The seed has nobody who can be moved (its two people with
 * Direct Routing numbers are not TeamsOnly), and the set-up has to be
 * done before the window opens, so that a test driving the window from
 * outside never races it. */

static void
prepare_tenant (void)
{
  g_autoptr(PvSandboxServer) server = NULL;
  g_autoptr(PvServiceClient) client = NULL;
  g_autoptr(GError) error = NULL;

  /* The state file and seed the application will use. */
  server = pv_sandbox_server_new (NULL, NULL, &error);
  g_assert_no_error (error);
  pv_sandbox_server_set_operation_delay (server, 0);
  g_assert_true (pv_sandbox_server_start (server, 0, &error));
  g_assert_no_error (error);
  client = pv_service_client_new (pv_sandbox_server_get_base_url (server), NULL, &error);
  g_assert_no_error (error);

  pv_move_test_prepare_direct_routing (client);

  g_clear_object (&client);
  pv_sandbox_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PvApplication) application = NULL;

  pv_test_setup_translations ();
  prepare_tenant ();

  application = pv_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
