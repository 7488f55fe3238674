/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "bench-ui.h"
#include "manage/pv-numbers-view.h"
#include "pv-sandbox-server.h"
#include "pv-test-util.h"
#include "pv-voice-calls.h"

/* Phone Numbers with 50 000 numbers from the in-process sandbox, in a
 * 960×720 window on Xvfb: the time until the first rows are painted and
 * until every number is loaded and filtered, the frames and main-loop
 * iterations meanwhile, the latency of each keystroke of a search and of
 * a change of filter, the process's memory; then the same list read by
 * the client alone, without the view, which is the sandbox's own speed
 * and what loading can be compared with.  Figures only; nothing is
 * asserted about time. */

#define DEFAULT_NUMBERS 50000
#define DIGITS "3326000"
#define WORDS "germany"

typedef struct
{
  BenchFrames        *frames;
  GtkWidget          *column_view;
  GtkFilterListModel *filtered;
} Bench;

static Bench bench;

static gboolean
match_tooltip (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_DROP_DOWN (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

/* A row is on screen: a cell of the column view holds the first shown
 * number. */
static gboolean
rows_shown (void)
{
  g_autoptr(PvPhoneNumber) first = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (bench.filtered)) == 0)
    return FALSE;
  first = g_list_model_get_item (G_LIST_MODEL (bench.filtered), 0);
  return bench_shows_label (bench.column_view, pv_phone_number_get_telephone_number (first));
}

static void
settle (void)
{
  while (gtk_filter_list_model_get_pending (bench.filtered) > 0)
    bench_iterate ();
}

/* Chooses @item in the drop-down known as @name, as a click would, and
 * reports how long the choice blocked and until the list settled. */
static void
choose (GtkWidget       *view,
        const char      *name,
        const char      *item,
        BenchStallWatch *watch)
{
  GtkWidget *dropdown = pv_test_find_widget (view, match_tooltip, name);
  GListModel *model;
  guint position = GTK_INVALID_LIST_POSITION;
  gint64 start, returned, settled, painted;

  if (dropdown == NULL)
    g_error ("Phone Numbers has no drop-down %s", name);
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), item) == 0)
      position = i;
  if (position == GTK_INVALID_LIST_POSITION)
    g_error ("%s has no item %s", name, item);

  bench_stall_watch_reset (watch);
  start = g_get_monotonic_time ();
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position);
  returned = g_get_monotonic_time ();
  settle ();
  settled = g_get_monotonic_time ();
  painted = bench_frames_next_paint (bench.frames);
  printf ("  %-28s %7u %10.1f %12.1f %12.1f %10.1f\n", item,
          g_list_model_get_n_items (G_LIST_MODEL (bench.filtered)),
          (returned - start) / 1000.0, (settled - start) / 1000.0, (painted - start) / 1000.0,
          bench_stall_watch_quantile (watch, 1.0));
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_service_client_list_numbers_finish (PV_SERVICE_CLIENT (object), result, &error))
    g_error ("Listing the numbers failed: %s", error->message);
  *done = TRUE;
}

static gint64 client_first_page;

static void
client_page_cb (GListModel *store)
{
  if (client_first_page == 0 && g_list_model_get_n_items (store) > 0)
    client_first_page = g_get_monotonic_time ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  BenchSandbox sandbox = { 0 };
  g_autoptr(PvServiceClient) client = NULL;
  g_autoptr(GListStore) plain = NULL;
  const char *n_env = g_getenv ("PROVISIO_BENCH_NUMBERS");
  guint n_numbers = n_env != NULL ? (guint) g_ascii_strtoull (n_env, NULL, 10) : DEFAULT_NUMBERS;
  BenchStallWatch *watch;
  BenchLoad load;
  GtkWindow *window;
  GtkWidget *view;
  GtkWidget *entry;
  GListModel *numbers;
  GListModel *shown;
  gint64 start, first_rows = 0, store_full = 0;
  gboolean done = FALSE;

  /* Line by line, so that a slow phase shows where it is. */
  setvbuf (stdout, NULL, _IOLBF, 0);
  pv_test_setup_translations ();
  gtk_init ();
  adw_init ();

  bench_sandbox_start_numbers (&sandbox, PV_SANDBOX_SEED, n_numbers);
  client = pv_service_client_new (pv_sandbox_server_get_base_url (sandbox.server), NULL, &error);
  g_assert_no_error (error);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 960, 720);
  view = pv_numbers_view_new ();
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  bench.frames = bench_frames_new (window);

  bench.column_view = pv_test_find_by_type (view, GTK_TYPE_COLUMN_VIEW);
  entry = pv_test_find_by_type (view, GTK_TYPE_SEARCH_ENTRY);
  if (bench.column_view == NULL || entry == NULL)
    g_error ("Phone Numbers does not have the widgets this benchmark drives");
  bench_frames_set_redraw (bench.frames, bench.column_view);
  bench.filtered = GTK_FILTER_LIST_MODEL (pv_numbers_view_get_shown (PV_NUMBERS_VIEW (view)));
  shown = G_LIST_MODEL (bench.filtered);
  numbers = pv_numbers_model_get_numbers (pv_numbers_view_get_model (PV_NUMBERS_VIEW (view)));

  printf ("Phone Numbers, %u generated numbers from the in-process sandbox, window 960×720 on Xvfb\n",
          n_numbers);
  printf ("  (tenant generated in %.1f s; renderer %s; search entry delay %u ms)\n\n",
          sandbox.seed_seconds, g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default",
          gtk_search_entry_get_search_delay (GTK_SEARCH_ENTRY (entry)));

  /* Loading. */
  watch = bench_stall_watch_new ();
  bench_load_begin (&load);
  pv_numbers_view_set_client (PV_NUMBERS_VIEW (view), client);
  while (pv_numbers_view_get_loading (PV_NUMBERS_VIEW (view)) ||
         gtk_filter_list_model_get_pending (bench.filtered) > 0)
    {
      bench_iterate ();
      if (first_rows == 0 && bench_frames_last_paint (bench.frames) > load.start && rows_shown ())
        first_rows = bench_frames_last_paint (bench.frames);
      if (store_full == 0 && g_list_model_get_n_items (numbers) >= n_numbers)
        store_full = g_get_monotonic_time ();
    }
  bench_load_end (&load, bench.frames);
  if (first_rows == 0 && rows_shown ())
    first_rows = load.painted;
  if (store_full == 0)
    store_full = load.loaded;

  printf ("Loading (from pv_numbers_view_set_client)\n");
  printf ("  numbers in the view                 %9u\n", g_list_model_get_n_items (numbers));
  printf ("  first rows painted                  %9.0f ms\n", (first_rows - load.start) / 1000.0);
  printf ("  every generated number in the store %9.0f ms\n", (store_full - load.start) / 1000.0);
  bench_load_print (&load, bench.frames, watch, "view");

  /* Searching. */
  printf ("Typing \"%s\", then \"%s\", one character at a time, and erasing each (times in ms)\n",
          DIGITS, WORDS);
  bench_print_typing_header ();
  bench_type_text (bench.frames, GTK_EDITABLE (entry), shown, DIGITS, FALSE, watch);
  bench_type_text (bench.frames, GTK_EDITABLE (entry), shown, DIGITS, TRUE, watch);
  bench_type_text (bench.frames, GTK_EDITABLE (entry), shown, WORDS, FALSE, watch);
  bench_type_text (bench.frames, GTK_EDITABLE (entry), shown, WORDS, TRUE, watch);
  printf ("  entry wait = GtkSearchEntry's delay before search-changed; the rest counts from\n"
          "  search-changed: first frame painted, filter model settled (nothing pending),\n"
          "  next frame after that; frame gap = longest gap between frames meanwhile;\n"
          "  max stall = longest main-loop iteration meanwhile.\n\n");

  /* Filters. */
  printf ("Changing filters (ms, from the choice)\n");
  printf ("  %-28s %7s %10s %12s %12s %10s\n", "choice", "shown", "blocking", "filtered", "next frame",
          "max stall");
  choose (view, "Status", "Pending", watch);
  choose (view, "Status", "Any Status", watch);
  choose (view, "Country", "Germany", watch);
  choose (view, "Number type", "Operator Connect", watch);
  choose (view, "Country", "Any Country", watch);
  choose (view, "Number type", "Any Type", watch);
  printf ("\n");

  printf ("Peak RSS over the view's run: %.0f MB\n\n", bench_peak_rss_kb () / 1024.0);
  gtk_window_destroy (window);

  /* The same list read by the client alone, from the same sandbox. */
  plain = g_list_store_new (PV_TYPE_PHONE_NUMBER);
  g_signal_connect (plain, "items-changed", G_CALLBACK (client_page_cb), NULL);
  bench_stall_watch_reset (watch);
  start = g_get_monotonic_time ();
  pv_service_client_list_numbers_async (client, NULL, PV_NUMBERS_PAGE_SIZE, plain, NULL, listed_cb, &done);
  while (!done)
    bench_iterate ();
  printf ("The client alone (PvServiceClient into a GListStore, no view): the sandbox's own speed\n");
  printf ("  numbers %u, first page %.0f ms, all %.0f ms, longest main-loop iteration %.1f ms\n",
          g_list_model_get_n_items (G_LIST_MODEL (plain)), (client_first_page - start) / 1000.0,
          (g_get_monotonic_time () - start) / 1000.0, bench_stall_watch_quantile (watch, 1.0));

  bench_stall_watch_free (watch);
  g_clear_object (&plain);
  g_clear_object (&client);
  bench_sandbox_stop (&sandbox);
  bench_frames_free (bench.frames);
  return 0;
}
