/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsoup/soup.h>

#include "pv-move-test.h"
#include "pv-test-async.h"
#include "pv-voice-calls.h"

/* A POST to the sandbox's extension API, with @json as its body (none
 * when NULL), that must succeed. */
void
pv_move_test_post (PvServiceClient *client,
                   const char      *path,
                   const char      *json)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = json != NULL ? json_from_string (json, &error) : NULL;
  g_autoptr(PvServiceResponse) response = NULL;

  g_assert_no_error (error);
  pv_service_client_request_async (client, SOUP_METHOD_POST, path, body, PV_REQUEST_FLAGS_NONE,
                                   NULL, pv_test_store_result_cb, &result);
  response = pv_service_client_request_finish (client, pv_test_wait_result (&result), &error);
  g_assert_no_error (error);
}

/* The tenant as a Direct Routing deployment has it: one person with a
 * Direct Routing number assigned online, one with a number assigned
 * on-premises, each with an online voice routing policy. */
void
pv_move_test_prepare_direct_routing (PvServiceClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pv_service_client_assign_number_async (client, "+33190000000", PV_MOVE_TEST_JEROME,
                                         PV_NUMBER_TYPE_DIRECT_ROUTING, NULL,
                                         NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_service_client_assign_number_finish (client, pv_test_wait_result (&result), &error));
  g_assert_no_error (error);
  pv_move_test_post (client, "/provisio/v1/users/" PV_MOVE_TEST_JEROME "/grantVoiceRoutingPolicy",
                     "{\"policyName\":\"France-National\"}");
  pv_move_test_post (client, "/provisio/v1/users/" PV_MOVE_TEST_THOMAS_G "/setVoice",
                     "{\"enterpriseVoiceEnabled\":true,\"lineUri\":\"tel:+33123456790\"}");
  pv_move_test_post (client, "/provisio/v1/users/" PV_MOVE_TEST_THOMAS_G "/grantVoiceRoutingPolicy",
                     "{\"policyName\":\"International\"}");
}
