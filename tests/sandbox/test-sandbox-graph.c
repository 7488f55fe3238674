/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "provisio-core.h"
#include "sandbox-test-util.h"

/* The Graph subset over HTTP: shapes, paging, filters and Graph's
 * refusals, against an in-process sandbox on an ephemeral port. */

typedef SandboxFixture Fixture;

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  sandbox_fixture_open (fixture, GPOINTER_TO_UINT (data), NULL);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  sandbox_fixture_close (fixture);
}

static void
test_start_stop (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  const char *base = pv_sandbox_server_get_base_url (fixture->server);
  guint port = pv_sandbox_server_get_port (fixture->server);
  g_autofree char *expected = g_strdup_printf ("http://127.0.0.1:%u", port);

  g_assert_cmpuint (port, >, 0);
  g_assert_cmpstr (base, ==, expected);
  g_assert_true (pv_sandbox_server_is_running (fixture->server));

  /* Starting twice is refused. */
  g_assert_false (pv_sandbox_server_start (fixture->server, 0, &error));
  g_assert_error (error, PV_SANDBOX_SERVER_ERROR, PV_SANDBOX_SERVER_ERROR_RUNNING);
  g_clear_error (&error);

  /* ::1 answers too, where the machine has IPv6 loopback. */
  connection = g_socket_client_connect_to_host (client, "::1", (guint16) port, NULL, &error);
  if (connection == NULL)
    g_test_message ("no IPv6 loopback here: %s", error->message);
  g_clear_error (&error);

  pv_sandbox_server_stop (fixture->server);
  g_assert_false (pv_sandbox_server_is_running (fixture->server));
  g_assert_null (pv_sandbox_server_get_base_url (fixture->server));
  {
    g_autoptr(GSocketConnection) refused =
      g_socket_client_connect_to_host (client, "127.0.0.1", (guint16) port, NULL, &error);

    g_assert_null (refused);
    g_clear_error (&error);
  }

  /* A stopped server starts again, on a port of its choosing. */
  g_assert_true (pv_sandbox_server_start (fixture->server, 0, &error));
  g_assert_no_error (error);
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", "/v1.0/me", NULL, FALSE);

    g_assert_cmpuint (reply->status, ==, 200);
  }
}

static void
test_chosen_port (void)
{
  g_autoptr(GError) error = NULL;
  SandboxFixture a = { 0 };
  g_autoptr(PvSandboxServer) second = NULL;
  g_autofree char *state = NULL;
  guint port;

  sandbox_fixture_open (&a, 0, NULL);
  port = pv_sandbox_server_get_port (a.server);
  state = g_build_filename (a.folder, "second.db", NULL);
  second = pv_sandbox_server_new (state, PV_SANDBOX_SEED, &error);
  g_assert_no_error (error);
  /* The port is taken: a clear error, no crash. */
  g_assert_false (pv_sandbox_server_start (second, port, &error));
  g_assert_error (error, PV_SANDBOX_SERVER_ERROR, PV_SANDBOX_SERVER_ERROR_LISTEN);
  g_clear_object (&second);
  {
    g_autofree char *wal = g_strconcat (state, "-wal", NULL);
    g_autofree char *shm = g_strconcat (state, "-shm", NULL);

    g_remove (state);
    g_remove (wal);
    g_remove (shm);
  }
  sandbox_fixture_close (&a);
}

static void
test_users_first_page (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(Reply) reply = sandbox_call (fixture, "GET", "/v1.0/users", NULL, FALSE);
  JsonArray *value;
  JsonObject *first;

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_true (g_str_has_prefix (soup_message_headers_get_content_type (reply->headers, NULL),
                                   "application/json"));
  value = reply_value (reply);
  g_assert_cmpuint (json_array_get_length (value), ==, 100);
  g_assert_nonnull (reply_string (reply, "@odata.nextLink"));
  g_assert_false (json_object_has_member (json_node_get_object (reply->body), "@odata.count"));
  first = json_array_get_object_element (value, 0);
  /* Graph's default set: no onPremisesSyncEnabled without $select. */
  g_assert_true (json_object_has_member (first, "businessPhones"));
  g_assert_true (json_object_has_member (first, "userPrincipalName"));
  g_assert_false (json_object_has_member (first, "onPremisesSyncEnabled"));
  g_assert_false (json_object_has_member (first, "sipAddress"));
}

static void
test_users_top_limits (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *refused[] = { "1000", "0", "-1", "abc", "99999999999999999999", "" };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *path = g_strdup_printf ("/v1.0/users?$top=%s", refused[i]);
      g_autoptr(Reply) reply = sandbox_call (fixture, "GET", path, NULL, FALSE);

      g_assert_cmpuint (reply->status, ==, 400);
      g_assert_cmpstr (reply_error_code (reply), ==, "Request_BadRequest");
    }
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", "/v1.0/users?$top=999", NULL, FALSE);

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpuint (json_array_get_length (reply_value (reply)), ==, 320);
    g_assert_null (reply_string (reply, "@odata.nextLink"));
  }
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", "/v1.0/users?$top=1", NULL, FALSE);

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpuint (json_array_get_length (reply_value (reply)), ==, 1);
  }
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", "/v1.0/users?$skip=10", NULL, FALSE);

    g_assert_cmpuint (reply->status, ==, 400);
    g_assert_cmpstr (reply_error_code (reply), ==, "Request_BadRequest");
  }
}

/* Follows every nextLink; returns how many users, all distinct. */
static guint
page_through (Fixture    *fixture,
              const char *first_path,
              gboolean    eventual,
              gint64     *count)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *url = g_strconcat (pv_sandbox_server_get_base_url (fixture->server),
                                      first_path, NULL);
  guint pages = 0;

  *count = -1;
  while (url != NULL)
    {
      g_autoptr(Reply) reply = sandbox_call_url (fixture, "GET", url, NULL, eventual);
      JsonArray *value;
      JsonObject *root;

      g_assert_cmpuint (reply->status, ==, 200);
      root = json_node_get_object (reply->body);
      if (pages == 0 && json_object_has_member (root, "@odata.count"))
        *count = json_object_get_int_member (root, "@odata.count");
      else
        g_assert_false (json_object_has_member (root, "@odata.count"));
      value = reply_value (reply);
      for (guint i = 0; i < json_array_get_length (value); i++)
        {
          const char *id = json_object_get_string_member (json_array_get_object_element (value, i),
                                                          "id");

          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, g_strdup (id));
        }
      g_free (url);
      url = g_strdup (reply_string (reply, "@odata.nextLink"));
      if (url != NULL)
        g_assert_true (g_str_has_prefix (url, pv_sandbox_server_get_base_url (fixture->server)));
      pages++;
      g_assert_cmpuint (pages, <, 10000);
    }
  return g_hash_table_size (seen);
}

static void
test_users_paging (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 count;

  g_assert_cmpuint (page_through (fixture, "/v1.0/users?$top=37&$select=id,displayName",
                                  FALSE, &count), ==, 320);
  g_assert_cmpint (count, ==, -1);
  g_assert_cmpuint (page_through (fixture, "/v1.0/users?$top=50&$count=true", TRUE, &count),
                    ==, 320);
  g_assert_cmpint (count, ==, 320);

  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", "/v1.0/users?$count=true", NULL,
                                           FALSE);

    g_assert_cmpuint (reply->status, ==, 400);
    g_assert_cmpstr (reply_error_code (reply), ==, "Request_BadRequest");
  }
  {
    const char *tokens[] = { "garbage", "cHYxOi0x", "cHYx", "AAAA", "cHYxOmFiYw" };

    for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
      {
        g_autofree char *path = g_strdup_printf ("/v1.0/users?$skiptoken=%s", tokens[i]);
        g_autoptr(Reply) reply = sandbox_call (fixture, "GET", path, NULL, FALSE);

        g_assert_cmpuint (reply->status, ==, 400);
        g_assert_cmpstr (reply_error_code (reply), ==, "Directory_InvalidPageToken");
      }
  }
}

static void
test_users_paging_thousands (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 count;

  g_assert_cmpuint (page_through (fixture, "/v1.0/users?$top=999&$count=true", TRUE, &count),
                    ==, 2500);
  g_assert_cmpint (count, ==, 2500);
  /* A filter pages too; the count is the filtered one. */
  {
    guint n = page_through (fixture,
                            "/v1.0/users?$top=100&$count=true&$filter=usageLocation%20eq%20'FR'",
                            TRUE, &count);

    g_assert_cmpuint (n, ==, 2500 / 8 + (2500 % 8 > 0));
    g_assert_cmpint (count, ==, n);
  }
}

static guint
filter_count (Fixture    *fixture,
              const char *filter,
              gboolean    eventual,
              guint      *status,
              const char *member,
              const char *prefix)
{
  g_autofree char *escaped = g_uri_escape_string (filter, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/v1.0/users?$top=999&$select=displayName,mail,"
                                           "userPrincipalName,usageLocation,"
                                           "onPremisesSyncEnabled&$filter=%s", escaped);
  g_autoptr(Reply) reply = sandbox_call (fixture, "GET", path, NULL, eventual);
  JsonArray *value;

  *status = reply->status;
  if (reply->status != 200)
    {
      reply_error_code (reply);
      return 0;
    }
  value = reply_value (reply);
  for (guint i = 0; member != NULL && i < json_array_get_length (value); i++)
    {
      JsonObject *user = json_array_get_object_element (value, i);
      g_autofree char *folded = NULL;
      g_autofree char *want = g_utf8_casefold (prefix, -1);

      if (g_str_equal (member, "onPremisesSyncEnabled"))
        {
          g_assert_cmpint (json_object_get_boolean_member (user, member), ==,
                           g_str_equal (prefix, "true"));
          continue;
        }
      g_assert_nonnull (json_object_get_string_member (user, member));
      folded = g_utf8_casefold (json_object_get_string_member (user, member), -1);
      g_assert_true (g_str_has_prefix (folded, want));
    }
  return json_array_get_length (value);
}

static void
test_users_filter (Fixture       *fixture,
                   gconstpointer  data)
{
  guint status;
  guint all_sync;
  guint cloud;

  g_assert_cmpuint (filter_count (fixture, "startswith(displayName,'Zo')", FALSE, &status,
                                  "displayName", "Zo"), >, 1);
  g_assert_cmpuint (status, ==, 200);
  /* Case does not matter, quotes are doubled. */
  g_assert_cmpuint (filter_count (fixture, "startswith(displayName,'zoë o''b')", FALSE, &status,
                                  "displayName", "Zoë O'B"), ==, 1);
  g_assert_cmpuint (filter_count (fixture, "startswith(mail,'jean')", FALSE, &status,
                                  "mail", "jean"), >=, 2);
  g_assert_cmpuint (filter_count (fixture, "startswith(userPrincipalName,'marie.martin')",
                                  FALSE, &status, "userPrincipalName", "marie.martin"), >=, 2);
  g_assert_cmpuint (filter_count (fixture, "usageLocation eq 'JP'", FALSE, &status,
                                  "usageLocation", "JP"), >=, 1);
  g_assert_cmpuint (filter_count (fixture,
                                  "startswith(displayName,'Jean') and usageLocation eq 'FR'",
                                  FALSE, &status, "displayName", "Jean"), >=, 1);
  g_assert_cmpuint (filter_count (fixture,
                                  "startswith(displayName,'Madon') or startswith(displayName,'Cher')",
                                  FALSE, &status, NULL, NULL), ==, 2);

  /* onPremisesSyncEnabled is an advanced query. */
  filter_count (fixture, "onPremisesSyncEnabled eq false", FALSE, &status, NULL, NULL);
  g_assert_cmpuint (status, ==, 400);
  cloud = filter_count (fixture, "onPremisesSyncEnabled eq false", TRUE, &status,
                        "onPremisesSyncEnabled", "false");
  g_assert_cmpuint (status, ==, 200);
  all_sync = filter_count (fixture, "onPremisesSyncEnabled eq true", TRUE, &status,
                           "onPremisesSyncEnabled", "true");
  g_assert_cmpuint (cloud, >=, 2);
  g_assert_cmpuint (cloud + all_sync, ==, 320);

  /* Hostile values are values, never SQL. */
  g_assert_cmpuint (filter_count (fixture, "startswith(displayName,'x'' OR 1=1 --')", FALSE,
                                  &status, NULL, NULL), ==, 0);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (filter_count (fixture, "startswith(displayName,'%')", FALSE,
                                  &status, NULL, NULL), ==, 0);
  g_assert_cmpuint (filter_count (fixture, "startswith(displayName,'_')", FALSE,
                                  &status, NULL, NULL), ==, 0);
}

static void
test_users_filter_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  const struct { const char *filter; const char *code; } cases[] = {
    { "jobTitle eq 'x'", "Request_UnsupportedQuery" },
    { "startswith(jobTitle,'x')", "Request_UnsupportedQuery" },
    { "startswith(usageLocation,'F')", "Request_UnsupportedQuery" },
    { "displayName ne 'x'", "Request_UnsupportedQuery" },
    { "endswith(mail,'x')", "Request_UnsupportedQuery" },
    { "startswith(displayName,'x'", "BadRequest" },
    { "startswith(displayName,'x) or", "BadRequest" },
    { "displayName eq", "BadRequest" },
    { "", "BadRequest" },
    { "usageLocation eq 'FR' and mail eq 'x' or mail eq 'y'", "Request_UnsupportedQuery" },
    { "'; DROP TABLE users; --", "BadRequest" },
    { "\x01\x02", "BadRequest" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = g_uri_escape_string (cases[i].filter, NULL, FALSE);
      g_autofree char *path = g_strdup_printf ("/v1.0/users?$filter=%s", escaped);
      g_autoptr(Reply) reply = sandbox_call (fixture, "GET", path, NULL, FALSE);

      g_test_message ("filter %s", cases[i].filter);
      g_assert_cmpuint (reply->status, ==, 400);
      g_assert_cmpstr (reply_error_code (reply), ==, cases[i].code);
    }
  /* The table survived. */
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", "/v1.0/users?$top=999", NULL, FALSE);

    g_assert_cmpuint (json_array_get_length (reply_value (reply)), ==, 320);
  }
}

static void
test_users_search (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *search = g_uri_escape_string ("\"displayName:kierkeg\"", NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/v1.0/users?$search=%s&$count=true", search);
  g_autofree char *both = g_uri_escape_string ("\"displayName:Cher\" OR \"displayName:Madonna\"",
                                               NULL, FALSE);
  g_autofree char *path2 = g_strdup_printf ("/v1.0/users?$search=%s", both);

  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", path2, NULL, FALSE);

    g_assert_cmpuint (reply->status, ==, 400);
    g_assert_cmpstr (reply_error_code (reply), ==, "Request_UnsupportedQuery");
  }
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", path, NULL, TRUE);
    JsonArray *value;

    g_assert_cmpuint (reply->status, ==, 200);
    value = reply_value (reply);
    g_assert_cmpuint (json_array_get_length (value), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (value, 0),
                                                    "displayName"), ==, "Søren Kierkegård");
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (reply->body),
                                                 "@odata.count"), ==, 1);
  }
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", path2, NULL, TRUE);

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpuint (json_array_get_length (reply_value (reply)), ==, 2);
  }
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", "/v1.0/users?$search=nope", NULL,
                                           TRUE);

    g_assert_cmpuint (reply->status, ==, 400);
    g_assert_cmpstr (reply_error_code (reply), ==, "Request_UnsupportedQuery");
  }
}

static void
test_users_select (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(Reply) reply = sandbox_call (fixture, "GET",
                                         "/v1.0/users?$top=5&$select=displayName,"
                                         "onPremisesSyncEnabled,onPremisesSamAccountName,"
                                         "usageLocation", NULL, FALSE);
  JsonObject *user;
  g_autoptr(GList) members = NULL;

  g_assert_cmpuint (reply->status, ==, 200);
  user = json_array_get_object_element (reply_value (reply), 0);
  members = json_object_get_members (user);
  g_assert_cmpuint (g_list_length (members), ==, 5);
  g_assert_true (json_object_has_member (user, "id"));
  g_assert_true (json_object_get_boolean_member (user, "onPremisesSyncEnabled"));
  g_assert_nonnull (json_object_get_string_member (user, "onPremisesSamAccountName"));

  {
    g_autoptr(Reply) bad = sandbox_call (fixture, "GET", "/v1.0/users?$select=nonsense", NULL,
                                         FALSE);

    g_assert_cmpuint (bad->status, ==, 400);
    g_assert_cmpstr (reply_error_code (bad), ==, "Request_BadRequest");
  }
}

static void
test_user_get (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *id = sandbox_find_user_id (fixture, "Émilie");
  g_autofree char *path = g_strdup_printf ("/v1.0/users/%s", id);
  g_autoptr(Reply) reply = sandbox_call (fixture, "GET", path, NULL, FALSE);

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (reply_string (reply, "id"), ==, id);
  g_assert_cmpstr (reply_string (reply, "displayName"), ==, "Émilie Lefèvre");

  {
    g_autoptr(Reply) by_upn = sandbox_call (fixture, "GET",
                                            "/v1.0/users/emilie.lefevre@contoso.com"
                                            "?$select=usageLocation", NULL, FALSE);

    g_assert_cmpuint (by_upn->status, ==, 200);
    g_assert_cmpstr (reply_string (by_upn, "id"), ==, id);
    g_assert_cmpstr (reply_string (by_upn, "usageLocation"), ==, "FR");
  }
  {
    g_autoptr(Reply) missing = sandbox_call (fixture, "GET", "/v1.0/users/no-such-user", NULL,
                                             FALSE);

    g_assert_cmpuint (missing->status, ==, 404);
    g_assert_cmpstr (reply_error_code (missing), ==, "Request_ResourceNotFound");
  }
  {
    g_autoptr(Reply) hostile = sandbox_call (fixture, "GET", "/v1.0/users/%27%20OR%201%3D1",
                                             NULL, FALSE);

    g_assert_cmpuint (hostile->status, ==, 404);
  }
}

static void
test_tenant_singletons (Fixture       *fixture,
                        gconstpointer  data)
{
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", "/v1.0/organization", NULL, FALSE);
    JsonObject *org;

    g_assert_cmpuint (reply->status, ==, 200);
    org = json_array_get_object_element (reply_value (reply), 0);
    g_assert_nonnull (json_object_get_string_member (org, "id"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (org,
                                                                           "verifiedDomains")),
                      >=, 3);
  }
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", "/v1.0/me", NULL, FALSE);

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_nonnull (reply_string (reply, "displayName"));
    g_assert_nonnull (reply_string (reply, "mail"));
    g_assert_true (json_object_has_member (json_node_get_object (reply->body), "businessPhones"));
  }
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", "/v1.0/subscribedSkus", NULL, FALSE);
    JsonArray *value;
    gboolean e5 = FALSE;
    gboolean phone_system = FALSE;

    g_assert_cmpuint (reply->status, ==, 200);
    value = reply_value (reply);
    for (guint i = 0; i < json_array_get_length (value); i++)
      {
        g_autoptr(PvLicenceSku) sku = pv_licence_sku_new_from_json (json_array_get_element (value, i),
                                                                    "sku", NULL);

        g_assert_nonnull (sku);
        if (g_str_equal (pv_licence_sku_get_sku_part_number (sku), "ENTERPRISEPREMIUM"))
          e5 = TRUE;
        if (g_str_equal (pv_licence_sku_get_sku_part_number (sku), "MCOEV"))
          phone_system = TRUE;
      }
    g_assert_true (e5 && phone_system);
  }
}

static void
test_user_patch (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *synced = sandbox_find_user_id (fixture, "Søren");
  g_autofree char *cloud = sandbox_find_user_id (fixture, "Léa Cloud");
  g_autofree char *path = g_strdup_printf ("/v1.0/users/%s", synced);
  g_autofree char *cloud_path = g_strdup_printf ("/v1.0/users/%s", cloud);
  const struct { const char *body; const char *code; } refused[] = {
    { "{\"usageLocation\":\"France\"}", "Request_BadRequest" },
    { "{\"usageLocation\":12}", "Request_BadRequest" },
    { "{\"id\":\"other\"}", "Request_BadRequest" },
    { "{\"onPremisesSyncEnabled\":false}", "Request_BadRequest" },
    { "{\"sipAddress\":\"sip:x@contoso.com\"}", "Request_BadRequest" },
    { "{\"favouriteColour\":\"blue\"}", "Request_BadRequest" },
    { "{\"displayName\":\"Renamed\"}", "Request_BadRequest" },
    { "{\"usageLocation\":", "BadRequest" },
    { "[1,2]", "BadRequest" },
    { "", "BadRequest" },
  };

  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "PATCH", path,
                                           "{\"usageLocation\":\"DK\"}", FALSE);

    g_assert_cmpuint (reply->status, ==, 204);
  }
  {
    g_autofree char *get = g_strdup_printf ("%s?$select=usageLocation", path);
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", get, NULL, FALSE);

    g_assert_cmpstr (reply_string (reply, "usageLocation"), ==, "DK");
  }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(Reply) reply = sandbox_call (fixture, "PATCH", path, refused[i].body, FALSE);

      g_test_message ("PATCH %s", refused[i].body);
      g_assert_cmpuint (reply->status, ==, 400);
      g_assert_cmpstr (reply_error_code (reply), ==, refused[i].code);
    }
  /* A cloud-only account's names are the directory's to change. */
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "PATCH", cloud_path,
                                           "{\"displayName\":\"Léa Nuage\"}", FALSE);

    g_assert_cmpuint (reply->status, ==, 204);
  }
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "PATCH", "/v1.0/users/nobody",
                                           "{\"usageLocation\":\"FR\"}", FALSE);

    g_assert_cmpuint (reply->status, ==, 404);
    g_assert_cmpstr (reply_error_code (reply), ==, "Request_ResourceNotFound");
  }
}

static gint64
consumed_units (Fixture    *fixture,
                const char *part_number)
{
  g_autoptr(Reply) reply = sandbox_call (fixture, "GET", "/v1.0/subscribedSkus", NULL, FALSE);
  JsonArray *value = reply_value (reply);

  for (guint i = 0; i < json_array_get_length (value); i++)
    {
      JsonObject *sku = json_array_get_object_element (value, i);

      if (g_str_equal (json_object_get_string_member (sku, "skuPartNumber"), part_number))
        return json_object_get_int_member (sku, "consumedUnits");
    }
  g_assert_not_reached ();
}

#define E5 "06ebc4ee-1bb5-47dd-8120-11324bc54e06"

static void
test_assign_licence (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *no_location = sandbox_find_user_id (fixture, "Søren");
  g_autofree char *user = sandbox_find_user_id (fixture, "Zoë O'Brien");
  g_autofree char *refused_path = g_strdup_printf ("/v1.0/users/%s/assignLicense", no_location);
  g_autofree char *path = g_strdup_printf ("/v1.0/users/%s/assignLicense", user);
  const char *add_e5 = "{\"addLicenses\":[{\"skuId\":\"" E5 "\",\"disabledPlans\":[]}],"
                       "\"removeLicenses\":[]}";
  gint64 before = consumed_units (fixture, "ENTERPRISEPREMIUM");

  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "POST", refused_path, add_e5, FALSE);

    g_assert_cmpuint (reply->status, ==, 400);
    g_assert_cmpstr (reply_error_code (reply), ==, "Request_BadRequest");
    g_assert_nonnull (strstr (json_object_get_string_member (
      json_object_get_object_member (json_node_get_object (reply->body), "error"), "message"),
      "usage location"));
  }
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "POST", path, add_e5, FALSE);

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpstr (reply_string (reply, "id"), ==, user);
  }
  g_assert_cmpint (consumed_units (fixture, "ENTERPRISEPREMIUM"), ==, before + 1);
  {
    g_autofree char *get = g_strdup_printf ("/v1.0/users/%s?$select=assignedLicenses,"
                                            "assignedPlans", user);
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", get, NULL, FALSE);
    g_autoptr(PvUser) parsed = NULL;

    json_object_set_string_member (json_node_get_object (reply->body), "id", user);
    parsed = pv_user_new_from_json (reply->body, "user", NULL);
    g_assert_nonnull (parsed);
    /* E5 carries Phone System's service plan. */
    g_assert_true (pv_user_has_phone_system (parsed));
  }
  /* Assigning it again replaces it and takes no second unit. */
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "POST", path, add_e5, FALSE);

    g_assert_cmpuint (reply->status, ==, 200);
  }
  g_assert_cmpint (consumed_units (fixture, "ENTERPRISEPREMIUM"), ==, before + 1);
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "POST", path,
                                           "{\"addLicenses\":[],\"removeLicenses\":[\"" E5 "\"]}",
                                           FALSE);

    g_assert_cmpuint (reply->status, ==, 200);
  }
  g_assert_cmpint (consumed_units (fixture, "ENTERPRISEPREMIUM"), ==, before);
  {
    const char *bodies[] = {
      "{\"addLicenses\":[{\"skuId\":\"00000000-0000-0000-0000-000000000000\"}],"
      "\"removeLicenses\":[]}",
      "{\"addLicenses\":[],\"removeLicenses\":[\"" E5 "\"]}",
      "{\"addLicenses\":[{\"skuId\":\"" E5 "\"}]}",
      "{\"addLicenses\":\"x\",\"removeLicenses\":[]}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
      {
        g_autoptr(Reply) reply = sandbox_call (fixture, "POST", path, bodies[i], FALSE);

        g_assert_cmpuint (reply->status, ==, 400);
        g_assert_cmpstr (reply_error_code (reply), ==, "Request_BadRequest");
      }
  }
}

static void
test_unknown_routes (Fixture       *fixture,
                     gconstpointer  data)
{
  const struct { const char *method; const char *path; guint status; const char *code; } cases[] = {
    { "GET", "/v1.0/nothing", 400, "BadRequest" },
    { "GET", "/v2.0/users", 400, "BadRequest" },
    { "GET", "/", 400, "BadRequest" },
    { "GET", "/v1.0/users/x/y/z", 400, "BadRequest" },
    { "DELETE", "/v1.0/users", 405, "Request_BadRequest" },
    { "GET", "/provisio/v1/nothing", 404, "routeNotFound" },
    { "GET", "/v1.0/users/a%C3%28b", 400, "BadRequest" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Reply) reply = sandbox_call (fixture, cases[i].method, cases[i].path, NULL, FALSE);

      g_test_message ("%s %s", cases[i].method, cases[i].path);
      g_assert_cmpuint (reply->status, ==, cases[i].status);
      g_assert_cmpstr (reply_error_code (reply), ==, cases[i].code);
    }
}

static void
test_body_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *id = sandbox_find_user_id (fixture, "Zoë");
  g_autofree char *path = g_strdup_printf ("/v1.0/users/%s", id);
  g_autoptr(GString) body = g_string_new ("{\"usageLocation\":\"");

  while (body->len < 2 * 1024 * 1024)
    g_string_append (body, "AAAAAAAAAAAAAAAA");
  g_string_append (body, "\"}");
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "PATCH", path, body->str, FALSE);

    /* Refused before being read; the connection may close under the
     * client, but never with a success. */
    g_assert_true (reply->status == 413 || reply->error != NULL);
  }
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", path, NULL, FALSE);

    g_assert_cmpuint (reply->status, ==, 200);
  }
}

static void
test_persistence (void)
{
  g_autoptr(GError) error = NULL;
  SandboxFixture fixture = { 0 };
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *get = NULL;

  sandbox_fixture_open (&fixture, 0, NULL);
  id = sandbox_find_user_id (&fixture, "Søren");
  path = g_strdup_printf ("/v1.0/users/%s", id);
  get = g_strdup_printf ("/v1.0/users/%s?$select=usageLocation", id);
  {
    g_autoptr(Reply) reply = sandbox_call (&fixture, "PATCH", path, "{\"usageLocation\":\"NO\"}",
                                           FALSE);

    g_assert_cmpuint (reply->status, ==, 204);
  }

  /* A new server over the same state sees the change. */
  pv_sandbox_server_stop (fixture.server);
  g_clear_object (&fixture.server);
  fixture.server = pv_sandbox_server_new (fixture.state, PV_SANDBOX_SEED, &error);
  g_assert_no_error (error);
  g_assert_true (pv_sandbox_server_start (fixture.server, 0, &error));
  {
    g_autoptr(Reply) reply = sandbox_call (&fixture, "GET", get, NULL, FALSE);

    g_assert_cmpstr (reply_string (reply, "usageLocation"), ==, "NO");
  }

  /* Reset restores the seed while the server runs, on the same port. */
  {
    guint port = pv_sandbox_server_get_port (fixture.server);

    g_assert_true (pv_sandbox_server_reset (fixture.server, &error));
    g_assert_no_error (error);
    g_assert_true (pv_sandbox_server_is_running (fixture.server));
    g_assert_cmpuint (pv_sandbox_server_get_port (fixture.server), ==, port);
  }
  {
    g_autoptr(Reply) reply = sandbox_call (&fixture, "GET", get, NULL, FALSE);

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_null (reply_string (reply, "usageLocation"));
  }
  /* And while stopped. */
  {
    g_autoptr(Reply) reply = sandbox_call (&fixture, "PATCH", path, "{\"usageLocation\":\"NO\"}",
                                           FALSE);

    g_assert_cmpuint (reply->status, ==, 204);
  }
  pv_sandbox_server_stop (fixture.server);
  g_assert_true (pv_sandbox_server_reset (fixture.server, &error));
  g_assert_true (pv_sandbox_server_start (fixture.server, 0, &error));
  {
    g_autoptr(Reply) reply = sandbox_call (&fixture, "GET", get, NULL, FALSE);

    g_assert_null (reply_string (reply, "usageLocation"));
  }
  sandbox_fixture_close (&fixture);
}

static void
test_bad_seed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("pv-sandbox-XXXXXX", &error);
  g_autofree char *state = g_build_filename (folder, "state.db", NULL);
  g_autofree char *seed = g_build_filename (folder, "seed.json", NULL);
  const char *seeds[] = {
    "not json",
    "[1]",
    "{\"users\":[{\"displayName\":\"no id\"}]}",
    "{\"pools\":[{\"fqdn\":\"p\",\"kind\":\"castle\"}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autoptr(PvSandboxServer) server = NULL;

      g_assert_true (g_file_set_contents (seed, seeds[i], -1, NULL));
      server = pv_sandbox_server_new (state, seed, &error);
      g_assert_no_error (error);
      g_assert_false (pv_sandbox_server_start (server, 0, &error));
      g_assert_nonnull (error);
      g_assert_false (pv_sandbox_server_is_running (server));
      g_clear_error (&error);
    }
  {
    g_autoptr(PvSandboxServer) server = pv_sandbox_server_new (state, "/nonexistent/seed.json",
                                                               &error);

    g_assert_no_error (error);
    g_assert_false (pv_sandbox_server_start (server, 0, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_clear_error (&error);
  }
  /* A state file that is not a database is refused, not overwritten. */
  {
    g_autofree char *garbage = g_build_filename (folder, "garbage.db", NULL);
    g_autoptr(PvSandboxServer) server = NULL;
    g_autofree char *contents = NULL;

    g_assert_true (g_file_set_contents (garbage, "not a database, but someone's file", -1,
                                        NULL));
    server = pv_sandbox_server_new (garbage, NULL, &error);
    g_assert_null (server);
    g_assert_error (error, PV_SANDBOX_STORE_ERROR, PV_SANDBOX_STORE_ERROR_OPEN);
    g_clear_error (&error);
    g_assert_true (g_file_get_contents (garbage, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "not a database, but someone's file");
    g_remove (garbage);
  }
  {
    g_autoptr(PvSandboxServer) server = pv_sandbox_server_new ("/proc/no/such/state.db", NULL,
                                                               &error);

    g_assert_null (server);
    g_assert_error (error, PV_SANDBOX_STORE_ERROR, PV_SANDBOX_STORE_ERROR_OPEN);
    g_clear_error (&error);
  }
  {
    g_autofree char *wal = g_strconcat (state, "-wal", NULL);
    g_autofree char *shm = g_strconcat (state, "-shm", NULL);

    g_remove (seed);
    g_remove (state);
    g_remove (wal);
    g_remove (shm);
    g_rmdir (folder);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, users) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (users), setup, func, teardown)

  ADD ("/sandbox/server/start-stop", test_start_stop, 0);
  g_test_add_func ("/sandbox/server/chosen-port", test_chosen_port);
  g_test_add_func ("/sandbox/server/persistence", test_persistence);
  g_test_add_func ("/sandbox/server/bad-seed", test_bad_seed);
  ADD ("/sandbox/server/unknown-routes", test_unknown_routes, 0);
  ADD ("/sandbox/server/body-limit", test_body_limit, 0);
  ADD ("/sandbox/graph/users/first-page", test_users_first_page, 0);
  ADD ("/sandbox/graph/users/top", test_users_top_limits, 0);
  ADD ("/sandbox/graph/users/paging", test_users_paging, 0);
  ADD ("/sandbox/graph/users/paging-thousands", test_users_paging_thousands, 2500);
  ADD ("/sandbox/graph/users/filter", test_users_filter, 0);
  ADD ("/sandbox/graph/users/filter-refused", test_users_filter_refused, 0);
  ADD ("/sandbox/graph/users/search", test_users_search, 0);
  ADD ("/sandbox/graph/users/select", test_users_select, 0);
  ADD ("/sandbox/graph/users/get", test_user_get, 0);
  ADD ("/sandbox/graph/users/patch", test_user_patch, 0);
  ADD ("/sandbox/graph/users/assign-licence", test_assign_licence, 0);
  ADD ("/sandbox/graph/tenant", test_tenant_singletons, 0);

  return g_test_run ();
}
