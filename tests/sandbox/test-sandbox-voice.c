/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "provisio-core.h"
#include "sandbox-test-util.h"

/* The extension API over HTTP: Enable-CsUser and its refusals, the
 * other voice actions, and $batch. */

typedef SandboxFixture Fixture;

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  sandbox_fixture_open (fixture, 0, NULL);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  sandbox_fixture_close (fixture);
}

static Reply *
action (Fixture    *fixture,
        const char *prefix,
        const char *verb,
        const char *body)
{
  g_autofree char *id = sandbox_find_user_id (fixture, prefix);
  g_autofree char *path = g_strdup_printf ("/provisio/v1/users/%s/%s", id, verb);

  return sandbox_call (fixture, "POST", path, body, FALSE);
}

static const char *
result_status (Reply *reply)
{
  return reply_string (reply, "status");
}

static const char *
result_user_string (Reply      *reply,
                    const char *member)
{
  JsonObject *user = json_object_get_object_member (json_node_get_object (reply->body), "user");

  return json_object_get_string_member_with_default (user, member, NULL);
}

static void
test_lists (Fixture       *fixture,
            gconstpointer  data)
{
  const struct { const char *path; guint min; } lists[] = {
    { "/provisio/v1/pools", 5 },
    { "/provisio/v1/sipDomains", 3 },
    { "/provisio/v1/voiceRoutingPolicies", 2 },
  };
  gboolean director = FALSE;
  guint standard = 0;
  guint enterprise = 0;

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(Reply) reply = sandbox_call (fixture, "GET", lists[i].path, NULL, FALSE);

      g_assert_cmpuint (reply->status, ==, 200);
      g_assert_cmpuint (json_array_get_length (reply_value (reply)), >=, lists[i].min);
      if (i == 0)
        {
          JsonArray *value = reply_value (reply);

          for (guint j = 0; j < json_array_get_length (value); j++)
            {
              g_autoptr(PvPool) pool = pv_pool_new_from_json (json_array_get_element (value, j),
                                                              "pool", NULL);

              g_assert_nonnull (pool);
              director |= pv_pool_get_kind (pool) == PV_POOL_KIND_DIRECTOR;
              standard += pv_pool_get_kind (pool) == PV_POOL_KIND_STANDARD_EDITION;
              enterprise += pv_pool_get_kind (pool) == PV_POOL_KIND_ENTERPRISE;
            }
        }
    }
  g_assert_true (director);
  g_assert_cmpuint (standard, >=, 2);
  g_assert_cmpuint (enterprise, >=, 2);
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "POST", "/provisio/v1/pools", "{}", FALSE);

    g_assert_cmpuint (reply->status, ==, 405);
    g_assert_cmpstr (reply_error_code (reply), ==, "methodNotAllowed");
  }
}

static void
test_enable (Fixture       *fixture,
             gconstpointer  data)
{
  const char *body = "{\"registrarPool\":\"pool01.contoso.com\","
                     "\"sipAddressType\":\"FirstLastName\",\"sipDomain\":\"fabrikam.fr\"}";
  g_autoptr(PvSipEngine) engine = pv_sip_engine_new ();
  const char *domains[] = { "contoso.com", "fabrikam.fr", "contoso.co.jp", "litware.de", NULL };
  PvSipPerson person = { .given_name = "Émilie", .surname = "Lefèvre" };
  g_autoptr(PvSipResult) expected = NULL;

  pv_sip_engine_set_domains (engine, domains);
  expected = pv_sip_engine_address_for (engine, PV_SIP_FORMAT_FIRST_LAST, "fabrikam.fr", &person);
  g_assert_cmpint (expected->status, ==, PV_SIP_STATUS_OK);

  {
    g_autoptr(Reply) reply = action (fixture, "Émilie", "enable", body);

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpstr (result_status (reply), ==, "done");
    /* The server and the core engine agree on the address. */
    g_assert_cmpstr (result_user_string (reply, "sipAddress"), ==, expected->address);
    g_assert_cmpstr (result_user_string (reply, "registrarPool"), ==, "pool01.contoso.com");
  }
  /* Repeating it is safe and says so. */
  {
    g_autoptr(Reply) reply = action (fixture, "Émilie", "enable", body);

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpstr (result_status (reply), ==, "alreadyDone");
  }
  {
    g_autoptr(Reply) reply = action (fixture, "Émilie", "enable",
                                     "{\"registrarPool\":\"se01.contoso.com\","
                                     "\"sipAddressType\":\"FirstLastName\","
                                     "\"sipDomain\":\"fabrikam.fr\"}");

    g_assert_cmpuint (reply->status, ==, 409);
    g_assert_cmpstr (reply_error_code (reply), ==, "userAlreadyEnabled");
  }
  {
    g_autoptr(Reply) reply = action (fixture, "Émilie", "voice", NULL);

    g_assert_cmpuint (reply->status, ==, 405);
  }
  {
    g_autofree char *id = sandbox_find_user_id (fixture, "Émilie");
    g_autofree char *path = g_strdup_printf ("/provisio/v1/users/%s/voice", id);
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", path, NULL, FALSE);

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpstr (reply_string (reply, "sipAddress"), ==, expected->address);
  }
}

static void
test_enable_refusals (Fixture       *fixture,
                      gconstpointer  data)
{
  const struct
  {
    const char *who;
    const char *body;
    guint       status;
    const char *code;
  } cases[] = {
    { "Zoë O'Brien", "{\"registrarPool\":\"nowhere.contoso.com\",\"sipAddressType\":\"EmailAddress\"}",
      400, "unknownPool" },
    { "Zoë O'Brien", "{\"registrarPool\":\"dir01.contoso.com\",\"sipAddressType\":\"EmailAddress\"}",
      400, "poolIsDirector" },
    { "Zoë O'Brien", "{\"registrarPool\":\"se01.contoso.com\",\"sipAddressType\":\"FirstLastName\","
      "\"sipDomain\":\"contoso.cm\"}", 400, "notSipDomain" },
    { "Zoë O'Brien", "{\"registrarPool\":\"se01.contoso.com\",\"sipAddress\":\"sip:zoe@typo.example\"}",
      400, "notSipDomain" },
    { "Zoë O'Brien", "{\"registrarPool\":\"se01.contoso.com\",\"sipAddressType\":\"FirstLastName\"}",
      400, "sipDomainRequired" },
    { "Zoë O'Brien", "{\"registrarPool\":\"se01.contoso.com\",\"sipAddressType\":\"Nickname\"}",
      400, "invalidSipAddressType" },
    { "Zoë O'Brien", "{\"registrarPool\":\"se01.contoso.com\",\"sipAddressType\":\"EmailAddress\","
      "\"sipAddress\":\"sip:zoe@contoso.com\"}", 400, "invalidRequest" },
    { "Zoë O'Brien", "{\"sipAddressType\":\"EmailAddress\"}", 400, "invalidRequest" },
    { "Zoë O'Brien", "{\"registrarPool\":7,\"sipAddressType\":\"EmailAddress\"}",
      400, "invalidRequest" },
    { "Zoë O'Brien", "{\"registrarPool\":\"se01.contoso.com\",\"sipAddress\":\"sip:a&b@contoso.com\"}",
      400, "invalidSipAddress" },
    { "Zoë O'Brien", "{\"registrarPool\":\"se01.contoso.com\","
      "\"sipAddress\":\"sip:thomas.vasseur@contoso.com\"}", 409, "sipAddressInUse" },
    { "Léa Cloud", "{\"registrarPool\":\"se01.contoso.com\",\"sipAddressType\":\"UserPrincipalName\"}",
      409, "userNotSynchronised" },
    { "Иван", "{\"registrarPool\":\"se01.contoso.com\",\"sipAddressType\":\"EmailAddress\"}",
      422, "userHasNoEmail" },
    { "Cher", "{\"registrarPool\":\"se01.contoso.com\",\"sipAddressType\":\"FirstLastName\","
      "\"sipDomain\":\"contoso.com\"}", 422, "userHasNoGivenName" },
    { "Thomas Vasseur", "{\"registrarPool\":\"se01.contoso.com\",\"sipAddressType\":\"EmailAddress\"}",
      409, "userAlreadyEnabled" },
    { "Thomas Vasseur", "{\"registrarPool\":\"se01.contoso.com\",\"sipAddressType\":\"FirstLastName\","
      "\"sipDomain\":\"typo.example\"}", 409, "userAlreadyEnabled" },
    { "Zoë O'Brien", "not json", 400, "BadRequest" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Reply) reply = action (fixture, cases[i].who, "enable", cases[i].body);

      g_test_message ("%s: %s", cases[i].who, cases[i].body);
      g_assert_cmpuint (reply->status, ==, cases[i].status);
      g_assert_cmpstr (reply_error_code (reply), ==, cases[i].code);
    }
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "POST", "/provisio/v1/users/nobody/enable",
                                           "{\"registrarPool\":\"se01.contoso.com\","
                                           "\"sipAddressType\":\"EmailAddress\"}", FALSE);

    g_assert_cmpuint (reply->status, ==, 404);
    g_assert_cmpstr (reply_error_code (reply), ==, "Request_ResourceNotFound");
  }
  /* Namesakes: the second Marie Martin cannot take the first one's
   * address. */
  {
    const char *body = "{\"registrarPool\":\"se01.contoso.com\",\"sipAddress\":"
                       "\"sip:marie.martin@contoso.com\"}";
    g_autoptr(Reply) first = NULL;
    g_autoptr(Reply) list = sandbox_call (fixture, "GET",
                                          "/v1.0/users?$select=id&$filter=startswith"
                                          "(displayName,'Marie%20Martin')", NULL, FALSE);
    JsonArray *value = reply_value (list);
    g_autofree char *p1 = NULL;
    g_autofree char *p2 = NULL;

    g_assert_cmpuint (json_array_get_length (value), >=, 2);
    p1 = g_strdup_printf ("/provisio/v1/users/%s/enable",
                          json_object_get_string_member (json_array_get_object_element (value, 0),
                                                         "id"));
    p2 = g_strdup_printf ("/provisio/v1/users/%s/enable",
                          json_object_get_string_member (json_array_get_object_element (value, 1),
                                                         "id"));
    first = sandbox_call (fixture, "POST", p1, body, FALSE);
    g_assert_cmpuint (first->status, ==, 200);
    {
      g_autoptr(Reply) second = sandbox_call (fixture, "POST", p2, body, FALSE);

      g_assert_cmpuint (second->status, ==, 409);
      g_assert_cmpstr (reply_error_code (second), ==, "sipAddressInUse");
    }
  }
}

static void
test_set_voice (Fixture       *fixture,
                gconstpointer  data)
{
  {
    g_autoptr(Reply) reply = action (fixture, "Zoë O'Brien", "setVoice",
                                     "{\"enterpriseVoiceEnabled\":true}");

    g_assert_cmpuint (reply->status, ==, 409);
    g_assert_cmpstr (reply_error_code (reply), ==, "userNotEnabled");
  }
  {
    g_autoptr(Reply) reply = action (fixture, "Thomas Vasseur", "setVoice",
                                     "{\"enterpriseVoiceEnabled\":true,"
                                     "\"lineUri\":\"tel:+33123456799;ext=6799\","
                                     "\"hostedVoiceMail\":true}");

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpstr (result_status (reply), ==, "done");
    g_assert_cmpstr (result_user_string (reply, "lineUri"), ==, "tel:+33123456799;ext=6799");
  }
  {
    g_autoptr(Reply) reply = action (fixture, "Thomas Vasseur", "setVoice",
                                     "{\"lineUri\":\"tel:+33123456799;ext=6799\"}");

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpstr (result_status (reply), ==, "alreadyDone");
  }
  {
    const char *bodies[] = {
      "{\"lineUri\":\"0123456789\"}",
      "{\"enterpriseVoiceEnabled\":\"yes\"}",
      "{\"sipAddress\":\"sip:x@contoso.com\"}",
    };
    const char *codes[] = { "invalidLineUri", "invalidRequest", "invalidRequest" };

    for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
      {
        g_autoptr(Reply) reply = action (fixture, "Thomas Vasseur", "setVoice", bodies[i]);

        g_assert_cmpuint (reply->status, ==, 400);
        g_assert_cmpstr (reply_error_code (reply), ==, codes[i]);
      }
  }
}

static void
test_grant_policy (Fixture       *fixture,
                   gconstpointer  data)
{
  {
    g_autoptr(Reply) reply = action (fixture, "Thomas Vasseur", "grantVoiceRoutingPolicy",
                                     "{\"policyName\":\"International\"}");

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpstr (result_status (reply), ==, "done");
    g_assert_cmpstr (result_user_string (reply, "voiceRoutingPolicy"), ==, "International");
  }
  {
    g_autoptr(Reply) reply = action (fixture, "Thomas Vasseur", "grantVoiceRoutingPolicy",
                                     "{\"policyName\":\"International\"}");

    g_assert_cmpstr (result_status (reply), ==, "alreadyDone");
  }
  {
    g_autoptr(Reply) reply = action (fixture, "Thomas Vasseur", "grantVoiceRoutingPolicy",
                                     "{\"policyName\":null}");

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_null (result_user_string (reply, "voiceRoutingPolicy"));
  }
  {
    g_autoptr(Reply) reply = action (fixture, "Thomas Vasseur", "grantVoiceRoutingPolicy",
                                     "{\"policyName\":\"Nowhere\"}");

    g_assert_cmpuint (reply->status, ==, 400);
    g_assert_cmpstr (reply_error_code (reply), ==, "unknownVoiceRoutingPolicy");
  }
  {
    g_autoptr(Reply) reply = action (fixture, "Zoë O'Brien", "grantVoiceRoutingPolicy",
                                     "{\"policyName\":\"Global\"}");

    g_assert_cmpuint (reply->status, ==, 409);
    g_assert_cmpstr (reply_error_code (reply), ==, "userNotEnabled");
  }
}

static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  {
    g_autoptr(Reply) reply = action (fixture, "Thomas Vasseur", "move",
                                     "{\"target\":\"sipfed.online.lync.com\"}");

    /* The seed's administrator is synchronised: the URL is required. */
    g_assert_cmpuint (reply->status, ==, 400);
    g_assert_cmpstr (reply_error_code (reply), ==, "hostedMigrationOverrideUrlRequired");
  }
  {
    g_autoptr(Reply) reply = action (fixture, "Thomas Vasseur", "move",
                                     "{\"target\":\"pool02.contoso.com\"}");

    g_assert_cmpuint (reply->status, ==, 400);
    g_assert_cmpstr (reply_error_code (reply), ==, "invalidMoveTarget");
  }
  {
    const char *body = "{\"target\":\"sipfed.online.lync.com\",\"hostedMigrationOverrideUrl\":"
                       "\"https://admin1a.online.lync.com/HostedMigration/"
                       "hostedmigrationService.svc\"}";
    g_autoptr(Reply) reply = action (fixture, "Thomas Vasseur", "move", body);
    g_autoptr(Reply) again = NULL;

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpstr (result_status (reply), ==, "done");
    g_assert_cmpstr (result_user_string (reply, "teamsUpgradeEffectiveMode"), ==, "TeamsOnly");
    again = action (fixture, "Thomas Vasseur", "move", body);
    g_assert_cmpstr (result_status (again), ==, "alreadyDone");
  }
}

static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *id = sandbox_find_user_id (fixture, "Søren");
  g_autofree char *body = g_strdup_printf (
    "{\"requests\":["
    "{\"id\":\"1\",\"method\":\"PATCH\",\"url\":\"/users/%s\","
    "\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"usageLocation\":\"FI\"}},"
    "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"/users/%s?$select=usageLocation\","
    "\"dependsOn\":[\"1\"]},"
    "{\"id\":\"3\",\"method\":\"GET\",\"url\":\"/users/nobody\"},"
    "{\"id\":\"4\",\"method\":\"GET\",\"url\":\"/me\",\"dependsOn\":[\"3\"]},"
    "{\"id\":\"5\",\"method\":\"GET\",\"url\":\"users?$top=2\"}"
    "]}", id, id);
  g_autoptr(Reply) reply = sandbox_call (fixture, "POST", "/v1.0/$batch", body, FALSE);
  g_autoptr(GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *responses;

  g_assert_cmpuint (reply->status, ==, 200);
  responses = json_object_get_array_member (json_node_get_object (reply->body), "responses");
  g_assert_cmpuint (json_array_get_length (responses), ==, 5);
  for (guint i = 0; i < json_array_get_length (responses); i++)
    {
      JsonObject *answer = json_array_get_object_element (responses, i);

      g_hash_table_insert (statuses, (gpointer) json_object_get_string_member (answer, "id"),
                           GINT_TO_POINTER (json_object_get_int_member (answer, "status")));
      if (g_str_equal (json_object_get_string_member (answer, "id"), "2"))
        g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (answer,
                                                                                      "body"),
                                                        "usageLocation"), ==, "FI");
    }
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (statuses, "1")), ==, 204);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (statuses, "2")), ==, 200);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (statuses, "3")), ==, 404);
  /* A failed dependency: 424. */
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (statuses, "4")), ==, 424);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (statuses, "5")), ==, 200);
}

static void
test_batch_refusals (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GString) too_many = g_string_new ("{\"requests\":[");
  const char *bodies[] = {
    NULL,
    "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/me\"},"
    "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/me\"}]}",
    "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/me\",\"dependsOn\":[\"9\"]}]}",
    "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/me\",\"dependsOn\":[\"2\"]},"
    "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"/me\",\"dependsOn\":[\"1\"]}]}",
    "{\"requests\":[{\"method\":\"GET\",\"url\":\"/me\"}]}",
    "{\"requests\":\"all\"}",
    "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/me\",\"dependsOn\":\"x\"}]}",
    "[]",
  };

  for (guint i = 0; i < 21; i++)
    g_string_append_printf (too_many, "%s{\"id\":\"%u\",\"method\":\"GET\",\"url\":\"/me\"}",
                            i > 0 ? "," : "", i);
  g_string_append (too_many, "]}");
  bodies[0] = too_many->str;

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(Reply) reply = sandbox_call (fixture, "POST", "/v1.0/$batch", bodies[i], FALSE);

      g_test_message ("batch %u", i);
      g_assert_cmpuint (reply->status, ==, 400);
      g_assert_cmpstr (reply_error_code (reply), ==, "BadRequest");
    }
  /* Twenty is allowed. */
  {
    g_autoptr(GString) twenty = g_string_new ("{\"requests\":[");
    g_autoptr(Reply) reply = NULL;

    for (guint i = 0; i < 20; i++)
      g_string_append_printf (twenty, "%s{\"id\":\"%u\",\"method\":\"GET\",\"url\":\"/me\"}",
                              i > 0 ? "," : "", i);
    g_string_append (twenty, "]}");
    reply = sandbox_call (fixture, "POST", "/v1.0/$batch", twenty->str, FALSE);
    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
      json_node_get_object (reply->body), "responses")), ==, 20);
  }
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "POST", "/v1.0/$batch",
                                           "{\"requests\":[{\"id\":\"1\",\"method\":\"POST\","
                                           "\"url\":\"/$batch\",\"body\":{\"requests\":[]}}]}",
                                           FALSE);
    JsonObject *answer;

    g_assert_cmpuint (reply->status, ==, 200);
    answer = json_array_get_object_element (json_object_get_array_member (
      json_node_get_object (reply->body), "responses"), 0);
    g_assert_cmpint (json_object_get_int_member (answer, "status"), ==, 400);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)

  ADD ("/sandbox/voice/lists", test_lists);
  ADD ("/sandbox/voice/enable", test_enable);
  ADD ("/sandbox/voice/enable-refusals", test_enable_refusals);
  ADD ("/sandbox/voice/set-voice", test_set_voice);
  ADD ("/sandbox/voice/grant-policy", test_grant_policy);
  ADD ("/sandbox/voice/move", test_move);
  ADD ("/sandbox/batch/dependencies", test_batch);
  ADD ("/sandbox/batch/refusals", test_batch_refusals);

  return g_test_run ();
}
