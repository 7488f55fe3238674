/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "enable/pv-enable-flow.h"
#include "enable/pv-enable-finish-page.h"
#include "enable/pv-enable-status-page.h"
#include "pv-operation-result.h"
#include "pv-sandbox-server.h"
#include "pv-service-calls.h"
#include "pv-sip-domain.h"
#include "pv-test-util.h"

/* The Enable Operation Status page runs the plan against the in-process
 * sandbox tenant, shows each outcome as it comes, and is complete only
 * when the run has ended. */

static char *state_dir;

static gboolean
match_counts (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), "Enabled: ");
}

static gboolean
page_complete (gpointer data)
{
  return pv_page_get_complete (data);
}

static void
test_status_runs_the_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = g_build_filename (state_dir, "sandbox.db", NULL);
  g_autoptr(PvSandboxServer) server = pv_sandbox_server_new (state, PV_SANDBOX_SEED, &error);
  g_autoptr(PvServiceClient) client = NULL;
  g_autoptr(PvEnableFlow) flow = pv_enable_flow_new ();
  g_autoptr(GListStore) pools = g_list_store_new (PV_TYPE_POOL);
  g_autoptr(GListStore) domains = g_list_store_new (PV_TYPE_SIP_DOMAIN);
  g_autoptr(GAsyncResult) result = NULL;
  PvEnablePlan *plan = pv_enable_flow_get_plan (flow);
  GListStore *directory = pv_enable_flow_get_directory (flow);
  GtkWindow *window;
  PvPage *page;
  GListModel *results;

  g_assert_no_error (error);
  g_assert_true (pv_sandbox_server_start (server, 0, &error));
  client = pv_service_client_new (pv_sandbox_server_get_base_url (server), NULL, &error);
  g_assert_no_error (error);
  pv_enable_flow_set_client (flow, client);

  pv_service_client_list_users_async (client, directory, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_service_client_list_users_finish (client, pv_test_wait_result (&result), NULL, &error));
  g_clear_object (&result);
  pv_service_client_list_pools_async (client, pools, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_service_client_list_pools_finish (client, pv_test_wait_result (&result), &error));
  g_clear_object (&result);
  pv_service_client_list_sip_domains_async (client, domains, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_service_client_list_sip_domains_finish (client, pv_test_wait_result (&result), &error));
  g_clear_object (&result);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pools)); i++)
    {
      g_autoptr(PvPool) pool = g_list_model_get_item (G_LIST_MODEL (pools), i);

      if (g_strcmp0 (pv_pool_get_fqdn (pool), "pool02.contoso.com") == 0)
        pv_enable_plan_set_pool (plan, pool);
    }
  pv_enable_plan_set_sip_domains (plan, G_LIST_MODEL (domains));
  pv_enable_plan_set_skip_problems (plan, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (directory)) &&
                    g_list_model_get_n_items (G_LIST_MODEL (pv_enable_flow_get_selection (flow))) < 10; i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (G_LIST_MODEL (directory), i);

      if (pv_user_get_on_premises_sync_enabled (user) && pv_user_get_sip_address (user) == NULL)
        g_list_store_append (pv_enable_flow_get_selection (flow), user);
    }
  g_assert_true (pv_enable_plan_is_complete (plan, NULL));

  window = GTK_WINDOW (g_object_ref (gtk_window_new ()));
  page = pv_enable_status_page_new (flow);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);

  /* Nothing runs before the page is shown, and it cannot be left. */
  g_assert_null (pv_enable_status_page_get_results (PV_ENABLE_STATUS_PAGE (page)));
  g_assert_false (pv_page_get_can_go_back (page));
  pv_page_shown (page);
  g_assert_false (pv_page_get_complete (page));
  g_assert_nonnull (pv_page_get_incomplete_reason (page));

  pv_test_wait_until (page_complete, page);
  results = pv_enable_status_page_get_results (PV_ENABLE_STATUS_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(PvOperationResult) outcome = g_list_model_get_item (results, i);
      PvResultStatus status = pv_operation_result_get_status (outcome);

      g_assert_true (status == PV_RESULT_STATUS_DONE || status == PV_RESULT_STATUS_SKIPPED);
    }

  /* Shown again (Back from a later page), it does not run twice. */
  pv_page_shown (page);
  g_assert_true (pv_enable_status_page_get_results (PV_ENABLE_STATUS_PAGE (page)) == results);

  /* Finish: the counts, and an export of every person's outcome. */
  {
    GtkWindow *finish_window = GTK_WINDOW (g_object_ref (gtk_window_new ()));
    PvPage *finish = pv_enable_finish_page_new (flow);
    g_autofree char *path = g_build_filename (state_dir, "results.xml", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *contents = NULL;
    GtkWidget *counts;

    gtk_window_set_child (finish_window, GTK_WIDGET (finish));
    gtk_window_present (finish_window);
    pv_page_shown (finish);
    g_assert_true (pv_page_get_complete (finish));
    g_assert_false (pv_page_get_can_go_back (finish));
    counts = pv_test_find_widget (GTK_WIDGET (finish), match_counts, NULL);
    g_assert_nonnull (counts);
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (counts)), "Failed: 0"));

    pv_enable_finish_page_export_async (PV_ENABLE_FINISH_PAGE (finish), PV_EXPORT_FORMAT_XML, file, NULL,
                                        pv_test_store_result_cb, &result);
    g_assert_true (pv_enable_finish_page_export_finish (PV_ENABLE_FINISH_PAGE (finish), pv_test_wait_result (&result), &error));
    g_assert_no_error (error);
    g_clear_object (&result);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "urn:provisio:results:1"));
    g_assert_nonnull (strstr (contents, "pool02.contoso.com"));

    gtk_window_destroy (finish_window);
    pv_test_iterate ();
    g_assert_finalize_object (finish_window);
  }

  gtk_window_destroy (window);
  pv_test_iterate ();
  g_assert_finalize_object (window);
  pv_sandbox_server_stop (server);
}

typedef struct
{
  PvSandboxServer *server;
  PvServiceClient *client;
  PvEnableFlow    *flow;
} Fixture;

/* A flow on a fresh sandbox tenant, loaded, with a pool and @n people who
 * can be enabled. */
static void
fixture_set_up (Fixture    *fixture,
                const char *name,
                guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = g_build_filename (state_dir, name, NULL);
  g_autoptr(GListStore) pools = g_list_store_new (PV_TYPE_POOL);
  g_autoptr(GListStore) domains = g_list_store_new (PV_TYPE_SIP_DOMAIN);
  g_autoptr(GAsyncResult) result = NULL;
  PvEnablePlan *plan;
  GListStore *directory;

  fixture->server = pv_sandbox_server_new (state, PV_SANDBOX_SEED, &error);
  g_assert_no_error (error);
  g_assert_true (pv_sandbox_server_start (fixture->server, 0, &error));
  fixture->client = pv_service_client_new (pv_sandbox_server_get_base_url (fixture->server), NULL, &error);
  g_assert_no_error (error);
  /* An outage must end in "failed" quickly, not after minutes of retries. */
  pv_service_client_set_retry_limits (fixture->client, 2, 2 * G_USEC_PER_SEC, 50000);
  fixture->flow = pv_enable_flow_new ();
  pv_enable_flow_set_client (fixture->flow, fixture->client);
  plan = pv_enable_flow_get_plan (fixture->flow);
  directory = pv_enable_flow_get_directory (fixture->flow);

  pv_service_client_list_users_async (fixture->client, directory, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_service_client_list_users_finish (fixture->client, pv_test_wait_result (&result), NULL, &error));
  g_clear_object (&result);
  pv_service_client_list_pools_async (fixture->client, pools, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_service_client_list_pools_finish (fixture->client, pv_test_wait_result (&result), &error));
  g_clear_object (&result);
  pv_service_client_list_sip_domains_async (fixture->client, domains, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_service_client_list_sip_domains_finish (fixture->client, pv_test_wait_result (&result), &error));
  g_clear_object (&result);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pools)); i++)
    {
      g_autoptr(PvPool) pool = g_list_model_get_item (G_LIST_MODEL (pools), i);

      if (g_strcmp0 (pv_pool_get_fqdn (pool), "pool01.contoso.com") == 0)
        pv_enable_plan_set_pool (plan, pool);
    }
  pv_enable_plan_set_sip_domains (plan, G_LIST_MODEL (domains));
  pv_enable_plan_set_format (plan, PV_SIP_FORMAT_UPN);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (directory)) &&
                    g_list_model_get_n_items (G_LIST_MODEL (pv_enable_flow_get_selection (fixture->flow))) < n; i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (G_LIST_MODEL (directory), i);

      if (pv_user_get_on_premises_sync_enabled (user) && pv_user_get_sip_address (user) == NULL &&
          g_str_has_suffix (pv_user_get_user_principal_name (user), "@contoso.com"))
        g_list_store_append (pv_enable_flow_get_selection (fixture->flow), user);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pv_enable_flow_get_selection (fixture->flow))), ==, n);
  g_assert_true (pv_enable_plan_is_complete (plan, NULL));
}

static void
fixture_tear_down (Fixture *fixture)
{
  g_clear_object (&fixture->flow);
  g_clear_object (&fixture->client);
  pv_sandbox_server_stop (fixture->server);
  g_clear_object (&fixture->server);
}

static void
set_faults (Fixture    *fixture,
            const char *spec)
{
  g_autoptr(PvSandboxFaults) faults = NULL;
  g_autoptr(GError) error = NULL;

  if (spec != NULL)
    {
      faults = pv_sandbox_faults_new (spec, &error);
      g_assert_no_error (error);
    }
  pv_sandbox_server_set_faults (fixture->server, faults);
}

static guint
count_status (GListModel     *results,
              PvResultStatus  status)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PvOperationResult) result = g_list_model_get_item (results, i);

      n += pv_operation_result_get_status (result) == status;
    }

  return n;
}

static gboolean
match_empty_label (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), "Nobody has this outcome.") == 0;
}

/* The page's list, not the one in the drop-down's popover. */
static gboolean
match_results_list (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) == NULL;
}

/* An outage fails everyone; Finish leads with the failures, and Retry
 * Failed, once the service is back, turns them into successes in place. */
static void
test_finish_retries_the_failed (void)
{
  Fixture fixture = { 0 };
  GtkWindow *window;
  PvPage *status_page;
  PvPage *finish;
  GtkDropDown *dropdown;
  GtkListView *list;
  GtkWidget *empty;
  GListModel *results;

  fixture_set_up (&fixture, "retry.db", 5);
  set_faults (&fixture, "rate=1,kinds=503");

  window = GTK_WINDOW (g_object_ref (gtk_window_new ()));
  status_page = pv_enable_status_page_new (fixture.flow);
  gtk_window_set_child (window, GTK_WIDGET (status_page));
  gtk_window_present (window);
  pv_page_shown (status_page);
  pv_test_wait_until (page_complete, status_page);
  g_assert_cmpuint (count_status (pv_enable_flow_get_results (fixture.flow), PV_RESULT_STATUS_FAILED), ==, 5);

  set_faults (&fixture, NULL);
  finish = pv_enable_finish_page_new (fixture.flow);
  gtk_window_set_child (window, GTK_WIDGET (finish));
  pv_page_shown (finish);
  dropdown = GTK_DROP_DOWN (pv_test_find_by_type (GTK_WIDGET (finish), GTK_TYPE_DROP_DOWN));
  list = GTK_LIST_VIEW (pv_test_find_widget (GTK_WIDGET (finish), match_results_list, NULL));
  empty = pv_test_find_widget (GTK_WIDGET (finish), match_empty_label, NULL);
  g_assert_nonnull (empty);
  /* The failures first: the filter starts on them. */
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 5);
  g_assert_false (gtk_widget_get_visible (empty));

  pv_enable_finish_page_retry_failed (PV_ENABLE_FINISH_PAGE (finish));
  g_assert_false (pv_page_get_complete (finish));
  g_assert_nonnull (pv_page_get_incomplete_reason (finish));
  pv_test_wait_until (page_complete, finish);

  results = pv_enable_flow_get_results (fixture.flow);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 5);
  g_assert_cmpuint (count_status (results, PV_RESULT_STATUS_DONE), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 0);
  g_assert_true (gtk_widget_get_visible (empty));

  /* Everyone again, and only the enabled. */
  gtk_drop_down_set_selected (dropdown, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 5);
  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 5);
  g_assert_false (gtk_widget_get_visible (empty));
  gtk_drop_down_set_selected (dropdown, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 0);

  gtk_window_destroy (window);
  pv_test_iterate ();
  g_assert_finalize_object (window);
  fixture_tear_down (&fixture);
}

static gboolean
results_at_least (gpointer data)
{
  GListModel *results = pv_enable_flow_get_results (data);

  return results != NULL && count_status (results, PV_RESULT_STATUS_DONE) >= 2;
}

static gboolean
match_stop (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Stop…") == 0;
}

/* Stop asks first; once confirmed, the run ends with what was done on the
 * record and the page lets the person go on to Finish. */
static void
test_status_stops_when_asked (void)
{
  Fixture fixture = { 0 };
  GtkWindow *window;
  PvPage *page;
  GtkWidget *stop;
  GtkWindow *dialog;
  GListModel *results;

  fixture_set_up (&fixture, "stop.db", 40);
  /* Slow answers for most: the run is still going when Stop is pressed. */
  set_faults (&fixture, "rate=0.9,kinds=delay,delay=1500,seed=3");

  window = GTK_WINDOW (g_object_ref (gtk_window_new ()));
  page = pv_enable_status_page_new (fixture.flow);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  pv_page_shown (page);
  pv_test_wait_until (results_at_least, fixture.flow);

  stop = pv_test_find_widget (GTK_WIDGET (page), match_stop, NULL);
  g_assert_nonnull (stop);
  g_assert_true (gtk_widget_get_visible (stop));
  g_signal_emit_by_name (stop, "clicked");
  pv_test_iterate ();
  dialog = pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);

  /* Keeping it running changes nothing. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  pv_test_iterate ();
  g_assert_false (pv_page_get_complete (page));

  g_signal_emit_by_name (stop, "clicked");
  pv_test_iterate ();
  dialog = pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "stop");
  pv_test_wait_until (page_complete, page);

  results = pv_enable_flow_get_results (fixture.flow);
  g_assert_cmpuint (g_list_model_get_n_items (results), <, 40);
  g_assert_false (gtk_widget_get_visible (stop));

  gtk_window_destroy (window);
  pv_test_iterate ();
  g_assert_finalize_object (window);
  fixture_tear_down (&fixture);
}

static void
test_status_remaining_time (void)
{
  static const struct { guint64 seconds; const char *text; } cases[] = {
    { 0, "About 1 second left" },
    { 1, "About 1 second left" },
    { 45, "About 45 seconds left" },
    { 60, "About 1 minute left" },
    { 61, "About 2 minutes left" },
    { 89 * 60, "About 89 minutes left" },
    { 90 * 60, "About 2 hours left" },
    { 5 * 3600 + 1, "About 5 hours left" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pv_enable_status_page_format_remaining (cases[i].seconds);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  pv_test_init (&argc, &argv);

  /* The run's journal goes to the state directory: a private one. */
  state_dir = g_dir_make_tmp ("provisio-status-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);

  g_test_add_func ("/enable-status/runs-the-plan", test_status_runs_the_plan);
  g_test_add_func ("/enable-status/remaining-time", test_status_remaining_time);
  g_test_add_func ("/enable-status/stops-when-asked", test_status_stops_when_asked);
  g_test_add_func ("/enable-finish/retries-the-failed", test_finish_retries_the_failed);
  status = g_test_run ();

  pv_test_remove_tree (state_dir);
  g_free (state_dir);
  return status;
}
