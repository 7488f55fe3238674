/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "sandbox-test-util.h"

/* Every body and query is hostile until parsed: random and mutated
 * input to every writing route and to the listing's query options.  The
 * server must answer each with a success or Graph's error body, and
 * still answer afterwards.  Iterations: PV_HOSTILE_ITERATIONS. */

static const struct { const char *method; const char *path; } routes[] = {
  { "PATCH", "/v1.0/users/{id}" },
  { "POST", "/v1.0/users/{id}/assignLicense" },
  { "POST", "/v1.0/$batch" },
  { "POST", "/provisio/v1/users/{id}/enable" },
  { "POST", "/provisio/v1/users/{id}/setVoice" },
  { "POST", "/provisio/v1/users/{id}/grantVoiceRoutingPolicy" },
  { "POST", "/provisio/v1/users/{id}/move" },
  { "POST", "/beta/admin/teams/telephoneNumberManagement/numberAssignments/assignNumber" },
  { "POST", "/beta/admin/teams/telephoneNumberManagement/numberAssignments/unassignNumber" },
  { "POST", "/beta/admin/teams/telephoneNumberManagement/numberAssignments/updateNumber" },
  { "POST", "/provisio/v1/tenantOperators" },
  { "PATCH", "/provisio/v1/tenantOperators/orange-business" },
  { "POST", "/provisio/v1/emergencyAddresses" },
  { "PATCH", "/provisio/v1/federation" },
};

static const char * const seeds[] = {
  "{\"usageLocation\":\"FR\"}",
  "{\"addLicenses\":[{\"skuId\":\"06ebc4ee-1bb5-47dd-8120-11324bc54e06\"}],\"removeLicenses\":[]}",
  "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/me\",\"dependsOn\":[]}]}",
  "{\"registrarPool\":\"pool01.contoso.com\",\"sipAddressType\":\"FirstLastName\","
  "\"sipDomain\":\"contoso.com\"}",
  "{\"enterpriseVoiceEnabled\":true,\"lineUri\":\"tel:+33123456789;ext=89\"}",
  "{\"policyName\":\"Global\"}",
  "{\"telephoneNumber\":\"+33190000000\",\"assignmentTargetId\":\"x\","
  "\"numberType\":\"directRouting\",\"locationId\":\"y\"}",
  "{\"operatorId\":\"bt\",\"countries\":[\"GB\"],\"contact\":{\"fullName\":\"A\","
  "\"email\":\"a@b.c\",\"companySize\":\"12\"},\"consentGiven\":true}",
  "{\"countryOrRegion\":\"FR\",\"city\":\"Paris\"}",
  "{\"sharedSipAddressSpace\":true,\"allowedDomains\":[\"a\"]}",
  "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]",
  "{\"a\":\"\\ud800\"}",
  "{\"usageLocation\":1e999}",
  "{\"requests\":[{\"id\":\"1\",\"method\":\"POST\",\"url\":\"/users/x/assignLicense\","
  "\"body\":{\"addLicenses\":[null,1,\"x\",{}],\"removeLicenses\":[null]}}]}",
  "null",
  "\"\"",
  "{}",
};

static char *
mutate (GRand      *rand,
        const char *seed)
{
  GString *text = g_string_new (seed);
  guint n = (guint) g_rand_int_range (rand, 1, 8);

  for (guint i = 0; i < n && text->len > 0; i++)
    {
      guint at = (guint) g_rand_int_range (rand, 0, (gint32) text->len);

      switch (g_rand_int_range (rand, 0, 5))
        {
        case 0:
          text->str[at] = (char) g_rand_int_range (rand, 1, 256);
          break;
        case 1:
          g_string_erase (text, at, 1);
          break;
        case 2:
          g_string_insert_c (text, at, "{}[]\",:\\"[g_rand_int_range (rand, 0, 8)]);
          break;
        case 3:
          g_string_insert (text, at, seeds[g_rand_int_range (rand, 0, G_N_ELEMENTS (seeds))]);
          break;
        default:
          g_string_truncate (text, at);
          break;
        }
    }
  return g_string_free (text, FALSE);
}

static void
check_answer (Reply *reply)
{
  g_assert_null (reply->error);
  if (reply->status >= 200 && reply->status < 300)
    return;
  g_assert_cmpuint (reply->status, >=, 400);
  g_assert_cmpuint (reply->status, <, 500);
  reply_error_code (reply);
}

static void
test_bodies (void)
{
  SandboxFixture fixture = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  g_autofree char *id = NULL;
  const char *env = g_getenv ("PV_HOSTILE_ITERATIONS");
  guint iterations = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 40;

  sandbox_fixture_open (&fixture, 0, NULL);
  id = sandbox_find_user_id (&fixture, "Jean-Luc");
  for (guint i = 0; i < iterations; i++)
    for (guint r = 0; r < G_N_ELEMENTS (routes); r++)
      {
        g_autoptr(GString) path = g_string_new (routes[r].path);
        g_autofree char *body = mutate (rand, seeds[g_rand_int_range (rand, 0,
                                                                      G_N_ELEMENTS (seeds))]);
        g_autoptr(Reply) reply = NULL;

        g_string_replace (path, "{id}", id, 0);
        reply = sandbox_call (&fixture, routes[r].method, path->str, body, FALSE);
        check_answer (reply);
      }
  {
    g_autoptr(Reply) reply = sandbox_call (&fixture, "GET", "/v1.0/me", NULL, FALSE);

    g_assert_cmpuint (reply->status, ==, 200);
  }
  sandbox_fixture_close (&fixture);
}

static void
test_queries (void)
{
  static const char * const options[] = {
    "startswith(displayName,'Jean')", "usageLocation eq 'FR'", "onPremisesSyncEnabled eq true",
    "\"displayName:ann\" OR \"mail:x\"", "displayName,mail", "5", "true", "cHYxOjEw",
  };
  static const char * const names[] = {
    "$filter", "$search", "$select", "$top", "$count", "$skiptoken", "$orderby", "foo",
  };
  SandboxFixture fixture = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  sandbox_fixture_open (&fixture, 0, NULL);
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(GString) path = g_string_new ("/v1.0/users?");
      guint n = (guint) g_rand_int_range (rand, 1, 4);
      g_autoptr(Reply) reply = NULL;

      for (guint j = 0; j < n; j++)
        {
          g_autofree char *value = mutate (rand, options[g_rand_int_range (rand, 0,
                                                                           G_N_ELEMENTS (options))]);
          g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

          g_string_append_printf (path, "%s%s=%s", j > 0 ? "&" : "",
                                  names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))],
                                  escaped);
        }
      reply = sandbox_call (&fixture, "GET", path->str, NULL, g_rand_boolean (rand));
      g_test_message ("%s", path->str);
      check_answer (reply);
    }
  sandbox_fixture_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbox/hostile/bodies", test_bodies);
  g_test_add_func ("/sandbox/hostile/queries", test_queries);

  return g_test_run ();
}
