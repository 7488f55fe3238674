/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pv-json.h"
#include "sandbox-test-util.h"

void
sandbox_fixture_open (SandboxFixture *fixture,
                      guint           generated_users,
                      const char     *faults)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("pv-sandbox-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->state = g_build_filename (fixture->folder, "state.db", NULL);
  fixture->server = pv_sandbox_server_new (fixture->state, PV_SANDBOX_SEED, &error);
  g_assert_no_error (error);
  pv_sandbox_server_set_generated_users (fixture->server, generated_users);
  pv_sandbox_server_set_operation_delay (fixture->server, 200);
  if (faults != NULL)
    {
      g_autoptr(PvSandboxFaults) f = pv_sandbox_faults_new (faults, &error);

      g_assert_no_error (error);
      pv_sandbox_server_set_faults (fixture->server, f);
    }
  g_assert_true (pv_sandbox_server_start (fixture->server, 0, &error));
  g_assert_no_error (error);
  fixture->session = soup_session_new_with_options ("max-conns-per-host", 8, NULL);
}

void
sandbox_fixture_close (SandboxFixture *fixture)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&fixture->session);
  if (fixture->server != NULL)
    pv_sandbox_server_stop (fixture->server);
  g_clear_object (&fixture->server);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (fixture->state, suffixes[i], NULL);

      g_remove (path);
    }
  g_rmdir (fixture->folder);
  g_clear_pointer (&fixture->state, g_free);
  g_clear_pointer (&fixture->folder, g_free);
}

Reply *
sandbox_call_url (SandboxFixture *fixture,
                  const char     *method,
                  const char     *url,
                  const char     *body,
                  gboolean        eventual)
{
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  Reply *reply = g_new0 (Reply, 1);
  gsize size = 0;
  const char *data;

  g_assert_nonnull (message);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }
  if (eventual)
    soup_message_headers_replace (soup_message_get_request_headers (message),
                                  "ConsistencyLevel", "eventual");
  reply->raw = soup_session_send_and_read (fixture->session, message, NULL, &reply->error);
  reply->status = soup_message_get_status (message);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (message));
  data = reply->raw != NULL ? g_bytes_get_data (reply->raw, &size) : NULL;
  if (data != NULL && size > 0)
    reply->body = pv_json_parse (data, (gssize) size, NULL);
  return reply;
}

Reply *
sandbox_call (SandboxFixture *fixture,
              const char     *method,
              const char     *path,
              const char     *body,
              gboolean        eventual)
{
  g_autofree char *url = g_strconcat (pv_sandbox_server_get_base_url (fixture->server), path,
                                      NULL);

  return sandbox_call_url (fixture, method, url, body, eventual);
}

void
reply_free (Reply *reply)
{
  g_clear_pointer (&reply->body, json_node_unref);
  g_clear_pointer (&reply->raw, g_bytes_unref);
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_clear_error (&reply->error);
  g_free (reply);
}

/* The code of Graph's error body, after checking the whole shape. */
const char *
reply_error_code (Reply *reply)
{
  JsonObject *error;
  JsonObject *inner;

  g_assert_nonnull (reply->body);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->body));
  error = json_object_get_object_member (json_node_get_object (reply->body), "error");
  g_assert_nonnull (error);
  g_assert_nonnull (json_object_get_string_member (error, "message"));
  inner = json_object_get_object_member (error, "innerError");
  g_assert_nonnull (inner);
  g_assert_nonnull (json_object_get_string_member (inner, "request-id"));
  g_assert_nonnull (json_object_get_string_member (inner, "date"));
  return json_object_get_string_member (error, "code");
}

const char *
reply_string (Reply      *reply,
              const char *member)
{
  g_assert_nonnull (reply->body);
  return json_object_get_string_member_with_default (json_node_get_object (reply->body),
                                                     member, NULL);
}

JsonArray *
reply_value (Reply *reply)
{
  g_assert_nonnull (reply->body);
  return json_object_get_array_member (json_node_get_object (reply->body), "value");
}

char *
sandbox_find_user_id (SandboxFixture *fixture,
                      const char     *prefix)
{
  g_autoptr(GString) quoted = g_string_new (prefix);
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autoptr(Reply) reply = NULL;
  JsonArray *value;

  /* OData doubles a quote inside a string. */
  g_string_replace (quoted, "'", "''", 0);
  escaped = g_uri_escape_string (quoted->str, NULL, FALSE);
  g_free (path);
  path = g_strdup_printf ("/v1.0/users?$select=id&$filter=startswith(displayName,'%s')", escaped);
  reply = sandbox_call (fixture, "GET", path, NULL, FALSE);

  g_assert_cmpuint (reply->status, ==, 200);
  value = reply_value (reply);
  g_assert_cmpuint (json_array_get_length (value), >=, 1);
  return g_strdup (json_object_get_string_member (json_array_get_object_element (value, 0),
                                                  "id"));
}
