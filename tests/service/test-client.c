/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsoup/soup.h>

#include "pv-service-client.h"
#include "pv-service-error.h"
#include "pv-user.h"

/* The client against a small server started by each test on loopback,
 * scripted per path: what it answers, how often it was asked, when. */

typedef struct
{
  SoupServer *server;
  char       *base_url;
  GHashTable *calls;       /* path → GArray of gint64 monotonic times */
  guint       fail_first;  /* how many answers of a failing path fail */
  char       *last_consistency;
  GArray     *batch_sizes;
  GArray     *client_ports;  /* the client's port for each request, in order */
} Fixture;

static void
record_call (Fixture    *fixture,
             const char *path)
{
  GArray *times = g_hash_table_lookup (fixture->calls, path);
  gint64 now = g_get_monotonic_time ();

  if (times == NULL)
    {
      times = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (fixture->calls, g_strdup (path), times);
    }
  g_array_append_val (times, now);
}

static guint
n_calls (Fixture    *fixture,
         const char *path)
{
  GArray *times = g_hash_table_lookup (fixture->calls, path);

  return times != NULL ? times->len : 0;
}

static void
reply (SoupServerMessage *msg,
       guint              status,
       const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  if (json != NULL)
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static void
users_page (Fixture           *fixture,
            SoupServerMessage *msg,
            guint              page,
            const char        *next)
{
  g_autoptr(GString) json = g_string_new ("{");

  if (page == 0)
    g_string_append (json, "\"@odata.count\": 5, ");
  g_string_append (json, "\"value\": [");
  for (guint i = 0; i < 2 && page * 2 + i < 5; i++)
    g_string_append_printf (json, "%s{\"id\": \"u%u\", \"displayName\": \"User %u\"}",
                            i > 0 ? ", " : "", page * 2 + i, page * 2 + i);
  g_string_append (json, "]");
  if (next != NULL)
    g_string_append_printf (json, ", \"@odata.nextLink\": \"%s\"", next);
  g_string_append (json, "}");

  reply (msg, SOUP_STATUS_OK, json->str);
}

/* A $batch endpoint with Graph's rules: each request answered on its own,
 * dependsOn honoured with 424, answers in reverse order. */
static void
batch_handler (Fixture           *fixture,
               SoupServerMessage *msg)
{
  g_autoptr(GBytes) request_body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(JsonNode) root = json_from_string (g_bytes_get_data (request_body, NULL), NULL);
  g_autoptr(GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *json = NULL;
  JsonArray *requests;
  guint n;

  g_assert_nonnull (root);
  requests = json_object_get_array_member (json_node_get_object (root), "requests");
  n = json_array_get_length (requests);
  g_array_append_val (fixture->batch_sizes, n);
  g_assert_cmpuint (n, <=, 20);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "responses");
  json_builder_begin_array (builder);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *r = json_array_get_object_element (requests, i);
      const char *id = json_object_get_string_member (r, "id");
      const char *url = json_object_get_string_member (r, "url");
      guint status = 200;

      if (json_object_has_member (r, "dependsOn"))
        {
          const char *dep = json_array_get_string_element (json_object_get_array_member (r, "dependsOn"), 0);
          guint dep_status = GPOINTER_TO_UINT (g_hash_table_lookup (statuses, dep));

          g_assert_cmpuint (dep_status, !=, 0);  /* answered before, in this batch */
          if (dep_status >= 300)
            status = 424;
        }

      if (status == 200)
        {
          record_call (fixture, url);
          if (g_str_has_prefix (url, "/users/throttle-once") && n_calls (fixture, url) == 1)
            status = 429;
          else if (g_str_has_prefix (url, "/users/fail"))
            status = 400;
        }
      g_hash_table_insert (statuses, (gpointer) id, GUINT_TO_POINTER (status));
    }

  /* Answers in any order: here, backwards. */
  for (guint i = n; i-- > 0;)
    {
      JsonObject *r = json_array_get_object_element (requests, i);
      const char *id = json_object_get_string_member (r, "id");
      const char *url = json_object_get_string_member (r, "url");
      guint status = GPOINTER_TO_UINT (g_hash_table_lookup (statuses, id));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "status");
      json_builder_add_int_value (builder, status);
      if (status == 429)
        {
          json_builder_set_member_name (builder, "headers");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "retry-after");
          json_builder_add_string_value (builder, "1");
          json_builder_end_object (builder);
        }
      json_builder_set_member_name (builder, "body");
      json_builder_begin_object (builder);
      if (status == 200)
        {
          json_builder_set_member_name (builder, "url");
          json_builder_add_string_value (builder, url);
        }
      else if (status == 400)
        {
          json_builder_set_member_name (builder, "error");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, "Request_BadRequest");
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, "Invalid value.");
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  json = json_to_string (answer, FALSE);
  reply (msg, SOUP_STATUS_OK, json);
}

static void
operation_handler (Fixture           *fixture,
                   SoupServerMessage *msg,
                   const char        *path,
                   guint              calls)
{
  if (g_str_equal (path, "/operations/slow"))
    reply (msg, SOUP_STATUS_OK, calls < 3 ? "{\"id\": \"slow\", \"status\": \"running\"}"
                                          : "{\"id\": \"slow\", \"status\": \"succeeded\"}");
  else if (g_str_equal (path, "/operations/fail"))
    reply (msg, SOUP_STATUS_OK,
           "{\"status\": \"failed\", \"error\": {\"message\": \"Number already assigned.\"}}");
  else
    reply (msg, SOUP_STATUS_OK, "{\"status\": \"exploded\"}");
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Fixture *fixture = user_data;
  GSocketAddress *peer = soup_server_message_get_remote_address (msg);
  guint16 port = G_IS_INET_SOCKET_ADDRESS (peer) ? g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (peer)) : 0;
  guint calls;

  g_array_append_val (fixture->client_ports, port);
  record_call (fixture, path);
  calls = n_calls (fixture, path);
  g_free (fixture->last_consistency);
  fixture->last_consistency = g_strdup (soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                                      "ConsistencyLevel"));

  if (g_str_equal (path, "/v1.0/$batch"))
    batch_handler (fixture, msg);
  else if (g_str_has_prefix (path, "/operations/"))
    operation_handler (fixture, msg, path, calls);
  else if (g_str_equal (path, "/ok"))
    reply (msg, SOUP_STATUS_OK, "{\"hello\": \"world\"}");
  else if (g_str_equal (path, "/no-content"))
    reply (msg, SOUP_STATUS_NO_CONTENT, NULL);
  else if (g_str_equal (path, "/operation"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Location", "/operations/42");
      reply (msg, SOUP_STATUS_ACCEPTED, NULL);
    }
  else if (g_str_equal (path, "/forbidden"))
    reply (msg, SOUP_STATUS_FORBIDDEN,
           "{\"error\": {\"code\": \"Authorization_RequestDenied\", "
           "\"message\": \"Insufficient privileges to complete the operation.\", "
           "\"innerError\": {\"request-id\": \"4b1f-77\", \"date\": \"2026-11-22T20:00:00\"}}}");
  else if (g_str_equal (path, "/conflict-garbage"))
    reply (msg, SOUP_STATUS_CONFLICT, "{\"error\": {\"code\": 12, \"message\": [\"x\"]}}");
  else if (g_str_equal (path, "/throttled"))
    {
      if (calls <= fixture->fail_first)
        {
          soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "1");
          reply (msg, PV_HTTP_STATUS_TOO_MANY_REQUESTS,
                 "{\"error\": {\"code\": \"TooManyRequests\", \"message\": \"Slow down.\"}}");
        }
      else
        reply (msg, SOUP_STATUS_OK, "{\"done\": true}");
    }
  else if (g_str_equal (path, "/throttled-long"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "30");
      reply (msg, PV_HTTP_STATUS_TOO_MANY_REQUESTS, NULL);
    }
  else if (g_str_equal (path, "/unavailable"))
    {
      if (calls <= fixture->fail_first)
        reply (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      else
        reply (msg, SOUP_STATUS_OK, "{\"done\": true}");
    }
  else if (g_str_equal (path, "/gateway-timeout"))
    reply (msg, SOUP_STATUS_GATEWAY_TIMEOUT, NULL);
  else if (g_str_equal (path, "/drop"))
    {
      /* The connection dies after the request arrived: whatever it asked
       * for may have been done. */
      g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
      g_io_stream_close (stream, NULL, NULL);
    }
  else if (g_str_equal (path, "/malformed"))
    reply (msg, SOUP_STATUS_OK, "{\"value\": [");
  else if (g_str_equal (path, "/malformed-once"))
    reply (msg, SOUP_STATUS_OK, n_calls (fixture, path) == 1 ? "{\"value\": [" : "{\"value\": []}");
  else if (g_str_equal (path, "/deep"))
    {
      g_autoptr(GString) deep = g_string_new (NULL);
      for (guint i = 0; i < 500000; i++)
        g_string_append_c (deep, '[');
      reply (msg, SOUP_STATUS_OK, deep->str);
    }
  else if (g_str_equal (path, "/large"))
    {
      g_autoptr(GString) json = g_string_new ("{\"value\": [");
      for (guint i = 0; i < 20000; i++)
        g_string_append_printf (json, "%s{\"id\": \"user-%05u\", \"displayName\": \"Person %u\"}",
                                i > 0 ? "," : "", i, i);
      g_string_append (json, "]}");
      reply (msg, SOUP_STATUS_OK, json->str);
    }
  else if (g_str_equal (path, "/users"))
    {
      g_autofree char *next = g_strdup_printf ("%s/users/page1?$skiptoken=abc", fixture->base_url);
      users_page (fixture, msg, 0, next);
    }
  else if (g_str_equal (path, "/users/page1"))
    {
      g_autofree char *next = g_strdup_printf ("%s/users/page2?$skiptoken=def", fixture->base_url);
      users_page (fixture, msg, 1, next);
    }
  else if (g_str_equal (path, "/users/page2"))
    users_page (fixture, msg, 2, NULL);
  else if (g_str_equal (path, "/evil-users"))
    users_page (fixture, msg, 0, "http://attacker.invalid/steal?$skiptoken=abc");
  else if (g_str_equal (path, "/bad-item-users"))
    reply (msg, SOUP_STATUS_OK, "{\"value\": [{\"id\": \"u1\"}, {\"displayName\": \"no id\"}]}");
  else
    reply (msg, SOUP_STATUS_NOT_FOUND,
           "{\"error\": {\"code\": \"Request_ResourceNotFound\", \"message\": \"No such route.\"}}");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  fixture->calls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  fixture->fail_first = 2;
  fixture->batch_sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  fixture->client_ports = g_array_new (FALSE, FALSE, sizeof (guint16));
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, handler, fixture, NULL);
  g_assert_true (soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);

  uris = soup_server_get_uris (fixture->server);
  fixture->base_url = g_uri_to_string_partial (uris->data, G_URI_HIDE_PASSWORD);
  /* No trailing slash: paths are joined as absolute paths. */
  if (g_str_has_suffix (fixture->base_url, "/"))
    fixture->base_url[strlen (fixture->base_url) - 1] = '\0';
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  soup_server_disconnect (fixture->server);
  g_assert_finalize_object (fixture->server);
  g_hash_table_unref (fixture->calls);
  g_free (fixture->base_url);
  g_free (fixture->last_consistency);
  g_array_unref (fixture->batch_sizes);
  g_array_unref (fixture->client_ports);
}

static PvServiceClient *
new_client (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  PvServiceClient *client = pv_service_client_new (fixture->base_url, NULL, &error);

  g_assert_no_error (error);
  /* Short waits between retries when the server gives no Retry-After. */
  pv_service_client_set_retry_limits (client, 4, 20 * G_USEC_PER_SEC, 10 * G_TIME_SPAN_MILLISECOND);
  return client;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static PvServiceResponse *
request (PvServiceClient *client,
         const char      *method,
         const char      *path,
         PvRequestFlags   flags,
         GCancellable    *cancellable,
         GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) body = NULL;

  if (g_strcmp0 (method, "GET") != 0)
    body = json_from_string ("{\"enterpriseVoiceEnabled\": true}", NULL);

  pv_service_client_request_async (client, method, path, body, flags, cancellable,
                                   store_result_cb, &result);
  return pv_service_client_request_finish (client, wait_result (&result), error);
}

static void
test_success_and_body (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PvServiceClient) client = new_client (fixture);
  g_autoptr(PvServiceResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *body;

  response = request (client, "GET", "/ok", PV_REQUEST_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pv_service_response_get_status (response), ==, 200);
  body = pv_service_response_get_body (response);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (body), "hello"), ==, "world");
  g_clear_object (&response);

  response = request (client, "DELETE", "/no-content", PV_REQUEST_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pv_service_response_get_status (response), ==, 204);
  g_assert_null (pv_service_response_get_body (response));
  g_clear_object (&response);

  response = request (client, "POST", "/operation", PV_REQUEST_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pv_service_response_get_status (response), ==, 202);
  g_assert_cmpstr (pv_service_response_get_location (response), ==, "/operations/42");
}

static void
test_error_body_mapped (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PvServiceClient) client = new_client (fixture);
  g_autoptr(PvServiceResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = request (client, "GET", "/forbidden", PV_REQUEST_FLAGS_NONE, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_FORBIDDEN);
  g_assert_cmpstr (pv_service_error_get_service_code (error), ==, "Authorization_RequestDenied");
  g_assert_cmpstr (pv_service_error_get_request_id (error), ==, "4b1f-77");
  g_assert_cmpuint (pv_service_error_get_http_status (error), ==, 403);
  g_assert_nonnull (strstr (error->message, "Insufficient privileges"));
  /* A refusal is not retried. */
  g_assert_cmpuint (n_calls (fixture, "/forbidden"), ==, 1);

  /* The extended data survives a copy. */
  {
    g_autoptr(GError) copy = g_error_copy (error);
    g_assert_cmpstr (pv_service_error_get_request_id (copy), ==, "4b1f-77");
  }
  g_clear_error (&error);

  response = request (client, "GET", "/nowhere", PV_REQUEST_FLAGS_NONE, NULL, &error);
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_NOT_FOUND);
  g_assert_cmpstr (pv_service_error_get_service_code (error), ==, "Request_ResourceNotFound");
  g_clear_error (&error);

  /* An error body of the wrong shape still gives a clear error. */
  response = request (client, "GET", "/conflict-garbage", PV_REQUEST_FLAGS_NONE, NULL, &error);
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CONFLICT);
  g_assert_null (pv_service_error_get_service_code (error));
}

static void
test_retry_after_honoured (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(PvServiceClient) client = new_client (fixture);
  g_autoptr(PvServiceResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  GArray *times;

  /* Throttled twice with Retry-After: 1, then through, for a write: a
   * throttled request was not applied, so resending it is safe. */
  response = request (client, "POST", "/throttled", PV_REQUEST_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pv_service_response_get_status (response), ==, 200);

  times = g_hash_table_lookup (fixture->calls, "/throttled");
  g_assert_cmpuint (times->len, ==, 3);
  /* The client waited at least what it was told each time. */
  g_assert_cmpint (g_array_index (times, gint64, 1) - g_array_index (times, gint64, 0), >=, G_USEC_PER_SEC);
  g_assert_cmpint (g_array_index (times, gint64, 2) - g_array_index (times, gint64, 1), >=, G_USEC_PER_SEC);
}

static void
test_retries_are_capped (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PvServiceClient) client = new_client (fixture);
  g_autoptr(PvServiceResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  fixture->fail_first = 100;
  response = request (client, "GET", "/unavailable", PV_REQUEST_FLAGS_NONE, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_SERVER_ERROR);
  g_assert_cmpuint (n_calls (fixture, "/unavailable"), ==, 4);
  g_clear_error (&error);

  /* A Retry-After longer than the total time allowed is not waited for. */
  pv_service_client_set_retry_limits (client, 4, 5 * G_USEC_PER_SEC, 10 * G_TIME_SPAN_MILLISECOND);
  response = request (client, "GET", "/throttled-long", PV_REQUEST_FLAGS_NONE, NULL, &error);
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_THROTTLED);
  g_assert_cmpuint (n_calls (fixture, "/throttled-long"), ==, 1);
}

static void
test_backoff_without_retry_after (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(PvServiceClient) client = new_client (fixture);
  g_autoptr(PvServiceResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = request (client, "GET", "/unavailable", PV_REQUEST_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_calls (fixture, "/unavailable"), ==, 3);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel_during_wait (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PvServiceClient) client = new_client (fixture);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(PvServiceResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  /* Told to wait 30 s; cancelled after 0.2 s, it stops waiting. */
  pv_service_client_set_retry_limits (client, 4, 120 * G_USEC_PER_SEC, 10 * G_TIME_SPAN_MILLISECOND);
  g_timeout_add (200, cancel_cb, cancellable);
  response = request (client, "GET", "/throttled-long", PV_REQUEST_FLAGS_NONE, cancellable, &error);
  g_assert_null (response);
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED);
  g_assert_cmpuint (n_calls (fixture, "/throttled-long"), ==, 1);
  /* Far less than the 30 s it was told to wait: the wait was cut short. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

static void
test_dropped_write_not_repeated (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(PvServiceClient) client = new_client (fixture);
  g_autoptr(PvServiceResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  /* A change whose answer never came: reported as unknown, never resent. */
  response = request (client, "POST", "/drop", PV_REQUEST_FLAGS_NONE, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_OUTCOME_UNKNOWN);
  g_assert_cmpuint (n_calls (fixture, "/drop"), ==, 1);
  g_clear_error (&error);

  /* The same for a gateway timeout on a write. */
  response = request (client, "PATCH", "/gateway-timeout", PV_REQUEST_FLAGS_NONE, NULL, &error);
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_OUTCOME_UNKNOWN);
  g_assert_cmpuint (n_calls (fixture, "/gateway-timeout"), ==, 1);
  g_clear_error (&error);

  /* A write declared idempotent, and a read, are tried again. */
  response = request (client, "POST", "/drop", PV_REQUEST_FLAGS_IDEMPOTENT, NULL, &error);
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_NETWORK);
  g_assert_cmpuint (n_calls (fixture, "/drop"), >=, 1 + 4);
  g_clear_error (&error);

  response = request (client, "GET", "/gateway-timeout", PV_REQUEST_FLAGS_NONE, NULL, &error);
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_TIMEOUT);
  g_assert_cmpuint (n_calls (fixture, "/gateway-timeout"), ==, 1 + 4);
}

/* Over plain http each request has a connection of its own, so that
 * libsoup 3.2 never resends one by itself on a connection that closed:
 * that resend could crash it (see send_with_token). */
static void
test_connection_per_request (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(PvServiceClient) client = new_client (fixture);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PvServiceResponse) response = request (client, "GET", "/ok", PV_REQUEST_FLAGS_NONE,
                                                       NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (response);
    }

  g_assert_cmpuint (fixture->client_ports->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpuint (g_array_index (fixture->client_ports, guint16, i), !=, 0);
      for (guint j = 0; j < i; j++)
        g_assert_cmpuint (g_array_index (fixture->client_ports, guint16, i), !=,
                          g_array_index (fixture->client_ports, guint16, j));
    }
}

static void
test_malformed_answer (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PvServiceClient) client = new_client (fixture);
  g_autoptr(PvServiceResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  /* A read whose answer is cut is asked again, like a dropped one... */
  response = request (client, "GET", "/malformed", PV_REQUEST_FLAGS_NONE, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_MALFORMED_ANSWER);
  /* As many times as the client's four attempts allow. */
  g_assert_cmpuint (n_calls (fixture, "/malformed"), ==, 4);
  g_clear_error (&error);
  response = request (client, "GET", "/malformed-once", PV_REQUEST_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (response);
  g_assert_cmpuint (n_calls (fixture, "/malformed-once"), ==, 2);
  g_clear_object (&response);

  /* ...but a write is not sent twice on that account: it was applied. */
  response = request (client, "POST", "/malformed", PV_REQUEST_FLAGS_NONE, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_MALFORMED_ANSWER);
  g_assert_cmpuint (n_calls (fixture, "/malformed"), ==, 4 + 1);
  g_clear_error (&error);

  /* Nested deep enough to exhaust a recursive parser: refused, no crash. */
  response = request (client, "GET", "/deep", PV_REQUEST_FLAGS_NONE, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_MALFORMED_ANSWER);
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PvServiceClient) client = NULL;
  g_autoptr(PvServiceResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GSList *uris;
  guint port;

  /* A port nobody listens on: stop our server and reuse its address. */
  uris = soup_server_get_uris (fixture->server);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  soup_server_disconnect (fixture->server);
  url = g_strdup_printf ("http://127.0.0.1:%u", port);
  client = pv_service_client_new (url, NULL, &error);
  g_assert_no_error (error);
  pv_service_client_set_retry_limits (client, 2, 5 * G_USEC_PER_SEC, 10 * G_TIME_SPAN_MILLISECOND);

  /* A refused connection never carried the change: a plain network error,
   * not an unknown outcome. */
  response = request (client, "POST", "/ok", PV_REQUEST_FLAGS_NONE, NULL, &error);
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_NETWORK);
}

static void
test_bad_base_url (void)
{
  const char *bad[] = { "", "graph.microsoft.com", "ftp://example.com", "file:///etc/passwd", "http://" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PvServiceClient) client = pv_service_client_new (bad[i], NULL, &error);

      g_assert_null (client);
      g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_INVALID_REQUEST);
    }
}

static GObject *
parse_user (JsonNode    *node,
            const char  *path,
            GError     **error)
{
  return G_OBJECT (pv_user_new_from_json (node, path, error));
}

typedef struct
{
  guint n_changes;
  guint max_added;
} StoreWatch;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  StoreWatch *watch)
{
  watch->n_changes++;
  watch->max_added = MAX (watch->max_added, added);
}

static void
test_list_pages (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PvServiceClient) client = new_client (fixture);
  g_autoptr(GListStore) store = g_list_store_new (PV_TYPE_USER);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  StoreWatch watch = { 0, 0 };
  gint64 count = 0;
  g_autoptr(PvUser) last = NULL;

  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), &watch);
  pv_service_client_list_async (client, "/users?$count=true", PV_REQUEST_FLAGS_EVENTUAL_CONSISTENCY,
                                parse_user, store, NULL, store_result_cb, &result);
  g_assert_true (pv_service_client_list_finish (client, wait_result (&result), &count, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 5);
  g_assert_cmpint (count, ==, 5);
  /* One change per page, as the pages arrived. */
  g_assert_cmpuint (watch.n_changes, ==, 3);
  g_assert_cmpuint (watch.max_added, ==, 2);
  last = g_list_model_get_item (G_LIST_MODEL (store), 4);
  g_assert_cmpstr (pv_user_get_id (last), ==, "u4");
  /* Graph does not carry ConsistencyLevel into next links: we resend it. */
  g_assert_cmpstr (fixture->last_consistency, ==, "eventual");
}

static void
test_list_refuses_foreign_next_link (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(PvServiceClient) client = new_client (fixture);
  g_autoptr(GListStore) store = g_list_store_new (PV_TYPE_USER);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pv_service_client_list_async (client, "/evil-users", PV_REQUEST_FLAGS_NONE,
                                parse_user, store, NULL, store_result_cb, &result);
  g_assert_false (pv_service_client_list_finish (client, wait_result (&result), NULL, &error));
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_MALFORMED_ANSWER);
  /* The first page, from the service itself, was kept. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
}

static void
test_list_bad_item (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PvServiceClient) client = new_client (fixture);
  g_autoptr(GListStore) store = g_list_store_new (PV_TYPE_USER);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pv_service_client_list_async (client, "/bad-item-users", PV_REQUEST_FLAGS_NONE,
                                parse_user, store, NULL, store_result_cb, &result);
  g_assert_false (pv_service_client_list_finish (client, wait_result (&result), NULL, &error));
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_MALFORMED_ANSWER);
  /* It names the item that was wrong. */
  g_assert_nonnull (strstr (error->message, "value[1]"));
  /* Nothing half-read was added. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
}

static void
test_large_answer_parsed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PvServiceClient) client = new_client (fixture);
  g_autoptr(GListStore) store = g_list_store_new (PV_TYPE_USER);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Large enough to be parsed in a worker thread. */
  pv_service_client_list_async (client, "/large", PV_REQUEST_FLAGS_NONE,
                                parse_user, store, NULL, store_result_cb, &result);
  g_assert_true (pv_service_client_list_finish (client, wait_result (&result), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 20000);
}

static GPtrArray *
make_items (const char *url_prefix,
            guint       n)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonNode) body = json_from_string ("{\"usageLocation\": \"FR\"}", NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", url_prefix, i);
      g_autofree char *url = g_strdup_printf ("/users/%s-%u", url_prefix, i);

      g_ptr_array_add (items, pv_batch_item_new (id, "PATCH", url, body));
    }

  return items;
}

static gboolean
run_batch (PvServiceClient  *client,
           GPtrArray        *items,
           GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pv_service_client_batch_async (client, "/v1.0/$batch", items, NULL, store_result_cb, &result);
  return pv_service_client_batch_finish (client, wait_result (&result), error);
}

static void
test_batch_packs_and_correlates (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(PvServiceClient) client = new_client (fixture);
  g_autoptr(GPtrArray) items = make_items ("ok", 45);
  g_autoptr(GError) error = NULL;

  g_assert_true (run_batch (client, items, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (fixture->batch_sizes->len, ==, 3);
  g_assert_cmpuint (g_array_index (fixture->batch_sizes, guint, 0), ==, 20);
  g_assert_cmpuint (g_array_index (fixture->batch_sizes, guint, 2), ==, 5);

  /* Answers came back reversed; each item still has its own. */
  for (guint i = 0; i < items->len; i++)
    {
      PvBatchItem *item = g_ptr_array_index (items, i);
      PvServiceResponse *response = pv_batch_item_get_response (item);

      g_assert_nonnull (response);
      g_assert_cmpuint (pv_service_response_get_status (response), ==, 200);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (pv_service_response_get_body (response)), "url"),
                       ==, pv_batch_item_get_url (item));
      g_assert_cmpuint (n_calls (fixture, pv_batch_item_get_url (item)), ==, 1);
    }
}

static void
test_batch_inner_throttle_and_failures (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(PvServiceClient) client = new_client (fixture);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  PvBatchItem *dependent;
  const GError *item_error;

  g_ptr_array_add (items, pv_batch_item_new ("a", "PATCH", "/users/throttle-once-a", NULL));
  dependent = pv_batch_item_new ("b", "POST", "/users/ok-b", NULL);
  pv_batch_item_set_depends_on (dependent, "a");
  g_ptr_array_add (items, dependent);
  g_ptr_array_add (items, pv_batch_item_new ("c", "PATCH", "/users/ok-c", NULL));
  g_ptr_array_add (items, pv_batch_item_new ("d", "PATCH", "/users/fail-d", NULL));

  g_assert_true (run_batch (client, items, &error));

  /* The throttled request went again after its Retry-After, and the one
   * depending on it with it; the others were not repeated. */
  g_assert_nonnull (pv_batch_item_get_response (g_ptr_array_index (items, 0)));
  g_assert_nonnull (pv_batch_item_get_response (dependent));
  g_assert_cmpuint (n_calls (fixture, "/users/throttle-once-a"), ==, 2);
  g_assert_cmpuint (n_calls (fixture, "/users/ok-b"), ==, 1);
  g_assert_cmpuint (n_calls (fixture, "/users/ok-c"), ==, 1);
  g_assert_cmpuint (fixture->batch_sizes->len, ==, 2);
  g_assert_cmpuint (g_array_index (fixture->batch_sizes, guint, 1), ==, 2);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC);

  /* A refused request keeps the service's reason. */
  item_error = pv_batch_item_get_error (g_ptr_array_index (items, 3));
  g_assert_error ((GError *) item_error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_INVALID_REQUEST);
  g_assert_cmpstr (pv_service_error_get_service_code (item_error), ==, "Request_BadRequest");
  g_assert_cmpuint (n_calls (fixture, "/users/fail-d"), ==, 1);
}

static void
test_batch_failed_dependency (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(PvServiceClient) client = new_client (fixture);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  PvBatchItem *dependent;

  g_ptr_array_add (items, pv_batch_item_new ("x", "PATCH", "/users/fail-x", NULL));
  dependent = pv_batch_item_new ("y", "POST", "/users/ok-y", NULL);
  pv_batch_item_set_depends_on (dependent, "x");
  g_ptr_array_add (items, dependent);

  g_assert_true (run_batch (client, items, &error));
  g_assert_error ((GError *) pv_batch_item_get_error (dependent), PV_SERVICE_ERROR, PV_SERVICE_ERROR_CONFLICT);
  /* It was never attempted. */
  g_assert_cmpuint (n_calls (fixture, "/users/ok-y"), ==, 0);
}

static void
test_batch_keeps_chains_together (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(PvServiceClient) client = new_client (fixture);
  g_autoptr(GPtrArray) items = make_items ("ok", 19);
  g_autoptr(GError) error = NULL;
  PvBatchItem *second;

  g_ptr_array_add (items, pv_batch_item_new ("first", "PATCH", "/users/ok-first", NULL));
  second = pv_batch_item_new ("second", "POST", "/users/ok-second", NULL);
  pv_batch_item_set_depends_on (second, "first");
  g_ptr_array_add (items, second);

  g_assert_true (run_batch (client, items, &error));
  /* 19 + a chain of 2 would be 21: the chain goes whole to the next batch. */
  g_assert_cmpuint (fixture->batch_sizes->len, ==, 2);
  g_assert_cmpuint (g_array_index (fixture->batch_sizes, guint, 0), ==, 19);
  g_assert_cmpuint (g_array_index (fixture->batch_sizes, guint, 1), ==, 2);
  g_assert_nonnull (pv_batch_item_get_response (second));
}

static void
test_batch_refuses_bad_packing (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(PvServiceClient) client = new_client (fixture);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
    g_ptr_array_add (items, pv_batch_item_new ("same", "PATCH", "/users/ok-1", NULL));
    g_ptr_array_add (items, pv_batch_item_new ("same", "PATCH", "/users/ok-2", NULL));
    g_assert_false (run_batch (client, items, &error));
    g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_INVALID_REQUEST);
    g_clear_error (&error);
  }

  {
    g_autoptr(GPtrArray) items = make_items ("chain", 21);
    for (guint i = 1; i < items->len; i++)
      pv_batch_item_set_depends_on (g_ptr_array_index (items, i),
                                    pv_batch_item_get_id (g_ptr_array_index (items, i - 1)));
    g_assert_false (run_batch (client, items, &error));
    g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_INVALID_REQUEST);
    g_clear_error (&error);
  }

  {
    g_autoptr(GPtrArray) items = make_items ("orphan", 2);
    pv_batch_item_set_depends_on (g_ptr_array_index (items, 1), "nobody");
    g_assert_false (run_batch (client, items, &error));
    g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_INVALID_REQUEST);
    g_clear_error (&error);
  }

  /* Nothing was sent for any of them. */
  g_assert_cmpuint (fixture->batch_sizes->len, ==, 0);
}

static PvServiceResponse *
wait_operation (PvServiceClient  *client,
                const char       *location,
                GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pv_service_client_wait_operation_async (client, location, NULL, store_result_cb, &result);
  return pv_service_client_wait_operation_finish (client, wait_result (&result), error);
}

static void
test_operation_polled_to_its_end (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(PvServiceClient) client = new_client (fixture);
  g_autoptr(PvServiceResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = wait_operation (client, "/operations/slow", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (pv_service_response_get_body (response)), "status"),
                   ==, "succeeded");
  g_assert_cmpuint (n_calls (fixture, "/operations/slow"), ==, 3);

  g_clear_object (&response);
  response = wait_operation (client, "/operations/fail", &error);
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Number already assigned."));
  g_clear_error (&error);

  response = wait_operation (client, "/operations/weird", &error);
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_MALFORMED_ANSWER);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/client/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("success-and-body", test_success_and_body);
  ADD ("error-body-mapped", test_error_body_mapped);
  ADD ("retry-after-honoured", test_retry_after_honoured);
  ADD ("retries-are-capped", test_retries_are_capped);
  ADD ("backoff-without-retry-after", test_backoff_without_retry_after);
  ADD ("cancel-during-wait", test_cancel_during_wait);
  ADD ("dropped-write-not-repeated", test_dropped_write_not_repeated);
  ADD ("connection-per-request", test_connection_per_request);
  ADD ("malformed-answer", test_malformed_answer);
  ADD ("unreachable", test_unreachable);
  ADD ("list-pages", test_list_pages);
  ADD ("list-refuses-foreign-next-link", test_list_refuses_foreign_next_link);
  ADD ("list-bad-item", test_list_bad_item);
  ADD ("large-answer-parsed", test_large_answer_parsed);
  ADD ("batch-packs-and-correlates", test_batch_packs_and_correlates);
  ADD ("batch-inner-throttle-and-failures", test_batch_inner_throttle_and_failures);
  ADD ("batch-failed-dependency", test_batch_failed_dependency);
  ADD ("batch-keeps-chains-together", test_batch_keeps_chains_together);
  ADD ("batch-refuses-bad-packing", test_batch_refuses_bad_packing);
  ADD ("operation-polled-to-its-end", test_operation_polled_to_its_end);
  g_test_add_func ("/client/bad-base-url", test_bad_base_url);

  return g_test_run ();
}
