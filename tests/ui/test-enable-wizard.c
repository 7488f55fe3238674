/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "enable/pv-enable-finish-page.h"
#include "enable/pv-enable-flow.h"
#include "pv-application.h"
#include "pv-assistant.h"
#include "pv-enable-entry.h"
#include "pv-operation-result.h"
#include "pv-service-calls.h"
#include "pv-run-row.h"
#include "pv-start-page.h"
#include "pv-test-util.h"
#include "pv-window.h"

/* "Enable users for a pool" from start to finish in the application, on
 * its embedded sandbox tenant (a private one), the way a person goes
 * through it: the start page, a search, three people of whom two are
 * namesakes, a pool, <first name>.<last name>@, the duplicate resolved
 * with the suggested address, the run, and an XML export. Then the
 * tenant and the file are checked. */

static char *scratch;
static gboolean walked;

static void
choose (PvAssistant *assistant,
        const char  *title)
{
  GtkWidget *row = pv_test_find_row (GTK_WIDGET (pv_assistant_get_current_page (assistant)), title);

  g_assert_nonnull (row);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  pv_test_iterate ();
}

static gboolean
match_button (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
         gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
         g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (widget)), data);
}

static void
click (PvAssistant *assistant,
       const char  *label)
{
  GtkWidget *button = pv_test_find_widget (GTK_WIDGET (pv_assistant_get_current_page (assistant)), match_button, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  pv_test_iterate ();
}

static guint
search (PvAssistant *assistant,
        const char  *text)
{
  GtkWidget *page = GTK_WIDGET (pv_assistant_get_current_page (assistant));
  GtkWidget *entry = pv_test_find_by_type (page, GTK_TYPE_SEARCH_ENTRY);
  GtkColumnView *view = GTK_COLUMN_VIEW (pv_test_find_by_type (page, GTK_TYPE_COLUMN_VIEW));
  GListModel *shown;
  guint pending;

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The entry waits a moment before it says the text changed. */
  g_signal_emit_by_name (entry, "search-changed");
  shown = gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_column_view_get_model (view)));
  /* The search is worked out in slices: let it finish. */
  for (g_object_get (shown, "pending", &pending, NULL); pending > 0; g_object_get (shown, "pending", &pending, NULL))
    g_main_context_iteration (NULL, TRUE);

  return g_list_model_get_n_items (shown);
}

static gboolean
flow_loaded (gpointer data)
{
  PvEnableFlow *flow = data;

  return !pv_enable_flow_get_loading (flow) && pv_enable_flow_get_load_error (flow) == NULL &&
         g_list_model_get_n_items (G_LIST_MODEL (pv_enable_flow_get_pools (flow))) > 0;
}

static gboolean
page_complete (gpointer data)
{
  return pv_page_get_complete (data);
}

static PvUser *
find_user (GListModel *users,
           const char *upn)
{
  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (users, i);

      if (g_strcmp0 (pv_user_get_user_principal_name (user), upn) == 0)
        return g_steal_pointer (&user);
    }

  return NULL;
}

static guint
count_enabled (GListModel *users)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (users, i);

      n += pv_user_get_sip_address (user) != NULL;
    }

  return n;
}

static gboolean
window_inactive (gpointer data)
{
  return !gtk_window_is_active (data);
}

static gboolean
notified (gpointer data)
{
  return pv_test_get_n_notifications () >= GPOINTER_TO_UINT (data);
}

static void
walk_the_wizard (PvWindow *window)
{
  guint n_notifications;
  GtkWindow *elsewhere;
  PvStartPage *start_page = PV_START_PAGE (pv_window_get_start_page (window));
  GtkWidget *row = pv_test_find_row (GTK_WIDGET (start_page), "Enable users for a pool");
  PvAssistant *assistant;
  PvEnableFlow *flow;
  PvEnablePlan *plan;
  PvServiceClient *client;
  PvPage *finish;
  g_autoptr(GListStore) before = g_list_store_new (PV_TYPE_USER);
  g_autoptr(GListStore) after = g_list_store_new (PV_TYPE_USER);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *export_path = g_build_filename (scratch, "enabled.xml", NULL);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autofree char *xml = NULL;
  static const struct { const char *upn; const char *address; } expected[] = {
    { "marie.martin@contoso.com", "sip:marie.martin@contoso.com" },
    { "marie.martin2@contoso.com", NULL },  /* the suggestion, whatever it is */
    { "jean.dupont@contoso.com", "sip:jean.dupont@contoso.com" },
  };
  g_autofree char *suggested = NULL;

  /* The start page: what a click on the row does. */
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  pv_test_iterate ();
  assistant = PV_ASSISTANT (pv_window_get_assistant (window));
  g_assert_nonnull (assistant);
  flow = PV_ENABLE_FLOW (pv_assistant_get_state (assistant));
  plan = pv_enable_flow_get_plan (flow);
  pv_test_wait_until (flow_loaded, flow);
  client = pv_enable_flow_get_client (flow);

  pv_service_client_list_users_async (client, before, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_service_client_list_users_finish (client, pv_test_wait_result (&result), NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  /* Welcome. */
  pv_test_assistant_next (assistant);

  /* Select users: the search entry has the focus, to type in at once;
   * then the namesakes by name, and Jean Dupont by address. */
  g_assert_false (pv_page_get_complete (pv_assistant_get_current_page (assistant)));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    GtkWidget *entry = pv_test_find_by_type (GTK_WIDGET (pv_assistant_get_current_page (assistant)), GTK_TYPE_SEARCH_ENTRY);

    g_assert_nonnull (focus);
    g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  }
  g_assert_cmpuint (search (assistant, "marie martin"), ==, 2);
  click (assistant, "Select _All Shown");
  g_assert_cmpuint (search (assistant, "jean.dupont@contoso"), ==, 1);
  click (assistant, "Select _All Shown");
  search (assistant, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pv_enable_flow_get_selection (flow))), ==, 3);
  pv_test_assistant_next (assistant);

  /* Select server or pool. */
  g_assert_false (pv_page_get_complete (pv_assistant_get_current_page (assistant)));
  choose (assistant, "pool01.contoso.com");
  pv_test_assistant_next (assistant);

  /* Sign-in name: the namesakes collide; the suggestion resolves it. */
  choose (assistant, "Use the format <first name>.<last name>@domain");
  g_assert_cmpint (pv_enable_plan_get_format (plan), ==, PV_SIP_FORMAT_FIRST_LAST);
  g_assert_cmpuint (pv_enable_plan_get_n_problems (plan), ==, 1);
  g_assert_false (pv_page_get_complete (pv_assistant_get_current_page (assistant)));
  g_assert_nonnull (pv_page_get_incomplete_reason (pv_assistant_get_current_page (assistant)));
  {
    GtkWidget *use = pv_test_find_widget (GTK_WIDGET (pv_assistant_get_current_page (assistant)), match_button, "Use sip:");

    g_assert_nonnull (use);
    /* "Use sip:…" → the address itself. */
    suggested = g_strdup (gtk_button_get_label (GTK_BUTTON (use)) + strlen ("Use "));
    g_assert_true (g_str_has_suffix (suggested, "@contoso.com"));
    g_assert_cmpstr (suggested, !=, "sip:marie.martin@contoso.com");
  }
  click (assistant, "Use sip:");
  g_assert_cmpuint (pv_enable_plan_get_n_problems (plan), ==, 0);
  pv_test_assistant_next (assistant);

  /* Ready to enable: a real run, not a dry run. Its end is announced on
   * the desktop however short it is, the window being inactive. */
  g_assert_false (pv_enable_plan_get_dry_run (plan));
  /* The person goes to another window while the run goes on. */
  elsewhere = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (elsewhere);
  pv_test_wait_until (window_inactive, window);
  n_notifications = pv_test_get_n_notifications ();
  g_object_set (pv_assistant_get_page (assistant, 5), "notify-after", 0, NULL);
  pv_test_assistant_next (assistant);

  /* Enable Operation Status. */
  pv_test_wait_until (page_complete, pv_assistant_get_current_page (assistant));
  pv_test_wait_until (notified, GUINT_TO_POINTER (n_notifications + 1));
  gtk_window_destroy (elsewhere);
  pv_test_assistant_next (assistant);

  /* Finish: three enabled, nobody failed, and the XML export. */
  finish = pv_assistant_get_current_page (assistant);
  g_assert_true (PV_IS_ENABLE_FINISH_PAGE (finish));
  pv_enable_finish_page_export_async (PV_ENABLE_FINISH_PAGE (finish), PV_EXPORT_FORMAT_XML, export_file, NULL,
                                      pv_test_store_result_cb, &result);
  g_assert_true (pv_enable_finish_page_export_finish (PV_ENABLE_FINISH_PAGE (finish), pv_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  g_assert_cmpint (pv_test_validate_xml (export_path, PV_RESULTS_XSD), ==, 0);
  g_assert_true (g_file_get_contents (export_path, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml, "sip:marie.martin@contoso.com"));
  g_assert_nonnull (strstr (xml, suggested));
  g_assert_nonnull (strstr (xml, "sip:jean.dupont@contoso.com"));
  g_assert_nonnull (strstr (xml, "pool01.contoso.com"));

  /* The tenant: exactly these three changed, each as previewed. */
  pv_service_client_list_users_async (client, after, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_service_client_list_users_finish (client, pv_test_wait_result (&result), NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (count_enabled (G_LIST_MODEL (after)), ==, count_enabled (G_LIST_MODEL (before)) + 3);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(PvUser) user = find_user (G_LIST_MODEL (after), expected[i].upn);

      g_assert_nonnull (user);
      g_assert_cmpstr (pv_user_get_sip_address (user), ==, expected[i].address != NULL ? expected[i].address : suggested);
      g_assert_cmpstr (pv_user_get_registrar_pool (user), ==, "pool01.contoso.com");
    }

  /* Done closes the wizard and returns to the start page. */
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL);
  pv_test_iterate ();
  g_assert_null (pv_window_get_assistant (window));

  walked = TRUE;
}

/* What a click on a response button does: the answer, then the dialog
 * goes away. */
static void
answer (GtkWindow  *dialog,
        const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  pv_test_iterate ();
}

/* The history lists finished runs too: the stopped one is the row that
 * offers to resume. */
static gboolean
match_resumable_row (GtkWidget     *widget,
                     gconstpointer  data)
{
  return PV_IS_RUN_ROW (widget) && pv_run_row_get_resumable (PV_RUN_ROW (widget));
}

static gboolean
runs_listed (gpointer data)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (data), "pv-test-listed"));
}

static void
mark_listed (GObject *start_page)
{
  g_object_set_data (start_page, "pv-test-listed", GINT_TO_POINTER (TRUE));
}

static void
wait_for_runs (PvStartPage *start_page)
{
  g_object_set_data (G_OBJECT (start_page), "pv-test-listed", NULL);
  pv_start_page_refresh_runs (start_page);
  pv_test_wait_until (runs_listed, start_page);
}

static gboolean
some_done (gpointer data)
{
  GListModel *results = pv_enable_flow_get_results (data);

  return results != NULL && g_list_model_get_n_items (results) >= 3;
}

static void
set_faults (const char *spec)
{
  PvSandboxServer *sandbox = pv_application_get_sandbox (PV_APPLICATION (g_application_get_default ()));
  g_autoptr(PvSandboxFaults) faults = spec != NULL ? pv_sandbox_faults_new (spec, NULL) : NULL;

  g_assert_nonnull (sandbox);
  pv_sandbox_server_set_faults (sandbox, faults);
}

static gboolean
match_label_prefix (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
         gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
         g_str_equal (gtk_button_get_label (GTK_BUTTON (widget)), data);
}

/* A run stopped half-way is offered on the start page, and resuming it
 * finishes the work: everyone it planned ends enabled, with the address
 * the plan gave them. */
static void
stop_then_resume (PvWindow *window)
{
  PvStartPage *start_page = PV_START_PAGE (pv_window_get_start_page (window));
  GtkWidget *row = pv_test_find_row (GTK_WIDGET (start_page), "Enable users for a pool");
  PvAssistant *assistant;
  PvEnableFlow *flow;
  GtkWidget *stop;
  GtkWindow *dialog;
  GtkWidget *resume;
  GListModel *results;
  g_autoptr(GListStore) after = g_list_store_new (PV_TYPE_USER);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) planned = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_planned;

  wait_for_runs (start_page);
  g_assert_cmpuint (pv_start_page_get_n_resumable (start_page), ==, 0);

  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  pv_test_iterate ();
  assistant = PV_ASSISTANT (pv_window_get_assistant (window));
  flow = PV_ENABLE_FLOW (pv_assistant_get_state (assistant));
  pv_test_wait_until (flow_loaded, flow);
  pv_test_assistant_next (assistant);

  /* Everyone synchronised and not enabled, by their UPN. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pv_test_find_by_type (GTK_WIDGET (pv_assistant_get_current_page (assistant)),
                                                                  GTK_TYPE_DROP_DOWN)), 1);
  search (assistant, "@contoso.com");
  click (assistant, "Select _All Shown");
  n_planned = g_list_model_get_n_items (G_LIST_MODEL (pv_enable_flow_get_selection (flow)));
  g_assert_cmpuint (n_planned, >=, 10);
  pv_test_assistant_next (assistant);
  choose (assistant, "pool02.contoso.com");
  pv_test_assistant_next (assistant);
  choose (assistant, "Use userPrincipalName");
  if (!pv_page_get_complete (pv_assistant_get_current_page (assistant)))
    gtk_switch_set_active (GTK_SWITCH (pv_test_find_by_type (GTK_WIDGET (pv_assistant_get_current_page (assistant)),
                                                             GTK_TYPE_SWITCH)), TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (pv_enable_plan_get_entries (pv_enable_flow_get_plan (flow))); i++)
    {
      g_autoptr(PvEnableEntry) entry = g_list_model_get_item (pv_enable_plan_get_entries (pv_enable_flow_get_plan (flow)), i);

      if (pv_enable_entry_get_address (entry) != NULL)
        g_ptr_array_add (planned, g_object_ref (entry));
    }
  pv_test_assistant_next (assistant);

  /* Slow answers: the run is still going when it is stopped. */
  set_faults ("rate=0.9,kinds=delay,delay=1500,seed=5");
  pv_test_assistant_next (assistant);
  pv_test_wait_until (some_done, flow);
  stop = pv_test_find_widget (GTK_WIDGET (pv_assistant_get_current_page (assistant)), match_label_prefix, "_Stop…");
  g_assert_nonnull (stop);
  g_signal_emit_by_name (stop, "clicked");
  pv_test_iterate ();
  dialog = pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  answer (dialog, "stop");
  pv_test_wait_until (page_complete, pv_assistant_get_current_page (assistant));
  set_faults (NULL);
  g_assert_cmpuint (g_list_model_get_n_items (pv_enable_flow_get_results (flow)), <, planned->len);
  pv_test_assistant_next (assistant);
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL);
  pv_test_iterate ();
  g_assert_null (pv_window_get_assistant (window));

  /* The start page offers the stopped run. */
  wait_for_runs (start_page);
  g_assert_cmpuint (pv_start_page_get_n_resumable (start_page), ==, 1);
  resume = pv_test_find_widget (GTK_WIDGET (start_page), match_label_prefix, "_Resume");
  g_assert_nonnull (resume);
  g_signal_emit_by_name (resume, "clicked");
  pv_test_iterate ();

  /* Straight to the run, which ends with everyone planned. */
  assistant = PV_ASSISTANT (pv_window_get_assistant (window));
  g_assert_nonnull (assistant);
  g_assert_cmpuint (pv_assistant_get_n_pages (assistant), ==, 2);
  flow = PV_ENABLE_FLOW (pv_assistant_get_state (assistant));
  pv_test_wait_until (page_complete, pv_assistant_get_current_page (assistant));
  results = pv_enable_flow_get_results (flow);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, planned->len);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PvOperationResult) outcome = g_list_model_get_item (results, i);
      PvResultStatus status = pv_operation_result_get_status (outcome);

      /* Those the service took while the run was being stopped are found
       * done when checked, and reported as already done. */
      g_assert_true (status == PV_RESULT_STATUS_DONE || status == PV_RESULT_STATUS_ALREADY_DONE);
    }

  pv_service_client_list_users_async (pv_enable_flow_get_client (flow), after, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_service_client_list_users_finish (pv_enable_flow_get_client (flow), pv_test_wait_result (&result), NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < planned->len; i++)
    {
      PvEnableEntry *entry = g_ptr_array_index (planned, i);
      PvUser *planned_user = pv_enable_entry_get_user (entry);
      g_autoptr(PvUser) user = find_user (G_LIST_MODEL (after), pv_user_get_user_principal_name (planned_user));

      g_assert_nonnull (user);
      g_assert_cmpstr (pv_user_get_sip_address (user), ==, pv_enable_entry_get_address (entry));
      g_assert_cmpstr (pv_user_get_registrar_pool (user), ==, "pool02.contoso.com");
    }

  pv_test_assistant_next (assistant);
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL);
  pv_test_iterate ();

  /* Finished now: no longer offered. */
  wait_for_runs (start_page);
  g_assert_cmpuint (pv_start_page_get_n_resumable (start_page), ==, 0);
}

/* The question on screen now, not one answered earlier. */
static GtkWindow *
visible_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
match_tooltip (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static guint
count_files (const char *dir_path,
             const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_suffix (name, suffix);

  return n;
}

/* Discarding a stopped run asks first, then stops offering it and keeps
 * its journal aside as the record of what it did. */
static void
stop_then_discard (PvWindow *window)
{
  PvStartPage *start_page = PV_START_PAGE (pv_window_get_start_page (window));
  GtkWidget *row = pv_test_find_row (GTK_WIDGET (start_page), "Enable users for a pool");
  g_autofree char *runs = g_build_filename (g_get_user_state_dir (), "provisio", "runs", NULL);
  guint n_journals = count_files (runs, ".jsonl");
  PvAssistant *assistant;
  PvEnableFlow *flow;
  GtkWindow *dialog;
  GtkWidget *discard;
  GtkWidget *stop;

  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  pv_test_iterate ();
  assistant = PV_ASSISTANT (pv_window_get_assistant (window));
  flow = PV_ENABLE_FLOW (pv_assistant_get_state (assistant));
  pv_test_wait_until (flow_loaded, flow);
  pv_test_assistant_next (assistant);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pv_test_find_by_type (GTK_WIDGET (pv_assistant_get_current_page (assistant)),
                                                                  GTK_TYPE_DROP_DOWN)), 1);
  g_assert_cmpuint (search (assistant, ""), >, 0);
  click (assistant, "Select _All Shown");
  pv_test_assistant_next (assistant);
  choose (assistant, "pool01.contoso.com");
  pv_test_assistant_next (assistant);
  choose (assistant, "Use userPrincipalName");
  if (!pv_page_get_complete (pv_assistant_get_current_page (assistant)))
    gtk_switch_set_active (GTK_SWITCH (pv_test_find_by_type (GTK_WIDGET (pv_assistant_get_current_page (assistant)),
                                                             GTK_TYPE_SWITCH)), TRUE);
  pv_test_assistant_next (assistant);
  set_faults ("rate=1,kinds=delay,delay=3000");
  pv_test_assistant_next (assistant);
  pv_test_wait_until (some_done, flow);
  stop = pv_test_find_widget (GTK_WIDGET (pv_assistant_get_current_page (assistant)), match_label_prefix, "_Stop…");
  g_assert_nonnull (stop);
  g_signal_emit_by_name (stop, "clicked");
  pv_test_iterate ();
  dialog = visible_dialog ();
  g_assert_nonnull (dialog);
  answer (dialog, "stop");
  pv_test_wait_until (page_complete, pv_assistant_get_current_page (assistant));
  set_faults (NULL);
  pv_test_assistant_next (assistant);
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL);
  pv_test_iterate ();

  wait_for_runs (start_page);
  g_assert_cmpuint (pv_start_page_get_n_resumable (start_page), ==, 1);
  g_assert_cmpuint (count_files (runs, ".jsonl"), ==, n_journals + 1);

  /* Asked first: Cancel keeps it. */
  discard = pv_test_find_widget (pv_test_find_widget (GTK_WIDGET (start_page), match_resumable_row, NULL),
                                 match_tooltip, "Discard this run");
  g_assert_nonnull (discard);
  g_signal_emit_by_name (discard, "clicked");
  pv_test_iterate ();
  dialog = visible_dialog ();
  g_assert_nonnull (dialog);
  answer (dialog, "cancel");
  wait_for_runs (start_page);
  g_assert_cmpuint (pv_start_page_get_n_resumable (start_page), ==, 1);

  discard = pv_test_find_widget (pv_test_find_widget (GTK_WIDGET (start_page), match_resumable_row, NULL),
                                 match_tooltip, "Discard this run");
  g_signal_emit_by_name (discard, "clicked");
  pv_test_iterate ();
  dialog = visible_dialog ();
  g_object_set_data (G_OBJECT (start_page), "pv-test-listed", NULL);
  answer (dialog, "discard");
  pv_test_wait_until (runs_listed, start_page);
  g_assert_cmpuint (pv_start_page_get_n_resumable (start_page), ==, 0);
  g_assert_cmpuint (count_files (runs, ".jsonl"), ==, n_journals);
  g_assert_cmpuint (count_files (runs, ".jsonl.discarded"), ==, 1);
}

static void
application_activate_cb (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  g_signal_connect (pv_window_get_start_page (PV_WINDOW (window)), "runs-listed", G_CALLBACK (mark_listed), NULL);
  walk_the_wizard (PV_WINDOW (window));
  stop_then_resume (PV_WINDOW (window));
  stop_then_discard (PV_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
}

static void
test_enable_wizard_end_to_end (void)
{
  pv_test_run_application (application_activate_cb);
  g_assert_true (walked);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  scratch = pv_test_private_home ("provisio-wizard-XXXXXX", PV_SANDBOX_SEED);

  pv_test_init (&argc, &argv);
  g_test_add_func ("/enable-wizard/end-to-end", test_enable_wizard_end_to_end);
  status = g_test_run ();

  pv_test_remove_tree (scratch);
  g_free (scratch);
  return status;
}
