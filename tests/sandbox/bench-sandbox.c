/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <libsoup/soup.h>

#include "pv-sandbox-server.h"

/* The sandbox's own throughput, measured from a libsoup client keeping
 * several requests in flight over several connections: user pages, then
 * Enable-CsUser requests.  Figures only; nothing is asserted about time. */

#define N_USERS 20000
#define IN_FLIGHT 8

typedef struct
{
  SoupSession *session;
  GPtrArray   *urls;
  GPtrArray   *bodies;
  const char  *method;
  guint        next;
  guint        pending;
  guint        ok;
  guint        succeeded;
  guint        failed;
  GMainLoop   *loop;
} Run;

static void send_next (Run *run);

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result,
                                                               NULL);

  if (bytes != NULL && soup_message_get_status (message) < 500)
    run->ok++;
  if (bytes != NULL && soup_message_get_status (message) == 200)
    run->succeeded++;
  else
    run->failed++;
  run->pending--;
  send_next (run);
  if (run->pending == 0 && run->next == run->urls->len)
    g_main_loop_quit (run->loop);
}

static void
send_next (Run *run)
{
  while (run->pending < IN_FLIGHT && run->next < run->urls->len)
    {
      g_autoptr(SoupMessage) message = soup_message_new (run->method,
                                                         g_ptr_array_index (run->urls, run->next));

      if (run->bodies != NULL)
        {
          const char *body = g_ptr_array_index (run->bodies, run->next);
          g_autoptr(GBytes) bytes = g_bytes_new_static (body, strlen (body));

          soup_message_set_request_body_from_bytes (message, "application/json", bytes);
        }
      run->next++;
      run->pending++;
      soup_session_send_and_read_async (run->session, message, G_PRIORITY_DEFAULT, NULL,
                                        sent_cb, run);
    }
}

static double
measure (SoupSession *session,
         const char  *method,
         GPtrArray   *urls,
         GPtrArray   *bodies,
         guint       *ok,
         guint       *succeeded)
{
  Run run = { session, urls, bodies, method, 0, 0, 0, 0, 0, g_main_loop_new (NULL, FALSE) };
  gint64 start = g_get_monotonic_time ();
  double seconds;

  send_next (&run);
  g_main_loop_run (run.loop);
  seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_main_loop_unref (run.loop);
  *ok = run.ok;
  *succeeded = run.succeeded;
  return urls->len / seconds;
}

static JsonNode *
get_json (SoupSession *session,
          const char  *url)
{
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GBytes) bytes = soup_session_send_and_read (session, message, NULL, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_nonnull (bytes);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             (gssize) g_bytes_get_size (bytes), NULL));
  return json_node_ref (json_parser_get_root (parser));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("pv-sandbox-bench-XXXXXX", &error);
  g_autofree char *state = g_build_filename (folder, "state.db", NULL);
  g_autoptr(PvSandboxServer) server = NULL;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("max-conns", IN_FLIGHT,
                                                                  "max-conns-per-host", IN_FLIGHT,
                                                                  NULL);
  g_autoptr(GPtrArray) page_urls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) enable_urls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) enable_bodies = g_ptr_array_new ();
  g_autofree char *url = NULL;
  const char *base;
  gint64 start;
  double rate;
  guint ok;
  guint succeeded;

  setlocale (LC_ALL, "");
  server = pv_sandbox_server_new (state, PV_SANDBOX_SEED, &error);
  g_assert_no_error (error);
  pv_sandbox_server_set_generated_users (server, N_USERS);
  start = g_get_monotonic_time ();
  g_assert_true (pv_sandbox_server_start (server, 0, &error));
  printf ("seeded %d generated people in %.2f s\n", N_USERS,
          (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
  base = pv_sandbox_server_get_base_url (server);

  /* The page links of one walk, then fetched again concurrently. */
  url = g_strconcat (base, "/v1.0/users?$top=100&$select=id,displayName,mail,"
                           "onPremisesSyncEnabled", NULL);
  while (url != NULL)
    {
      g_autoptr(JsonNode) page = get_json (session, url);
      JsonObject *root = json_node_get_object (page);
      JsonArray *value = json_object_get_array_member (root, "value");

      g_ptr_array_add (page_urls, g_steal_pointer (&url));
      for (guint i = 0; i < json_array_get_length (value) && enable_urls->len < 5000; i++)
        {
          JsonObject *user = json_array_get_object_element (value, i);

          g_ptr_array_add (enable_urls,
                           g_strdup_printf ("%s/provisio/v1/users/%s/enable", base,
                                            json_object_get_string_member (user, "id")));
          g_ptr_array_add (enable_bodies,
                           (gpointer) "{\"registrarPool\":\"pool01.contoso.com\","
                                      "\"sipAddressType\":\"UserPrincipalName\"}");
        }
      url = g_strdup (json_object_get_string_member_with_default (root, "@odata.nextLink", NULL));
    }

  rate = measure (session, "GET", page_urls, NULL, &ok, &succeeded);
  printf ("user pages ($top=100): %u requests, %u answered, %.0f requests/s, "
          "%.0f users/s (%d in flight)\n", page_urls->len, ok, rate, rate * 100, IN_FLIGHT);
  /* Refusals (cloud-only accounts, people already enabled) are answers
   * too, and as costly to decide. */
  rate = measure (session, "POST", enable_urls, enable_bodies, &ok, &succeeded);
  printf ("enable requests: %u requests, %u answered (%u enabled, the rest refused), "
          "%.0f requests/s (%d in flight)\n",
          enable_urls->len, ok, succeeded, rate, IN_FLIGHT);

  pv_sandbox_server_stop (server);
  g_clear_object (&server);
  {
    g_autofree char *wal = g_strconcat (state, "-wal", NULL);
    g_autofree char *shm = g_strconcat (state, "-shm", NULL);

    g_remove (state);
    g_remove (wal);
    g_remove (shm);
    g_rmdir (folder);
  }
  return 0;
}
