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

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

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

  pv_service_client_list_users_async (client, directory, NULL, store_result_cb, &result);
  g_assert_true (pv_service_client_list_users_finish (client, wait (&result), NULL, &error));
  g_clear_object (&result);
  pv_service_client_list_pools_async (client, pools, NULL, store_result_cb, &result);
  g_assert_true (pv_service_client_list_pools_finish (client, wait (&result), &error));
  g_clear_object (&result);
  pv_service_client_list_sip_domains_async (client, domains, NULL, store_result_cb, &result);
  g_assert_true (pv_service_client_list_sip_domains_finish (client, wait (&result), &error));
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
                                        store_result_cb, &result);
    g_assert_true (pv_enable_finish_page_export_finish (PV_ENABLE_FINISH_PAGE (finish), wait (&result), &error));
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
  status = g_test_run ();

  remove_tree (state_dir);
  g_free (state_dir);
  return status;
}
