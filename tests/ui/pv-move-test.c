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

/* The number as the tenant has it now; it must be there. */
PvPhoneNumber *
pv_move_test_get_number (PvServiceClient *client,
                         const char      *number)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PvPhoneNumber *found;

  pv_service_client_get_number_async (client, number, NULL, pv_test_store_result_cb, &result);
  found = pv_service_client_get_number_finish (client, pv_test_wait_result (&result), &error);
  g_assert_no_error (error);

  return found;
}

/* The voice members of a person, as the tenant has them now. */
PvUser *
pv_move_test_get_user (PvServiceClient *client,
                       const char      *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PvServiceResponse) response = NULL;
  g_autofree char *path = g_strdup_printf ("/v1.0/users/%s?$select=id,lineUri,onPremLineUri,voiceRoutingPolicy", id);
  PvUser *user;

  pv_service_client_request_async (client, SOUP_METHOD_GET, path, NULL, PV_REQUEST_FLAGS_NONE,
                                   NULL, pv_test_store_result_cb, &result);
  response = pv_service_client_request_finish (client, pv_test_wait_result (&result), &error);
  g_assert_no_error (error);
  user = pv_user_new_from_json (pv_service_response_get_body (response), "user", &error);
  g_assert_no_error (error);

  return user;
}
