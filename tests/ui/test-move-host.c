/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsoup/soup.h>

#include "pv-application.h"
#include "pv-sandbox-server.h"
#include "pv-test-util.h"
#include "pv-voice-calls.h"

/* Provisio as it runs, with its real flows on the embedded sandbox
 * tenant, after a Direct Routing deployment has been set up in that
 * tenant: a person with a Direct Routing number assigned online and one
 * with a number assigned on-premises, each with an online voice routing
 * policy. The seed has nobody who can be moved (its two people with
 * Direct Routing numbers are not TeamsOnly), and the set-up has to be
 * done before the window opens, so that a test driving the window from
 * outside never races it. */

#define JEROME   "adb645d0-47d8-559d-ac20-0e95d64d17a7"   /* TeamsOnly, online */
#define THOMAS_G "1fdda0ac-e452-5253-8db8-91016b18c4b3"   /* TeamsOnly, pool02 */

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
post (PvServiceClient *client,
      const char      *path,
      const char      *json)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = json_from_string (json, &error);
  g_autoptr(PvServiceResponse) response = NULL;

  g_assert_no_error (error);
  pv_service_client_request_async (client, SOUP_METHOD_POST, path, body, PV_REQUEST_FLAGS_NONE,
                                   NULL, pv_test_store_result_cb, &result);
  response = pv_service_client_request_finish (client, wait_for (&result), &error);
  g_assert_no_error (error);
}

static void
prepare_tenant (void)
{
  g_autoptr(PvSandboxServer) server = NULL;
  g_autoptr(PvServiceClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* The state file and seed the application will use. */
  server = pv_sandbox_server_new (NULL, NULL, &error);
  g_assert_no_error (error);
  pv_sandbox_server_set_operation_delay (server, 0);
  g_assert_true (pv_sandbox_server_start (server, 0, &error));
  g_assert_no_error (error);
  client = pv_service_client_new (pv_sandbox_server_get_base_url (server), NULL, &error);
  g_assert_no_error (error);

  pv_service_client_assign_number_async (client, "+33190000000", JEROME, PV_NUMBER_TYPE_DIRECT_ROUTING, NULL,
                                         NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_service_client_assign_number_finish (client, wait_for (&result), &error));
  g_assert_no_error (error);
  post (client, "/provisio/v1/users/" JEROME "/grantVoiceRoutingPolicy", "{\"policyName\":\"France-National\"}");
  post (client, "/provisio/v1/users/" THOMAS_G "/setVoice",
        "{\"enterpriseVoiceEnabled\":true,\"lineUri\":\"tel:+33123456790\"}");
  post (client, "/provisio/v1/users/" THOMAS_G "/grantVoiceRoutingPolicy", "{\"policyName\":\"International\"}");

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
