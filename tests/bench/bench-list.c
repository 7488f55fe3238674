/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <libsoup/soup.h>

#include "bench-util.h"
#include "pv-json.h"
#include "pv-service-calls.h"
#include "pv-user.h"

/* Listing 100 000 people through PvServiceClient from the in-process
 * sandbox over loopback, the way the Select users page loads them: total
 * time, time to the first page, the process's memory, and how long the
 * main loop went without polling while the pages came in (a window
 * would miss a frame at 60 Hz for every iteration over 16.7 ms).
 * Figures only; nothing is asserted about time. */

#define N_USERS 100000
#define N_RUNS 3

typedef struct
{
  gint64 start;
  gint64 first_page;
  guint  n_pages;
  GAsyncResult *result;
} Listing;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Listing    *listing)
{
  if (listing->n_pages++ == 0)
    listing->first_page = g_get_monotonic_time ();
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ((Listing *) user_data)->result = g_object_ref (result);
}

/* Where one page's time goes: the client parses the JSON of a page in
 * a worker thread, then turns each item into a PvUser, splices them into
 * the store and frees the JSON tree on the main loop.  The same steps on
 * the first page, timed one by one. */
static void
page_breakdown (const char *base)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (base, "/v1.0/users?$top=999&$count=true&$select=",
                                      PV_USER_SELECT, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_GET, url);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) parse = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) convert = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) splice = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) release = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  guint n_items = 0;

  soup_message_headers_append (soup_message_get_request_headers (message), "ConsistencyLevel", "eventual");
  bytes = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);

  for (guint round = 0; round < 7; round++)
    {
      g_autoptr(GListStore) store = g_list_store_new (PV_TYPE_USER);
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
      gint64 t0, t1, t2, t3, t4;
      JsonNode *root;
      JsonArray *values;

      t0 = g_get_monotonic_time ();
      root = pv_json_parse (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
      t1 = g_get_monotonic_time ();
      values = json_object_get_array_member (json_node_get_object (root), "value");
      n_items = json_array_get_length (values);
      for (guint i = 0; i < n_items; i++)
        {
          g_autofree char *path = g_strdup_printf ("value[%u]", i);
          PvUser *user = pv_user_new_from_json (json_array_get_element (values, i), path, &error);

          g_assert_no_error (error);
          g_ptr_array_add (items, user);
        }
      t2 = g_get_monotonic_time ();
      g_list_store_splice (store, 0, 0, items->pdata, items->len);
      t3 = g_get_monotonic_time ();
      json_node_unref (root);
      t4 = g_get_monotonic_time ();

      t4 -= t3; t3 -= t2; t2 -= t1; t1 -= t0;
      g_array_append_val (parse, t1);
      g_array_append_val (convert, t2);
      g_array_append_val (splice, t3);
      g_array_append_val (release, t4);
    }

  printf ("\none page of %u people (%.0f KiB of JSON), median of 7, in ms:\n", n_items,
          g_bytes_get_size (bytes) / 1024.0);
  printf ("  parse JSON (worker thread)              %7.1f\n", bench_quantile_ms (parse, 0.5));
  printf ("  JSON → PvUser, per item (worker thread) %7.1f\n", bench_quantile_ms (convert, 0.5));
  printf ("  splice into the store (main loop)       %7.2f\n", bench_quantile_ms (splice, 0.5));
  printf ("  free the JSON tree (worker thread)      %7.1f\n", bench_quantile_ms (release, 0.5));
}

int
main (int   argc,
      char *argv[])
{
  BenchSandbox sandbox = { 0 };
  g_autoptr(PvServiceClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) firsts = g_array_new (FALSE, FALSE, sizeof (gint64));
  BenchStallWatch *watch;
  gint64 rss_before;
  gboolean peak_reset = FALSE;
  guint n_runs = argc > 1 ? (guint) CLAMP (g_ascii_strtoull (argv[1], NULL, 10), 1, 100) : N_RUNS;

  setlocale (LC_ALL, "");
  bench_sandbox_start (&sandbox, PV_SANDBOX_SEED, N_USERS);
  client = pv_service_client_new (pv_sandbox_server_get_base_url (sandbox.server), NULL, &error);
  g_assert_no_error (error);
  watch = bench_stall_watch_new ();

  printf ("Listing %d people: PvServiceClient ← in-process sandbox over loopback\n", N_USERS);
  printf ("  (sandbox tenant generated and stored in %.1f s)\n\n", sandbox.seed_seconds);
  printf ("%-5s %10s %12s %9s %13s %13s %12s %10s %10s %9s %8s\n",
          "run", "total s", "1st page ms", "pages", "people/s",
          "RSS before MB", "peak RSS MB", "held MB", "max stall", "p99 stall", ">16.7ms");

  for (guint run = 0; run < n_runs; run++)
    {
      g_autoptr(GListStore) store = g_list_store_new (PV_TYPE_USER);
      g_autoptr(GAsyncResult) result = NULL;
      Listing listing = { 0 };
      gint64 count = -1, end, rss_after, peak;
      gint64 total;
      gint64 first;

      rss_before = bench_rss_kb ();
      peak_reset = bench_reset_peak_rss ();
      g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), &listing);

      listing.start = g_get_monotonic_time ();
      bench_stall_watch_reset (watch);
      pv_service_client_list_users_async (client, store, NULL, listed_cb, &listing);
      while (listing.result == NULL)
        g_main_context_iteration (NULL, TRUE);
      end = g_get_monotonic_time ();
      result = listing.result;
      if (!pv_service_client_list_users_finish (client, result, &count, &error))
        g_error ("Listing failed: %s", error->message);
      if (g_list_model_get_n_items (G_LIST_MODEL (store)) != N_USERS || count != N_USERS)
        g_error ("Listed %u people (count %" G_GINT64_FORMAT "), not %d",
                 g_list_model_get_n_items (G_LIST_MODEL (store)), count, N_USERS);

      rss_after = bench_rss_kb ();
      peak = bench_peak_rss_kb ();
      total = end - listing.start;
      first = listing.first_page - listing.start;
      g_array_append_val (totals, total);
      g_array_append_val (firsts, first);

      printf ("%-5u %10.2f %12.1f %9u %13.0f %13.1f %12.1f %10.1f %10.1f %9.1f %8u\n",
              run + 1, total / 1e6, first / 1e3, listing.n_pages,
              N_USERS / (total / 1e6), rss_before / 1024.0, peak / 1024.0,
              (rss_after - rss_before) / 1024.0,
              bench_stall_watch_quantile (watch, 1.0), bench_stall_watch_quantile (watch, 0.99),
              bench_stall_watch_n_over (watch, BENCH_FRAME_MS));
      if (run == 0)
        {
          printf ("      main loop: %u iterations, %.0f ms spent dispatching, "
                  "p99.9 %.1f ms, %u over 8 ms\n",
                  bench_stall_watch_count (watch), bench_stall_watch_total_ms (watch),
                  bench_stall_watch_quantile (watch, 0.999),
                  bench_stall_watch_n_over (watch, 8.0));
        }
    }

  printf ("\nmedian of %u runs: total %.2f s, first page %.1f ms\n", n_runs,
          bench_quantile_ms (totals, 0.5) / 1e3, bench_quantile_ms (firsts, 0.5));
  printf ("RSS and its peak are the whole process's: the client's people and the\n"
          "in-process sandbox serving them (its SQLite cache, the pages it writes).%s\n"
          "held = RSS after the listing (people kept in the store) - RSS before; later\n"
          "runs reuse the memory the previous run's store gave back.\n"
          "stall = time one main-loop iteration spent dispatching, in ms; a frame at\n"
          "60 Hz is %.1f ms.\n",
          peak_reset ? "" : "\n(The peak could not be reset: it is the process's since start.)",
          BENCH_FRAME_MS);

  page_breakdown (pv_sandbox_server_get_base_url (sandbox.server));

  bench_stall_watch_free (watch);
  g_clear_object (&client);
  bench_sandbox_stop (&sandbox);
  return 0;
}
