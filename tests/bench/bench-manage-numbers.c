/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-util.h"
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
  GtkWidget          *column_view;
  GtkFilterListModel *filtered;
  GArray             *paints;        /* gint64 µs of every after-paint */
  gint64              last_paint;
  gint64              change;        /* search-changed, 0 when not waiting */
} Bench;

static Bench bench;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  bench.last_paint = g_get_monotonic_time ();
  g_array_append_val (bench.paints, bench.last_paint);
}

static gboolean
search_changed_hook (GSignalInvocationHint *hint,
                     guint                  n_values,
                     const GValue          *values,
                     gpointer               user_data)
{
  bench.change = g_get_monotonic_time ();
  return TRUE;
}

static void
iterate (void)
{
  g_main_context_iteration (NULL, TRUE);
}

/* The next frame painted after now; one is asked for, since nothing may
 * have changed on screen (the spinner stopped, the rows stayed). */
static gint64
next_paint (void)
{
  gint64 now = g_get_monotonic_time ();

  gtk_widget_queue_draw (bench.column_view);
  while (bench.last_paint < now)
    iterate ();
  return bench.last_paint;
}

static gboolean
match_text (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

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
  return pv_test_find_widget (bench.column_view, match_text, pv_phone_number_get_telephone_number (first)) != NULL;
}

/* Longest gap between two frames painted in [from, to], in ms. */
static double
longest_frame_gap (gint64  from,
                   gint64  to,
                   guint  *n_frames)
{
  gint64 previous = 0, longest = 0;

  *n_frames = 0;
  for (guint i = 0; i < bench.paints->len; i++)
    {
      gint64 t = g_array_index (bench.paints, gint64, i);

      if (t < from || t > to)
        continue;
      if (previous != 0)
        longest = MAX (longest, t - previous);
      previous = t;
      (*n_frames)++;
    }
  return longest / 1000.0;
}

static void
settle (void)
{
  while (gtk_filter_list_model_get_pending (bench.filtered) > 0)
    iterate ();
}

/* Types @text into @entry as a person would, one more character each
 * time (or erases it one character at a time), and reports each
 * keystroke from the search change to the first frame after the filter
 * settled. */
static void
type_text (GtkEditable     *entry,
           const char      *text,
           gboolean         erase,
           BenchStallWatch *watch)
{
  glong length = g_utf8_strlen (text, -1);

  for (glong i = erase ? length - 1 : 1; erase ? i >= 0 : i <= length; erase ? i-- : i++)
    {
      g_autofree char *prefix = g_utf8_substring (text, 0, i);
      gint64 typed, change, first_frame = 0, settled, painted;
      guint n_frames;
      double gap;

      bench.change = 0;
      bench_stall_watch_reset (watch);
      typed = g_get_monotonic_time ();
      /* A keystroke: one character added at the end, or the last one
       * deleted (gtk_editable_set_text() would empty the entry first,
       * which a search entry reports at once). */
      if (erase)
        gtk_editable_delete_text (entry, (int) i, -1);
      else
        {
          g_autofree char *character = g_utf8_substring (text, i - 1, i);
          int position = (int) (i - 1);

          gtk_editable_insert_text (entry, character, -1, &position);
        }
      while (bench.change == 0)
        iterate ();
      change = bench.change;
      while (gtk_filter_list_model_get_pending (bench.filtered) > 0)
        {
          iterate ();
          if (first_frame == 0 && bench.last_paint > change)
            first_frame = bench.last_paint;
        }
      settled = g_get_monotonic_time ();
      painted = next_paint ();
      if (first_frame == 0)
        first_frame = painted;
      gap = longest_frame_gap (change, painted, &n_frames);

      printf ("  %-12s %7u %10.1f %11.1f %12.1f %12.1f %10.1f %10.1f\n",
              *prefix != '\0' ? prefix : "(empty)",
              g_list_model_get_n_items (G_LIST_MODEL (bench.filtered)),
              (change - typed) / 1000.0, (first_frame - change) / 1000.0,
              (settled - change) / 1000.0, (painted - change) / 1000.0,
              gap, bench_stall_watch_quantile (watch, 1.0));
    }
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
  painted = next_paint ();
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

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("provisio-bench-XXXXXX", &error);
  g_autofree char *state = NULL;
  g_autoptr(PvSandboxServer) server = NULL;
  g_autoptr(PvServiceClient) client = NULL;
  g_autoptr(GListStore) plain = NULL;
  const char *n_env = g_getenv ("PROVISIO_BENCH_NUMBERS");
  guint n_numbers = n_env != NULL ? (guint) g_ascii_strtoull (n_env, NULL, 10) : DEFAULT_NUMBERS;
  BenchStallWatch *watch;
  GtkWindow *window;
  GtkWidget *view;
  GtkWidget *entry;
  GListModel *numbers;
  gint64 rss_before, rss_loaded, peak_load;
  gint64 start, first_rows = 0, store_full = 0, loaded, painted;
  gboolean peak_reset, done = FALSE;
  guint n_frames;
  double gap, seed_seconds;

  /* Line by line, so that a slow phase shows where it is. */
  setvbuf (stdout, NULL, _IOLBF, 0);
  pv_test_setup_translations ();
  gtk_init ();
  adw_init ();
  bench.paints = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  state = g_build_filename (dir, "sandbox.db", NULL);
  server = pv_sandbox_server_new (state, PV_SANDBOX_SEED, &error);
  g_assert_no_error (error);
  pv_sandbox_server_set_generated_numbers (server, n_numbers);
  start = g_get_monotonic_time ();
  if (!pv_sandbox_server_start (server, 0, &error))
    g_error ("%s", error->message);
  seed_seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  client = pv_service_client_new (pv_sandbox_server_get_base_url (server), NULL, &error);
  g_assert_no_error (error);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 960, 720);
  view = pv_numbers_view_new ();
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  while (!gtk_widget_get_realized (GTK_WIDGET (window)))
    iterate ();
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  while (bench.last_paint == 0)
    iterate ();

  bench.column_view = pv_test_find_by_type (view, GTK_TYPE_COLUMN_VIEW);
  entry = pv_test_find_by_type (view, GTK_TYPE_SEARCH_ENTRY);
  if (bench.column_view == NULL || entry == NULL)
    g_error ("Phone Numbers does not have the widgets this benchmark drives");
  bench.filtered = GTK_FILTER_LIST_MODEL (pv_numbers_view_get_shown (PV_NUMBERS_VIEW (view)));
  numbers = pv_numbers_view_get_numbers (PV_NUMBERS_VIEW (view));
  g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                              search_changed_hook, NULL, NULL);

  printf ("Phone Numbers, %u generated numbers from the in-process sandbox, window 960×720 on Xvfb\n",
          n_numbers);
  printf ("  (tenant generated in %.1f s; renderer %s; search entry delay %u ms)\n\n", seed_seconds,
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default",
          gtk_search_entry_get_search_delay (GTK_SEARCH_ENTRY (entry)));

  /* Loading. */
  watch = bench_stall_watch_new ();
  rss_before = bench_rss_kb ();
  peak_reset = bench_reset_peak_rss ();
  start = g_get_monotonic_time ();
  pv_numbers_view_set_client (PV_NUMBERS_VIEW (view), client);
  while (pv_numbers_view_get_loading (PV_NUMBERS_VIEW (view)) ||
         gtk_filter_list_model_get_pending (bench.filtered) > 0)
    {
      iterate ();
      if (first_rows == 0 && bench.last_paint > start && rows_shown ())
        first_rows = bench.last_paint;
      if (store_full == 0 && g_list_model_get_n_items (numbers) >= n_numbers)
        store_full = g_get_monotonic_time ();
    }
  loaded = g_get_monotonic_time ();
  painted = next_paint ();
  if (first_rows == 0 && rows_shown ())
    first_rows = painted;
  if (store_full == 0)
    store_full = loaded;
  peak_load = bench_peak_rss_kb ();
  rss_loaded = bench_rss_kb ();
  gap = longest_frame_gap (start, painted, &n_frames);

  printf ("Loading (from pv_numbers_view_set_client)\n");
  printf ("  numbers in the view                 %9u\n", g_list_model_get_n_items (numbers));
  printf ("  first rows painted                  %9.0f ms\n", (first_rows - start) / 1000.0);
  printf ("  every generated number in the store %9.0f ms\n", (store_full - start) / 1000.0);
  printf ("  loaded and filtered, next frame     %9.0f ms  (loaded at %.0f ms)\n",
          (painted - start) / 1000.0, (loaded - start) / 1000.0);
  printf ("  frames painted meanwhile            %9u     longest gap between frames %.1f ms\n",
          n_frames, gap);
  printf ("  main loop: longest iteration %.1f ms, p99 %.1f ms, %u of %u over %.1f ms\n",
          bench_stall_watch_quantile (watch, 1.0), bench_stall_watch_quantile (watch, 0.99),
          bench_stall_watch_n_over (watch, BENCH_FRAME_MS), bench_stall_watch_count (watch),
          BENCH_FRAME_MS);
  printf ("  RSS before %.0f MB, after %.0f MB, peak %.0f MB (the process: view, client and sandbox)%s\n\n",
          rss_before / 1024.0, rss_loaded / 1024.0, peak_load / 1024.0,
          peak_reset ? "" : " [peak since start]");

  /* Searching. */
  printf ("Typing \"%s\", then \"%s\", one character at a time, and erasing each (times in ms)\n",
          DIGITS, WORDS);
  printf ("  %-12s %7s %10s %11s %12s %12s %10s %10s\n", "text", "shown", "entry wait",
          "1st frame", "filtered", "next frame", "frame gap", "max stall");
  type_text (GTK_EDITABLE (entry), DIGITS, FALSE, watch);
  type_text (GTK_EDITABLE (entry), DIGITS, TRUE, watch);
  type_text (GTK_EDITABLE (entry), WORDS, FALSE, watch);
  type_text (GTK_EDITABLE (entry), WORDS, TRUE, watch);
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
    iterate ();
  printf ("The client alone (PvServiceClient into a GListStore, no view): the sandbox's own speed\n");
  printf ("  numbers %u, first page %.0f ms, all %.0f ms, longest main-loop iteration %.1f ms\n",
          g_list_model_get_n_items (G_LIST_MODEL (plain)), (client_first_page - start) / 1000.0,
          (g_get_monotonic_time () - start) / 1000.0, bench_stall_watch_quantile (watch, 1.0));

  bench_stall_watch_free (watch);
  g_clear_object (&plain);
  g_clear_object (&client);
  pv_sandbox_server_stop (server);
  g_clear_object (&server);
  remove_tree (dir);
  g_array_unref (bench.paints);
  return 0;
}
