/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "bench-ui.h"
#include "enable/pv-enable-flow.h"
#include "enable/pv-enable-sign-in-page.h"
#include "enable/pv-enable-users-page.h"
#include "pv-sip-domain.h"
#include "pv-test-util.h"

/* The Select users page of "Enable users for a pool" with 100 000 people
 * from the in-process sandbox, on a virtual display: time until the
 * first rows are painted, until everyone is loaded and filtered, the
 * latency of each keystroke of a search, the process's memory, frames
 * that came late, Select All Shown and Clear Selection with everyone
 * shown, and on the Sign-in name page with everyone selected, the time
 * from a change of format (domain, override) to the preview being ready,
 * with the longest main-loop iteration meanwhile.  Figures only; nothing
 * is asserted about time. */

#define N_USERS 100000
#define SEARCH "sorensen"

typedef struct
{
  BenchFrames        *frames;
  GtkWidget          *column_view;
  GListModel         *filtered;     /* what the column view shows */
} Bench;

static Bench bench;

static gboolean
match_select_all (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

/* A row is on screen: a cell of the column view holds the name of the
 * first person the filter model shows. */
static gboolean
rows_shown (void)
{
  g_autoptr(PvUser) first = NULL;

  if (g_list_model_get_n_items (bench.filtered) == 0)
    return FALSE;
  first = g_list_model_get_item (bench.filtered, 0);
  return bench_shows_label (bench.column_view, pv_user_get_display_name (first));
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Times @change from the call to the plan being resolved (the preview
 * ready) and to the next frame after that, with the longest main-loop
 * iteration and the longest gap between frames meanwhile. */
static void
plan_change (const char       *label,
             PvEnablePlan     *plan,
             void            (*change) (PvEnablePlan *plan, gconstpointer data),
             gconstpointer     data,
             BenchStallWatch  *watch)
{
  gint64 start, ready, painted;
  double sync_ms, gap;
  guint n_frames;

  bench_stall_watch_reset (watch);
  start = g_get_monotonic_time ();
  change (plan, data);
  sync_ms = ms_since (start);
  while (pv_enable_plan_get_resolving (plan))
    bench_iterate ();
  ready = g_get_monotonic_time ();
  painted = bench_frames_next_paint (bench.frames);
  gap = bench_frames_longest_gap (bench.frames, start, painted, &n_frames);
  printf ("  %-36s %8.0f %8.0f %8.0f %9.1f %9.1f %8u\n", label, sync_ms, (ready - start) / 1000.0,
          (painted - start) / 1000.0, MAX (sync_ms, bench_stall_watch_quantile (watch, 1.0)), gap,
          pv_enable_plan_get_n_problems (plan));
}

static void
set_format (PvEnablePlan  *plan,
            gconstpointer  data)
{
  pv_enable_plan_set_format (plan, GPOINTER_TO_INT (data));
}

static void
set_domain (PvEnablePlan  *plan,
            gconstpointer  data)
{
  pv_enable_plan_set_domain (plan, data);
}

static void
set_override (PvEnablePlan  *plan,
              gconstpointer  data)
{
  g_autoptr(PvUser) user = g_list_model_get_item (pv_enable_plan_get_selection (plan), 0);

  pv_enable_plan_set_override (plan, pv_user_get_id (user), data);
}

static void
select_all (PvEnablePlan  *plan,
            gconstpointer  data)
{
  g_signal_emit_by_name ((gpointer) data, "clicked");
}

static void
show_page (PvEnablePlan  *plan,
           gconstpointer  data)
{
  pv_page_shown ((gpointer) data);
}

static void
set_two_formats (PvEnablePlan  *plan,
                 gconstpointer  data)
{
  pv_enable_plan_set_format (plan, PV_SIP_FORMAT_FIRST_LAST);
  pv_enable_plan_set_format (plan, PV_SIP_FORMAT_UPN);
}

static gboolean
everything_loaded (PvEnableFlow *flow)
{
  return !pv_enable_flow_get_loading (flow) &&
         bench_pending (bench.filtered) == 0;
}

int
main (int   argc,
      char *argv[])
{
  BenchSandbox sandbox = { 0 };
  g_autoptr(PvServiceClient) client = NULL;
  g_autoptr(PvEnableFlow) flow = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  PvPage *page;
  GtkWidget *entry;
  GtkWidget *select_all_button;
  GtkWidget *clear_button;
  PvPage *sign_in = NULL;
  PvEnablePlan *plan;
  g_autofree char *domain = NULL;
  GListStore *directory;
  GListModel *domains;
  BenchStallWatch *watch;
  BenchLoad load;
  gint64 peak_all, rss_selected;
  gint64 first_rows = 0, directory_full = 0;

  pv_test_setup_translations ();
  gtk_init ();
  adw_init ();

  bench_sandbox_start (&sandbox, PV_SANDBOX_SEED, N_USERS);
  client = pv_service_client_new (pv_sandbox_server_get_base_url (sandbox.server), NULL, &error);
  g_assert_no_error (error);
  flow = pv_enable_flow_new ();
  pv_enable_flow_set_client (flow, client);
  directory = pv_enable_flow_get_directory (flow);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1024, 768);
  page = pv_enable_users_page_new (flow);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  bench.frames = bench_frames_new (window);
  pv_page_shown (page);

  bench.column_view = pv_test_find_by_type (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  entry = pv_test_find_by_type (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  select_all_button = pv_test_find_widget (GTK_WIDGET (page), match_select_all, "Select _All Shown");
  clear_button = pv_test_find_widget (GTK_WIDGET (page), match_select_all, "C_lear Selection");
  plan = pv_enable_flow_get_plan (flow);
  /* For a comparison: every pass on the main loop, as before passes ran
   * in a thread. */
  if (g_getenv ("BENCH_PLAN_ON_MAIN_LOOP") != NULL)
    pv_enable_plan_set_thread_threshold (plan, G_MAXUINT);
  if (bench.column_view == NULL || entry == NULL || select_all_button == NULL || clear_button == NULL)
    g_error ("The Select users page does not have the widgets this benchmark drives");
  bench.filtered = gtk_no_selection_get_model (
    GTK_NO_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (bench.column_view))));

  printf ("Select users page, %d people from the in-process sandbox, window 1024×768 on Xvfb\n",
          N_USERS);
  printf ("  (tenant generated in %.1f s; renderer %s; search entry delay %u ms)\n\n",
          sandbox.seed_seconds, g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default",
          gtk_search_entry_get_search_delay (GTK_SEARCH_ENTRY (entry)));

  /* Loading. */
  watch = bench_stall_watch_new ();
  bench_load_begin (&load);
  pv_enable_flow_load (flow);
  while (!everything_loaded (flow))
    {
      bench_iterate ();
      if (first_rows == 0 && bench_frames_last_paint (bench.frames) > load.start && rows_shown ())
        first_rows = bench_frames_last_paint (bench.frames);
      if (directory_full == 0 && g_list_model_get_n_items (G_LIST_MODEL (directory)) == N_USERS)
        directory_full = g_get_monotonic_time ();
    }
  bench_load_end (&load, bench.frames);
  if (first_rows == 0 && rows_shown ())
    first_rows = load.painted;
  if (pv_enable_flow_get_load_error (flow) != NULL)
    g_error ("%s", pv_enable_flow_get_load_error (flow));

  printf ("Loading (from pv_enable_flow_load)\n");
  printf ("  first rows painted                  %9.0f ms\n", (first_rows - load.start) / 1000.0);
  printf ("  all %d people in the directory  %9.0f ms\n", N_USERS, (directory_full - load.start) / 1000.0);
  bench_load_print (&load, bench.frames, watch, "page");

  /* Searching. */
  printf ("Typing \"%s\" one character at a time, then erasing it (times in ms)\n", SEARCH);
  bench_print_typing_header ();
  bench_type_text (bench.frames, GTK_EDITABLE (entry), bench.filtered, SEARCH, FALSE, watch);
  bench_type_text (bench.frames, GTK_EDITABLE (entry), bench.filtered, SEARCH, TRUE, watch);
  printf ("  entry wait = GtkSearchEntry's delay before search-changed; the rest counts from\n"
          "  search-changed: first frame painted, filter model settled (nothing pending),\n"
          "  next frame after that; frame gap = longest gap between frames meanwhile.\n\n");

  /* Choosing everyone shown, on the Select users page (the plan is
   * deferred there). */
  printf ("Selecting, on the Select users page, with everyone shown (ms)\n");
  printf ("  %-36s %8s %8s %8s %9s %9s %8s\n", "action", "blocking", "resolved", "frame",
          "max iter", "frame gap", "problems");
  plan_change ("Select All Shown (100 000 people)", plan, select_all, select_all_button, watch);
  plan_change ("Clear Selection", plan, select_all, clear_button, watch);
  plan_change ("Select All Shown again", plan, select_all, select_all_button, watch);
  rss_selected = bench_rss_kb ();
  printf ("  blocking = the click's own time; max iter = longest main-loop iteration\n"
          "  until the next frame (or the click, if longer)\n\n");

  /* The Sign-in name page with everyone selected: each change is worked
   * out in a thread and applied in slices. */
  sign_in = g_object_ref_sink (pv_enable_sign_in_page_new (flow));
  gtk_window_set_child (window, GTK_WIDGET (sign_in));
  bench_frames_next_paint (bench.frames);
  domains = pv_enable_plan_get_sip_domains (plan);
  for (guint i = 0; domains != NULL && i < g_list_model_get_n_items (domains); i++)
    {
      g_autoptr(PvSipDomain) d = g_list_model_get_item (domains, i);

      if (g_strcmp0 (pv_sip_domain_get_name (d), pv_enable_plan_get_domain (plan)) != 0)
        {
          g_free (domain);
          domain = g_strdup (pv_sip_domain_get_name (d));
        }
    }
  printf ("Sign-in name page, %u people selected: from the change to the preview ready (ms)%s\n",
          g_list_model_get_n_items (pv_enable_plan_get_selection (plan)),
          g_getenv ("BENCH_PLAN_ON_MAIN_LOOP") != NULL ? "\n  (BENCH_PLAN_ON_MAIN_LOOP: every pass on the main loop)" : "");
  printf ("  %-36s %8s %8s %8s %9s %9s %8s\n", "change", "blocking", "resolved", "frame",
          "max iter", "frame gap", "problems");
  plan_change ("page shown (first pass)", plan, show_page, sign_in, watch);
  plan_change ("format: user principal name", plan, set_format, GINT_TO_POINTER (PV_SIP_FORMAT_UPN), watch);
  plan_change ("format: first.last@", plan, set_format, GINT_TO_POINTER (PV_SIP_FORMAT_FIRST_LAST), watch);
  if (domain != NULL)
    plan_change ("SIP domain (another one)", plan, set_domain, domain, watch);
  plan_change ("format: SAM account name", plan, set_format, GINT_TO_POINTER (PV_SIP_FORMAT_SAM), watch);
  plan_change ("format: e-mail address", plan, set_format, GINT_TO_POINTER (PV_SIP_FORMAT_EMAIL), watch);
  plan_change ("one person's address overridden", plan, set_override, "sip:bench.override@contoso.com",
               watch);
  plan_change ("two formats in a row (restart)", plan, set_two_formats, NULL, watch);
  peak_all = bench_peak_rss_kb ();
  printf ("  blocking = the call's own time; resolved = the plan has applied every address;\n"
          "  frame = the next frame after that; max iter = longest main-loop iteration\n");
  printf ("  RSS with everyone selected %.0f MB; peak over the whole run %.0f MB\n",
          rss_selected / 1024.0, peak_all / 1024.0);

  gtk_window_set_child (window, NULL);
  g_clear_object (&sign_in);
  bench_stall_watch_free (watch);
  gtk_window_destroy (window);
  g_clear_object (&flow);
  g_clear_object (&client);
  bench_sandbox_stop (&sandbox);
  bench_frames_free (bench.frames);
  return 0;
}
