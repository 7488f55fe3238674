/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "pv-json.h"
#include "sandbox-test-util.h"

/* Fault injection: parsing the specification, the same faults for the
 * same seed, and each kind as a client meets it. */

static void
test_spec (void)
{
  const char *valid[] = {
    NULL, "", "rate=0", "rate=1", "rate=0.25,kinds=429", "kinds=429+503+drop+delay+malformed",
    "rate=0.5,seed=42,delay=10,retry-after=7", " rate=0.1 , kinds=drop ",
  };
  const char *invalid[] = {
    "rate", "rate=2", "rate=-0.1", "rate=abc", "kinds=", "kinds=429+teapot", "seed=-1",
    "delay=1e9", "colour=blue", "rate=0.5;kinds=429", "retry-after=x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PvSandboxFaults) faults = pv_sandbox_faults_new (valid[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (faults);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PvSandboxFaults) faults = pv_sandbox_faults_new (invalid[i], &error);

      g_test_message ("spec %s", invalid[i]);
      g_assert_null (faults);
      g_assert_error (error, PV_SANDBOX_FAULTS_ERROR, PV_SANDBOX_FAULTS_ERROR_INVALID_SPEC);
    }
  {
    g_autoptr(PvSandboxFaults) faults = pv_sandbox_faults_new ("rate=0.3,kinds=503+429,"
                                                               "retry-after=9,delay=25", NULL);

    g_assert_cmpfloat (pv_sandbox_faults_get_rate (faults), ==, 0.3);
    g_assert_cmpuint (pv_sandbox_faults_get_kinds (faults), ==,
                      (1u << PV_SANDBOX_FAULT_THROTTLE) | (1u << PV_SANDBOX_FAULT_UNAVAILABLE));
    g_assert_cmpuint (pv_sandbox_faults_get_retry_after (faults), ==, 9);
    g_assert_cmpuint (pv_sandbox_faults_get_delay_ms (faults), ==, 25);
  }
  /* No rate, no fault. */
  {
    g_autoptr(PvSandboxFaults) faults = pv_sandbox_faults_new ("kinds=429", NULL);

    for (guint i = 0; i < 100; i++)
      g_assert_cmpint (pv_sandbox_faults_draw (faults), ==, PV_SANDBOX_FAULT_NONE);
  }
}

static GArray *
statuses_for (const char *spec,
              guint       n)
{
  SandboxFixture fixture = { 0 };
  GArray *statuses = g_array_new (FALSE, FALSE, sizeof (guint));

  sandbox_fixture_open (&fixture, 0, spec);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(Reply) reply = sandbox_call (&fixture, "GET", "/v1.0/me", NULL, FALSE);

      g_array_append_val (statuses, reply->status);
      if (reply->status == 429)
        {
          g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Retry-After"), ==, "3");
          g_assert_cmpstr (reply_error_code (reply), ==, "TooManyRequests");
        }
      else if (reply->status == 503)
        g_assert_cmpstr (reply_error_code (reply), ==, "serviceNotAvailable");
      else
        g_assert_cmpuint (reply->status, ==, 200);
    }
  sandbox_fixture_close (&fixture);
  return statuses;
}

static void
test_deterministic (void)
{
  const char *spec = "rate=0.5,kinds=429+503,seed=7,retry-after=3";
  g_autoptr(GArray) first = statuses_for (spec, 40);
  g_autoptr(GArray) second = statuses_for (spec, 40);
  g_autoptr(GArray) other = statuses_for ("rate=0.5,kinds=429+503,seed=8,retry-after=3", 40);
  guint counts[3] = { 0 };
  gboolean differs = FALSE;

  for (guint i = 0; i < first->len; i++)
    {
      guint status = g_array_index (first, guint, i);

      g_assert_cmpuint (status, ==, g_array_index (second, guint, i));
      differs |= status != g_array_index (other, guint, i);
      counts[status == 200 ? 0 : status == 429 ? 1 : 2]++;
    }
  /* Each outcome happens, and another seed gives another run. */
  g_assert_cmpuint (counts[0], >, 0);
  g_assert_cmpuint (counts[1], >, 0);
  g_assert_cmpuint (counts[2], >, 0);
  g_assert_true (differs);
}

static void
test_drop (void)
{
  SandboxFixture fixture = { 0 };

  sandbox_fixture_open (&fixture, 0, "rate=1,kinds=drop");
  {
    g_autoptr(Reply) reply = sandbox_call (&fixture, "GET", "/v1.0/me", NULL, FALSE);

    g_assert_nonnull (reply->error);
    g_assert_null (reply->body);
  }
  sandbox_fixture_close (&fixture);
}

static void
test_malformed (void)
{
  g_autoptr(GError) error = NULL;
  SandboxFixture fixture = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;

  /* Found before the faults start. */
  sandbox_fixture_open (&fixture, 0, NULL);
  id = sandbox_find_user_id (&fixture, "Søren");
  pv_sandbox_server_stop (fixture.server);
  {
    g_autoptr(PvSandboxFaults) faults = pv_sandbox_faults_new ("rate=1,kinds=malformed", NULL);

    pv_sandbox_server_set_faults (fixture.server, faults);
  }
  g_assert_true (pv_sandbox_server_start (fixture.server, 0, &error));

  {
    g_autoptr(Reply) reply = sandbox_call (&fixture, "GET", "/v1.0/users?$top=3", NULL, FALSE);
    gsize size = 0;
    const char *data = g_bytes_get_data (reply->raw, &size);
    g_autoptr(JsonNode) node = NULL;

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpuint (size, >, 0);
    g_assert_null (reply->body);
    node = pv_json_parse (data, (gssize) size, &error);
    g_assert_null (node);
    g_clear_error (&error);
  }

  /* The write took effect even though its answer was broken. */
  path = g_strdup_printf ("/v1.0/users/%s", id);
  {
    g_autoptr(Reply) reply = sandbox_call (&fixture, "PATCH", path, "{\"usageLocation\":\"IS\"}",
                                           FALSE);

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_null (reply->body);
  }
  pv_sandbox_server_stop (fixture.server);
  pv_sandbox_server_set_faults (fixture.server, NULL);
  g_assert_true (pv_sandbox_server_start (fixture.server, 0, &error));
  {
    g_autofree char *get = g_strdup_printf ("%s?$select=usageLocation", path);
    g_autoptr(Reply) reply = sandbox_call (&fixture, "GET", get, NULL, FALSE);

    g_assert_cmpstr (reply_string (reply, "usageLocation"), ==, "IS");
  }
  sandbox_fixture_close (&fixture);
}

typedef struct
{
  guint      pending;
  guint      succeeded;
  GMainLoop *loop;
} Concurrent;

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Concurrent *state = user_data;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result,
                                                               NULL);

  if (bytes != NULL && g_bytes_get_size (bytes) > 0)
    state->succeeded++;
  if (--state->pending == 0)
    g_main_loop_quit (state->loop);
}

static void
test_delay_does_not_stall (void)
{
  SandboxFixture fixture = { 0 };
  Concurrent state = { 0 };
  g_autofree char *url = NULL;
  gint64 start;
  gint64 elapsed;
  const guint n = 6;

  sandbox_fixture_open (&fixture, 0, "rate=1,kinds=delay,delay=400");
  url = g_strconcat (pv_sandbox_server_get_base_url (fixture.server), "/v1.0/me", NULL);
  state.loop = g_main_loop_new (NULL, FALSE);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SoupMessage) message = soup_message_new ("GET", url);

      state.pending++;
      soup_session_send_and_read_async (fixture.session, message, G_PRIORITY_DEFAULT, NULL,
                                        sent_cb, &state);
    }
  g_main_loop_run (state.loop);
  elapsed = (g_get_monotonic_time () - start) / 1000;
  g_test_message ("%u delayed requests in %" G_GINT64_FORMAT " ms", n, elapsed);

  g_assert_cmpuint (state.succeeded, ==, n);
  g_assert_cmpint (elapsed, >=, 400);
  /* One after the other would take n × 400 ms: the delays overlap. */
  g_assert_cmpint (elapsed, <, (gint64) (n * 400) * 3 / 4);
  g_main_loop_unref (state.loop);
  sandbox_fixture_close (&fixture);
}

static void
test_stop_while_delayed (void)
{
  SandboxFixture fixture = { 0 };
  Concurrent state = { 0 };
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) message = NULL;

  sandbox_fixture_open (&fixture, 0, "rate=1,kinds=delay,delay=5000");
  url = g_strconcat (pv_sandbox_server_get_base_url (fixture.server), "/v1.0/me", NULL);
  state.loop = g_main_loop_new (NULL, FALSE);
  message = soup_message_new ("GET", url);
  state.pending = 1;
  soup_session_send_and_read_async (fixture.session, message, G_PRIORITY_DEFAULT, NULL,
                                    sent_cb, &state);
  /* Let the request reach the server, then stop it under the client. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_usleep (200 * 1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  pv_sandbox_server_stop (fixture.server);
  g_main_loop_run (state.loop);
  g_assert_cmpuint (state.succeeded, ==, 0);
  g_main_loop_unref (state.loop);
  sandbox_fixture_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbox/faults/spec", test_spec);
  g_test_add_func ("/sandbox/faults/deterministic", test_deterministic);
  g_test_add_func ("/sandbox/faults/drop", test_drop);
  g_test_add_func ("/sandbox/faults/malformed", test_malformed);
  g_test_add_func ("/sandbox/faults/delay-does-not-stall", test_delay_does_not_stall);
  g_test_add_func ("/sandbox/faults/stop-while-delayed", test_stop_while_delayed);

  return g_test_run ();
}
