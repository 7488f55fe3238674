/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sys/resource.h>

#include "manage/pv-numbers-view.h"
#include "pv-sandbox-server.h"

/* Phone Numbers with a large tenant: the time from giving the view its
 * client to the first rows, to the whole list loaded, the latency of the
 * filter for each keystroke of a search (until every number is
 * filtered), and the peak resident memory of the process. Figures only;
 * nothing is asserted about time. */

#define DEFAULT_NUMBERS 50000

static gint64 first_rows_at;

static void
shown_changed_cb (GListModel *shown)
{
  if (first_rows_at == 0 && g_list_model_get_n_items (shown) > 0)
    first_rows_at = g_get_monotonic_time ();
}

static gboolean
loaded (PvNumbersView *view)
{
  return !pv_numbers_view_get_loading (view) &&
         gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (pv_numbers_view_get_shown (view))) == 0;
}

static void
wait_for (PvNumbersView *view)
{
  while (!loaded (view))
    g_main_context_iteration (NULL, TRUE);
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
  const char *n_env = g_getenv ("PROVISIO_BENCH_NUMBERS");
  guint n_numbers = n_env != NULL ? (guint) g_ascii_strtoull (n_env, NULL, 10) : DEFAULT_NUMBERS;
  static const char *keystrokes[] = { "3", "33", "332", "3326", "33260", "332600", "3326000" };
  GtkWidget *window;
  GtkWidget *view;
  GListModel *shown;
  struct rusage usage;
  gint64 start, end;

  gtk_init ();
  adw_init ();
  g_assert_no_error (error);
  state = g_build_filename (dir, "sandbox.db", NULL);
  server = pv_sandbox_server_new (state, PV_SANDBOX_SEED, &error);
  g_assert_no_error (error);
  pv_sandbox_server_set_generated_numbers (server, n_numbers);
  if (!pv_sandbox_server_start (server, 0, &error))
    g_error ("%s", error->message);
  client = pv_service_client_new (pv_sandbox_server_get_base_url (server), NULL, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  view = pv_numbers_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  shown = pv_numbers_view_get_shown (PV_NUMBERS_VIEW (view));
  g_signal_connect (shown, "items-changed", G_CALLBACK (shown_changed_cb), NULL);

  start = g_get_monotonic_time ();
  pv_numbers_view_set_client (PV_NUMBERS_VIEW (view), client);
  wait_for (PV_NUMBERS_VIEW (view));
  end = g_get_monotonic_time ();

  g_print ("numbers: %u\n", g_list_model_get_n_items (pv_numbers_view_get_numbers (PV_NUMBERS_VIEW (view))));
  g_print ("first rows: %.0f ms\n", (first_rows_at - start) / 1000.0);
  g_print ("fully loaded: %.0f ms\n", (end - start) / 1000.0);

  for (guint i = 0; i < G_N_ELEMENTS (keystrokes); i++)
    {
      start = g_get_monotonic_time ();
      pv_numbers_view_set_search (PV_NUMBERS_VIEW (view), keystrokes[i]);
      wait_for (PV_NUMBERS_VIEW (view));
      end = g_get_monotonic_time ();
      g_print ("search \"%s\": %u shown, %.1f ms\n", keystrokes[i], g_list_model_get_n_items (shown),
               (end - start) / 1000.0);
    }
  start = g_get_monotonic_time ();
  pv_numbers_view_set_search (PV_NUMBERS_VIEW (view), "germany");
  wait_for (PV_NUMBERS_VIEW (view));
  end = g_get_monotonic_time ();
  g_print ("search \"germany\" (words, first time): %u shown, %.1f ms\n", g_list_model_get_n_items (shown),
           (end - start) / 1000.0);
  start = g_get_monotonic_time ();
  pv_numbers_view_set_search (PV_NUMBERS_VIEW (view), "");
  wait_for (PV_NUMBERS_VIEW (view));
  end = g_get_monotonic_time ();
  g_print ("search cleared: %u shown, %.1f ms\n", g_list_model_get_n_items (shown), (end - start) / 1000.0);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak memory (whole process, sandbox included): %ld MiB\n", usage.ru_maxrss / 1024);

  gtk_window_destroy (GTK_WINDOW (window));
  pv_sandbox_server_stop (server);
  remove_tree (dir);
  return 0;
}
