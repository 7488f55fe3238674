/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "enable/pv-enable-flow.h"
#include "enable/pv-enable-finish-page.h"
#include "enable/pv-enable-status-page.h"
#include "pv-operation-result.h"
#include "pv-run-dialog.h"
#include "pv-run-row.h"
#include "pv-start-page.h"
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
match_run_row (GtkWidget     *widget,
               gconstpointer  data)
{
  return PV_IS_RUN_ROW (widget) &&
         g_strcmp0 (pv_run_state_get_run_id (pv_run_row_get_run (PV_RUN_ROW (widget))), data) == 0;
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

static void
runs_listed_cb (PvStartPage *start_page,
                gboolean    *listed)
{
  *listed = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
dialog_loaded (gpointer data)
{
  return pv_run_dialog_get_results (data) != NULL;
}

static char *
export_xml (GObject    *source,
            const char *name)
{
  g_autofree char *path = g_build_filename (state_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  if (PV_IS_RUN_DIALOG (source))
    {
      pv_run_dialog_export_async (PV_RUN_DIALOG (source), PV_EXPORT_FORMAT_XML, file, NULL,
                                  pv_test_store_result_cb, &result);
      g_assert_true (pv_run_dialog_export_finish (PV_RUN_DIALOG (source), pv_test_wait_result (&result), &error));
    }
  else
    {
      pv_enable_finish_page_export_async (PV_ENABLE_FINISH_PAGE (source), PV_EXPORT_FORMAT_XML, file, NULL,
                                          pv_test_store_result_cb, &result);
      g_assert_true (pv_enable_finish_page_export_finish (PV_ENABLE_FINISH_PAGE (source), pv_test_wait_result (&result), &error));
    }
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* A run reopened from the history, after the wizard is gone, shows each
 * person by name and exports exactly what its Finish page exported; its
 * failures can be retried from there. */
static void
test_history_exports_the_same (void)
{
  Fixture fixture = { 0 };
  GtkWindow *window;
  GtkWindow *start_window;
  PvPage *status_page;
  PvPage *finish;
  PvStartPage *start_page;
  GtkWidget *row = NULL;
  GtkWindow *dialog;
  PvRunResults *reopened;
  GListModel *results;
  g_autofree char *run_id = NULL;
  g_autofree char *live = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gboolean listed = FALSE;

  fixture_set_up (&fixture, "history.db", 4);
  /* Half the answers fail: both outcomes are in the history. */
  set_faults (&fixture, "rate=0.5,kinds=503,seed=7");

  window = GTK_WINDOW (g_object_ref (gtk_window_new ()));
  status_page = pv_enable_status_page_new (fixture.flow);
  gtk_window_set_child (window, GTK_WIDGET (status_page));
  gtk_window_present (window);
  pv_page_shown (status_page);
  pv_test_wait_until (page_complete, status_page);
  finish = pv_enable_finish_page_new (fixture.flow);
  gtk_window_set_child (window, GTK_WIDGET (finish));
  pv_page_shown (finish);
  live = export_xml (G_OBJECT (finish), "live.xml");
  run_id = g_strdup (pv_runner_get_run_id (pv_enable_flow_get_runner (fixture.flow)));
  results = pv_enable_flow_get_results (fixture.flow);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PvOperationResult) result = g_list_model_get_item (results, i);

      g_ptr_array_add (names, g_strdup (pv_operation_result_get_item (result)));
      g_ptr_array_add (names, g_strdup (pv_enable_flow_get_person_name (fixture.flow, pv_operation_result_get_item (result))));
    }
  gtk_window_destroy (window);
  pv_test_iterate ();
  g_assert_finalize_object (window);
  g_clear_object (&fixture.flow);

  /* The start page lists it, newest first. */
  start_window = GTK_WINDOW (g_object_ref (gtk_window_new ()));
  start_page = g_object_new (PV_TYPE_START_PAGE, NULL);
  gtk_window_set_child (start_window, GTK_WIDGET (start_page));
  gtk_window_present (start_window);
  g_signal_connect (start_page, "runs-listed", G_CALLBACK (runs_listed_cb), &listed);
  pv_start_page_refresh_runs (start_page);
  pv_test_wait_until (flag_set, &listed);
  pv_test_iterate ();
  g_assert_cmpuint (pv_start_page_get_n_runs (start_page), >=, 1);
  row = pv_test_find_widget (GTK_WIDGET (start_page), match_run_row, run_id);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Enable users for a pool");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Finished"));
  g_assert_false (pv_run_row_get_resumable (PV_RUN_ROW (row)));

  /* Opened: the same results, by name, and the same export. */
  dialog = pv_start_page_open_run (start_page, row);
  pv_test_wait_until (dialog_loaded, dialog);
  reopened = pv_run_dialog_get_results (PV_RUN_DIALOG (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reopened)), ==, names->len / 2);
  for (guint i = 0; i < names->len; i += 2)
    {
      g_autoptr(PvOperationResult) result = g_list_model_get_item (G_LIST_MODEL (reopened), i / 2);

      g_assert_cmpstr (pv_operation_result_get_item (result), ==, g_ptr_array_index (names, i));
      g_assert_cmpstr (pv_run_results_get_name (reopened, g_ptr_array_index (names, i)), ==,
                       g_ptr_array_index (names, i + 1));
      g_assert_cmpstr (pv_run_results_get_name (reopened, g_ptr_array_index (names, i)), !=,
                       g_ptr_array_index (names, i));
    }
  again = export_xml (G_OBJECT (dialog), "again.xml");
  g_assert_cmpstr (again, ==, live);

  gtk_window_destroy (dialog);
  gtk_window_destroy (start_window);
  pv_test_iterate ();
  g_assert_finalize_object (start_window);
  fixture_tear_down (&fixture);
}

/* Retry Failed from the history: the flow reads the run back from its
 * journal and tries its failures again, in the same run: everyone ends
 * enabled, and the run read back again is finished without failures. */
static void
test_history_retries_the_failed (void)
{
  Fixture fixture = { 0 };
  GtkWindow *window;
  PvPage *page;
  g_autoptr(PvEnableFlow) retry_flow = NULL;
  g_autoptr(PvRunState) state = NULL;
  g_autoptr(PvRunState) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;
  PvRunResults *results;

  fixture_set_up (&fixture, "history-retry.db", 3);
  set_faults (&fixture, "rate=1,kinds=503");
  window = GTK_WINDOW (g_object_ref (gtk_window_new ()));
  page = pv_enable_status_page_new (fixture.flow);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  pv_page_shown (page);
  pv_test_wait_until (page_complete, page);
  journal = g_strdup (pv_runner_get_journal_path (pv_enable_flow_get_runner (fixture.flow)));
  g_assert_cmpuint (pv_run_results_get_count (pv_runner_get_run_results (pv_enable_flow_get_runner (fixture.flow)),
                                              PV_RESULT_STATUS_FAILED), ==, 3);
  gtk_window_destroy (window);
  pv_test_iterate ();
  g_assert_finalize_object (window);
  set_faults (&fixture, NULL);

  state = pv_run_state_load (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pv_run_state_get_status (state), ==, PV_RUN_STATUS_FINISHED);
  g_assert_nonnull (pv_enable_flow_info.create_retry_state);
  retry_flow = PV_ENABLE_FLOW (pv_enable_flow_info.create_retry_state (journal, state));
  g_assert_true (pv_enable_flow_get_retrying (retry_flow));
  pv_enable_flow_set_client (retry_flow, fixture.client);

  window = GTK_WINDOW (g_object_ref (gtk_window_new ()));
  page = pv_enable_status_page_new (retry_flow);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  pv_page_shown (page);
  pv_test_wait_until (page_complete, page);
  results = pv_runner_get_run_results (pv_enable_flow_get_runner (retry_flow));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 3);
  g_assert_cmpuint (pv_run_results_get_count (results, PV_RESULT_STATUS_DONE), ==, 3);
  g_assert_cmpstr (pv_runner_get_journal_path (pv_enable_flow_get_runner (retry_flow)), ==, journal);

  after = pv_run_state_load (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pv_run_state_get_status (after), ==, PV_RUN_STATUS_FINISHED);
  g_assert_cmpuint (pv_run_state_get_n_finished (after), ==, 3);
  g_assert_cmpstr (pv_run_state_get_run_id (after), ==, pv_run_state_get_run_id (state));

  gtk_window_destroy (window);
  pv_test_iterate ();
  g_assert_finalize_object (window);
  fixture_tear_down (&fixture);
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
  g_test_add_func ("/history/exports-the-same", test_history_exports_the_same);
  g_test_add_func ("/history/retries-the-failed", test_history_retries_the_failed);
  status = g_test_run ();

  pv_test_remove_tree (state_dir);
  g_free (state_dir);
  return status;
}
