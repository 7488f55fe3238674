/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pv-application.h"
#include "pv-preferences-window.h"
#include "pv-run-row.h"
#include "pv-test-util.h"
#include "pv-window.h"
#include "enable/pv-enable-flow.h"
#include "moves/pv-move-flow.h"
#include "operator/pv-operator-flow.h"
#include "pv-assistant.h"
#include "manage/pv-countries-dialog.h"
#include "manage/pv-numbers-view.h"
#include "manage/pv-operators-view.h"
#include "manage/pv-person-chooser.h"
#include "manage/pv-address-dialog.h"

/* Renders each page of Provisio to a PNG file, in the language of the
 * environment, so that the whole interface can be looked at (and checked
 * for truncated or untranslated text) without clicking through it. Every
 * new page of a flow gets a scene here. */

static const char *output_dir;
static guint n_written;

static gboolean
frame_drawn_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  guint *n_frames = user_data;

  (*n_frames)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
enough_frames (gpointer user_data)
{
  return *(guint *) user_data >= 3;
}

static void
save_window (GtkWindow  *window,
             const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  guint n_frames = 0;
  guint tick_id;
  int width, height;

  gtk_window_present (window);

  /* A few frames, so that layout and styles have settled. */
  tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (window), frame_drawn_cb, &n_frames, NULL);
  pv_test_wait_until (enough_frames, &n_frames);
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick_id);

  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);

  path = g_build_filename (output_dir, name, NULL);
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Could not write %s", path);

  g_print ("%s\n", path);
  n_written++;
}

static gboolean
flow_loaded (gpointer data)
{
  PvEnableFlow *flow = data;

  return !pv_enable_flow_get_loading (flow) && pv_enable_flow_get_load_error (flow) == NULL &&
         g_list_model_get_n_items (pv_enable_plan_get_sip_domains (pv_enable_flow_get_plan (flow))) > 0;
}

static gboolean
page_complete (gpointer data)
{
  return pv_page_get_complete (data);
}

static void
next_page (GtkWidget *assistant)
{
  gtk_widget_activate_action (assistant, "assistant.next", NULL);
  pv_test_iterate ();
}

/* The move's note about those who wait for the operator, answered with
 * Close: the wizard goes; the run, which ended waiting, stays on the
 * start page. */
static void
close_waiting_note (void)
{
  GtkWindow *dialog = pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_destroy (dialog);
  pv_test_iterate ();
}

static gboolean
run_under_way (gpointer data)
{
  PvEnableFlow *flow = data;
  GListModel *results = pv_enable_flow_get_results (flow);

  return results != NULL && g_list_model_get_n_items (results) >= 6;
}

/* "Enable users for a pool" on the sandbox tenant, with the cases worth
 * seeing: a selection with namesakes and people without an e-mail
 * address, a collision in the preview, a run caught half-way (the
 * sandbox is told to answer slowly), and a cloud-only person the service
 * refuses, so that Finish shows a failure and Retry Failed. */
static void
enable_flow_scenes (PvWindow *window)
{
  GApplication *application = g_application_get_default ();
  GtkWidget *assistant = pv_window_start_flow (window, &pv_enable_flow_info);
  PvEnableFlow *flow = PV_ENABLE_FLOW (pv_assistant_get_state (PV_ASSISTANT (assistant)));
  PvEnablePlan *plan = pv_enable_flow_get_plan (flow);
  GListModel *directory = G_LIST_MODEL (pv_enable_flow_get_directory (flow));
  GListModel *pools = G_LIST_MODEL (pv_enable_flow_get_pools (flow));
  PvSandboxServer *sandbox;
  g_autoptr(PvSandboxFaults) slow = NULL;
  guint n_selected = 0;
  gboolean cloud_only_chosen = FALSE;

  pv_test_wait_until (flow_loaded, flow);
  save_window (GTK_WINDOW (window), "enable-1-welcome.png");

  next_page (assistant);
  for (guint i = 0; i < g_list_model_get_n_items (directory) && n_selected < 16; i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (directory, i);

      if (pv_user_get_sip_address (user) == NULL && pv_user_get_on_premises_sync_enabled (user))
        {
          g_list_store_append (pv_enable_flow_get_selection (flow), user);
          n_selected++;
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (directory) && !cloud_only_chosen; i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (directory, i);

      if (pv_user_get_sip_address (user) == NULL && !pv_user_get_on_premises_sync_enabled (user) &&
          pv_user_get_mail (user) != NULL)
        {
          g_autofree char *local = g_strndup (pv_user_get_mail (user), strcspn (pv_user_get_mail (user), "@"));
          g_autofree char *address = g_strdup_printf ("sip:%s@contoso.com", local);

          g_list_store_append (pv_enable_flow_get_selection (flow), user);
          /* An address typed by hand in a SIP domain: the preview accepts
           * it, the service refuses a person who is not synchronised. */
          pv_enable_plan_set_override (plan, pv_user_get_id (user), address);
          cloud_only_chosen = TRUE;
        }
    }
  save_window (GTK_WINDOW (window), "enable-2-select-users.png");

  next_page (assistant);
  for (guint i = 0; i < g_list_model_get_n_items (pools); i++)
    {
      g_autoptr(PvPool) pool = g_list_model_get_item (pools, i);

      if (g_strcmp0 (pv_pool_get_fqdn (pool), "pool01.contoso.com") == 0)
        pv_enable_plan_set_pool (plan, pool);
    }
  save_window (GTK_WINDOW (window), "enable-3-select-pool.png");

  next_page (assistant);
  pv_enable_plan_set_format (plan, PV_SIP_FORMAT_FIRST_LAST);
  save_window (GTK_WINDOW (window), "enable-4-sign-in-name.png");

  pv_enable_plan_set_format (plan, PV_SIP_FORMAT_EMAIL);
  pv_enable_plan_set_skip_problems (plan, TRUE);
  next_page (assistant);
  save_window (GTK_WINDOW (window), "enable-5-ready.png");

  sandbox = pv_application_get_sandbox (PV_APPLICATION (application));
  g_assert_nonnull (sandbox);
  slow = pv_sandbox_faults_new ("rate=0.6,kinds=delay,delay=4000,seed=7", NULL);
  g_assert_nonnull (slow);
  pv_sandbox_server_set_faults (sandbox, slow);
  next_page (assistant);
  pv_test_wait_until (run_under_way, flow);
  save_window (GTK_WINDOW (window), "enable-6-status.png");

  pv_test_wait_until (page_complete, pv_assistant_get_current_page (PV_ASSISTANT (assistant)));
  pv_sandbox_server_set_faults (sandbox, NULL);
  next_page (assistant);
  save_window (GTK_WINDOW (window), "enable-7-finish.png");
}

static gboolean
operator_flow_loaded (gpointer data)
{
  PvOperatorFlow *flow = data;

  return !pv_operator_flow_get_loading (flow) &&
         g_list_model_get_n_items (G_LIST_MODEL (pv_operator_flow_get_catalogue (flow))) > 0;
}

static gboolean
operator_added (gpointer data)
{
  return pv_operator_flow_get_add_state (data) == PV_OPERATOR_ADD_STATE_DONE ||
         pv_operator_flow_get_add_state (data) == PV_OPERATOR_ADD_STATE_FAILED;
}

static void
select_operator (GtkWidget  *assistant,
                 const char *id)
{
  PvPage *page = pv_assistant_get_current_page (PV_ASSISTANT (assistant));
  GtkColumnView *view = GTK_COLUMN_VIEW (pv_test_find_by_type (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  GListModel *shown = G_LIST_MODEL (gtk_column_view_get_model (view));

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PvOperator) operator_ = g_list_model_get_item (shown, i);

      if (g_strcmp0 (pv_operator_get_id (operator_), id) == 0)
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (shown), i, TRUE);
    }
  pv_test_iterate ();
}

/* "Connect an operator" on the sandbox tenant, which already has two
 * operators (one suspended): an operator with accented names and five
 * countries, two of them chosen, and a contact whose name is edited. */
static void
operator_flow_scenes (PvWindow *window)
{
  GtkWidget *assistant = pv_window_start_flow (window, &pv_operator_flow_info);
  PvOperatorFlow *flow = PV_OPERATOR_FLOW (pv_assistant_get_state (PV_ASSISTANT (assistant)));
  PvOperatorPlan *plan = pv_operator_flow_get_plan (flow);
  PvContactDetails *contact = pv_operator_plan_get_contact (plan);

  pv_test_wait_until (operator_flow_loaded, flow);
  /* A refused choice first, so that its explanation shows. */
  select_operator (assistant, "orange-business");
  save_window (GTK_WINDOW (window), "operator-1-all-operators-refused.png");
  select_operator (assistant, "telefonica");
  save_window (GTK_WINDOW (window), "operator-1-all-operators.png");

  next_page (assistant);
  pv_operator_plan_select_country (plan, "ES", NULL);
  pv_operator_plan_select_country (plan, "MX", NULL);
  save_window (GTK_WINDOW (window), "operator-2-countries.png");

  next_page (assistant);
  pv_contact_details_set_company_size (contact, 5000);
  pv_contact_details_set_phone (contact, "+34 91 123 45 67");
  save_window (GTK_WINDOW (window), "operator-3-contact-invalid-phone.png");
  pv_contact_details_set_phone (contact, "+34911234567");
  save_window (GTK_WINDOW (window), "operator-3-contact.png");

  next_page (assistant);
  save_window (GTK_WINDOW (window), "operator-4-notice.png");
  pv_operator_plan_set_notice_accepted (plan, TRUE);

  next_page (assistant);
  save_window (GTK_WINDOW (window), "operator-5-review.png");

  next_page (assistant);
  pv_test_wait_until (operator_added, flow);
  save_window (GTK_WINDOW (window), "operator-6-added.png");
}

static gboolean
runs_listed (gpointer data)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (data), "pv-listed"));
}

static void
mark_listed (GObject *start_page)
{
  g_object_set_data (start_page, "pv-listed", GINT_TO_POINTER (TRUE));
}

static gboolean
match_button_label (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static gboolean
some_results (gpointer data)
{
  GListModel *results = pv_enable_flow_get_results (data);

  return results != NULL && g_list_model_get_n_items (results) >= 2;
}

/* The start page offering a run that was stopped half-way: the same
 * people as before, another pool, answers slowed down, then Stop. */
static void
unfinished_run_scene (PvWindow *window)
{
  GApplication *application = g_application_get_default ();
  PvSandboxServer *sandbox = pv_application_get_sandbox (PV_APPLICATION (application));
  GtkWidget *start_page = pv_window_get_start_page (window);
  GtkWidget *assistant = pv_window_start_flow (window, &pv_enable_flow_info);
  PvEnableFlow *flow = PV_ENABLE_FLOW (pv_assistant_get_state (PV_ASSISTANT (assistant)));
  PvEnablePlan *plan = pv_enable_flow_get_plan (flow);
  GListModel *directory = G_LIST_MODEL (pv_enable_flow_get_directory (flow));
  GListModel *pools = G_LIST_MODEL (pv_enable_flow_get_pools (flow));
  g_autoptr(PvSandboxFaults) slow = pv_sandbox_faults_new ("rate=1,kinds=delay,delay=3000", NULL);
  GtkWindow *dialog;

  pv_test_wait_until (flow_loaded, flow);
  next_page (assistant);
  for (guint i = 0; i < g_list_model_get_n_items (directory); i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (directory, i);

      if (pv_user_get_sip_address (user) == NULL && pv_user_get_on_premises_sync_enabled (user) &&
          pv_user_get_mail (user) != NULL)
        g_list_store_append (pv_enable_flow_get_selection (flow), user);
    }
  next_page (assistant);
  for (guint i = 0; i < g_list_model_get_n_items (pools); i++)
    {
      g_autoptr(PvPool) pool = g_list_model_get_item (pools, i);

      if (g_strcmp0 (pv_pool_get_fqdn (pool), "pool02.contoso.com") == 0)
        pv_enable_plan_set_pool (plan, pool);
    }
  next_page (assistant);
  pv_enable_plan_set_skip_problems (plan, TRUE);
  next_page (assistant);
  pv_sandbox_server_set_faults (sandbox, slow);
  next_page (assistant);
  /* Let a few through, then stop. */
  pv_sandbox_server_set_faults (sandbox, NULL);
  pv_test_wait_until (some_results, flow);
  pv_sandbox_server_set_faults (sandbox, slow);
  g_signal_emit_by_name (pv_test_find_widget (GTK_WIDGET (pv_assistant_get_current_page (PV_ASSISTANT (assistant))),
                                              match_button_label, _("_Stop…")), "clicked");
  pv_test_iterate ();
  dialog = pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "stop");
  gtk_window_destroy (dialog);
  pv_test_wait_until (page_complete, pv_assistant_get_current_page (PV_ASSISTANT (assistant)));
  pv_sandbox_server_set_faults (sandbox, NULL);
  next_page (assistant);

  g_signal_connect (start_page, "runs-listed", G_CALLBACK (mark_listed), NULL);
  /* Done, back to the start page. */
  next_page (assistant);
  pv_test_wait_until (runs_listed, start_page);
  save_window (GTK_WINDOW (window), "start-page-unfinished-run.png");
}

static gboolean
move_flow_loaded (gpointer data)
{
  return !pv_move_flow_get_loading (data);
}

static void
select_movable (PvMoveFlow *flow)
{
  GListModel *candidates = pv_move_plan_get_candidates (pv_move_flow_get_plan (flow));

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (candidates, i);
      g_autofree char *problem = pv_move_plan_dup_problem (pv_move_flow_get_plan (flow), user);

      if (problem == NULL)
        pv_move_plan_set_selected (pv_move_flow_get_plan (flow), pv_user_get_id (user), TRUE);
    }
}

/* The people whose number starts with @prefix, and who can be moved. */
static void
select_in_country (PvMoveFlow *flow,
                   const char *prefix)
{
  GListModel *candidates = pv_move_plan_get_candidates (pv_move_flow_get_plan (flow));

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (candidates, i);
      g_autofree char *problem = pv_move_plan_dup_problem (pv_move_flow_get_plan (flow), user);
      const char *number = pv_move_plan_get_current_number (pv_move_flow_get_plan (flow), pv_user_get_id (user));

      if (problem == NULL && g_str_has_prefix (number, prefix))
        pv_move_plan_set_selected (pv_move_flow_get_plan (flow), pv_user_get_id (user), TRUE);
    }
}

static gboolean
match_checked_row (GtkWidget     *widget,
                   gconstpointer  data)
{
  return PV_IS_RUN_ROW (widget) && pv_run_row_get_check (PV_RUN_ROW (widget)) != PV_RUN_CHECK_NONE &&
         pv_run_row_get_check (PV_RUN_ROW (widget)) != PV_RUN_CHECK_RUNNING;
}

static gboolean
waiting_row_checked (gpointer data)
{
  return pv_test_find_widget (data, match_checked_row, NULL) != NULL;
}

/* "Move numbers from Direct Routing to Operator Connect" on the seed
 * tenant as a person gets it: the people ready chosen (two with numbers
 * assigned online, two on-premises; those not TeamsOnly or without Phone
 * System listed, not choosable), the operator's free numbers given to
 * them, all moved. Then
 * "Calling Plan to Operator Connect": the people with French Calling
 * Plan numbers keep them, the port confirmed; Orange Business has
 * completed the port order of four, whose numbers it uploads a moment
 * after they are unassigned, and not yet the fifth's, who waits at step
 * 1 with nothing changed; Run Again once the upload is in assigns the
 * four. */
static void
move_flow_scenes (PvWindow *window)
{
  GApplication *application = g_application_get_default ();
  PvSandboxServer *sandbox = pv_application_get_sandbox (PV_APPLICATION (application));
  GtkWidget *assistant;
  GtkWidget *run_again;
  PvMoveFlow *flow;

  assistant = pv_window_start_flow (window, &pv_move_direct_routing_flow_info);
  flow = PV_MOVE_FLOW (pv_assistant_get_state (PV_ASSISTANT (assistant)));
  pv_test_wait_until (move_flow_loaded, flow);
  pv_test_iterate ();
  select_movable (flow);
  pv_test_iterate ();
  save_window (GTK_WINDOW (window), "move-dr-1-people.png");

  next_page (assistant);
  pv_move_plan_set_use_operator_numbers (pv_move_flow_get_plan (flow), TRUE);
  pv_test_iterate ();
  save_window (GTK_WINDOW (window), "move-dr-2-operator.png");

  next_page (assistant);
  save_window (GTK_WINDOW (window), "move-dr-3-warning.png");
  pv_move_plan_set_acknowledged (pv_move_flow_get_plan (flow), TRUE);

  next_page (assistant);
  save_window (GTK_WINDOW (window), "move-dr-4-review.png");

  next_page (assistant);
  pv_test_wait_until (page_complete, pv_assistant_get_current_page (PV_ASSISTANT (assistant)));
  pv_test_iterate ();
  save_window (GTK_WINDOW (window), "move-dr-5-status.png");
  {
    /* The end of the page: the exports. */
    GtkWidget *scrolled = pv_test_find_by_type (GTK_WIDGET (pv_assistant_get_current_page (PV_ASSISTANT (assistant))),
                                                GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    pv_test_iterate ();
    save_window (GTK_WINDOW (window), "move-dr-6-exports.png");
  }
  /* Done while someone waits for the operator: the note before closing. */
  next_page (assistant);
  if (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL)
    {
      save_window (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG), "move-dr-7-waiting.png");
      close_waiting_note ();
    }

  /* The Calling Plan move: its warning page asks about the port. */
  assistant = pv_window_start_flow (window, &pv_move_calling_plan_flow_info);
  flow = PV_MOVE_FLOW (pv_assistant_get_state (PV_ASSISTANT (assistant)));
  pv_test_wait_until (move_flow_loaded, flow);
  pv_test_iterate ();
  select_in_country (flow, "+33");
  pv_test_iterate ();
  save_window (GTK_WINDOW (window), "move-cp-1-people.png");
  if (!pv_page_get_complete (pv_assistant_get_current_page (PV_ASSISTANT (assistant))))
    return;

  next_page (assistant);
  save_window (GTK_WINDOW (window), "move-cp-2-operator.png");
  next_page (assistant);
  save_window (GTK_WINDOW (window), "move-cp-3-warning.png");
  pv_move_plan_set_port_confirmed (pv_move_flow_get_plan (flow), TRUE);
  pv_move_plan_set_acknowledged (pv_move_flow_get_plan (flow), TRUE);
  next_page (assistant);
  save_window (GTK_WINDOW (window), "move-cp-4-review.png");

  next_page (assistant);
  pv_test_wait_until (page_complete, pv_assistant_get_current_page (PV_ASSISTANT (assistant)));
  pv_test_iterate ();
  save_window (GTK_WINDOW (window), "move-cp-5-status.png");

  /* The operator's upload is in (its clock moved on rather than waited
   * for): Run Again for Those Not Moved. */
  pv_sandbox_server_advance_clock (sandbox, 3 * 1000);
  run_again = pv_test_find_widget (GTK_WIDGET (pv_assistant_get_current_page (PV_ASSISTANT (assistant))),
                                   match_button_label, _("_Run Again for Those Not Moved"));
  g_assert_nonnull (run_again);
  g_signal_emit_by_name (run_again, "clicked");
  pv_test_wait_until (page_complete, pv_assistant_get_current_page (PV_ASSISTANT (assistant)));
  pv_test_iterate ();
  save_window (GTK_WINDOW (window), "move-cp-6-run-again.png");
  g_object_set_data (G_OBJECT (pv_window_get_start_page (window)), "pv-listed", GINT_TO_POINTER (FALSE));
  next_page (assistant);
  if (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL)
    {
      save_window (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG), "move-cp-7-waiting.png");
      close_waiting_note ();

      /* Back on the start page: the move that waits, checked again. */
      pv_test_wait_until (runs_listed, pv_window_get_start_page (window));
      pv_test_wait_until (waiting_row_checked, pv_window_get_start_page (window));
      {
        /* The recent runs are below the tasks. */
        GtkWidget *scrolled = pv_test_find_by_type (pv_window_get_start_page (window), GTK_TYPE_SCROLLED_WINDOW);
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
        pv_test_iterate ();
      }
      save_window (GTK_WINDOW (window), "start-page-waiting-move.png");
    }
}

static gboolean
operators_loaded (gpointer data)
{
  return !pv_operators_view_get_busy (data) &&
         g_list_model_get_n_items (pv_operators_view_get_tenant_operators (data)) > 0;
}

static gboolean
numbers_loaded (gpointer data)
{
  return !pv_numbers_view_get_loading (data) && !pv_numbers_view_get_busy (data) &&
         gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (pv_numbers_view_get_shown (data))) == 0;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
close_message_dialog (const char *response)
{
  GtkWindow *dialog = pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  pv_test_iterate ();
}

/* My Operators and Phone Numbers on the sandbox tenant: the operators,
 * Manage Countries, the refusal to drop France while Orange numbers
 * remain there and the numbers it leads to, the whole list with an
 * assigned number selected, the release of an assigned number, an
 * emergency address locked by its operator, New Emergency Address, and
 * the person chooser. */
static void
manage_scenes (PvWindow *window)
{
  GtkWidget *view = pv_window_open_view (window, pv_views_lookup ("operators"));
  GtkWindow *dialog;

  pv_test_wait_until (operators_loaded, view);
  save_window (GTK_WINDOW (window), "manage-1-operators.png");

  gtk_widget_activate_action (view, "operators.countries", "s", "orange-business");
  dialog = pv_test_find_toplevel (PV_TYPE_COUNTRIES_DIALOG);
  g_assert_nonnull (dialog);
  pv_countries_dialog_set_chosen (PV_COUNTRIES_DIALOG (dialog), "FR", FALSE);
  save_window (dialog, "manage-2-countries.png");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "countries.save", NULL);
  pv_test_wait_until (message_dialog_shown, NULL);
  save_window (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG), "manage-3-country-refused.png");
  close_message_dialog ("show-numbers");

  view = pv_window_get_view (window);
  g_assert_true (PV_IS_NUMBERS_VIEW (view));
  pv_test_wait_until (numbers_loaded, view);
  save_window (GTK_WINDOW (window), "manage-4-numbers-of-the-country.png");

  pv_numbers_view_set_filter (PV_NUMBERS_VIEW (view), NULL, NULL);
  pv_test_wait_until (numbers_loaded, view);
  g_assert_true (pv_numbers_view_select (PV_NUMBERS_VIEW (view), "+33180009998"));
  save_window (GTK_WINDOW (window), "manage-5-numbers.png");

  gtk_widget_activate_action (view, "numbers.release", NULL);
  pv_test_wait_until (message_dialog_shown, NULL);
  save_window (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG), "manage-6-release-assigned.png");
  close_message_dialog ("cancel");

  g_assert_true (pv_numbers_view_select (PV_NUMBERS_VIEW (view), "+49309000000"));
  gtk_widget_activate_action (view, "numbers.emergency-address", NULL);
  pv_test_wait_until (message_dialog_shown, NULL);
  save_window (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG), "manage-7-address-locked.png");
  close_message_dialog ("close");

  g_assert_true (pv_numbers_view_select (PV_NUMBERS_VIEW (view), "+33180000001"));
  gtk_widget_activate_action (view, "numbers.emergency-address", NULL);
  pv_test_wait_until (message_dialog_shown, NULL);
  save_window (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG), "manage-8-address-editable.png");
  close_message_dialog ("cancel");

  gtk_widget_activate_action (view, "numbers.new-address", NULL);
  dialog = pv_test_find_toplevel (PV_TYPE_ADDRESS_DIALOG);
  g_assert_nonnull (dialog);
  save_window (dialog, "manage-9-new-address.png");
  gtk_window_destroy (dialog);

  gtk_widget_activate_action (view, "numbers.assign", NULL);
  dialog = pv_test_find_toplevel (PV_TYPE_PERSON_CHOOSER);
  g_assert_nonnull (dialog);
  pv_person_chooser_set_search (PV_PERSON_CHOOSER (dialog), "le");
  save_window (dialog, "manage-10-person-chooser.png");
  gtk_window_destroy (dialog);
  pv_test_iterate ();

  gtk_widget_activate_action (GTK_WIDGET (window), "manage.back", NULL);
}

static void
application_activate_cb (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));
  GtkWindow *dialog;

  int width = 960, height = 720;
  const char *size = g_getenv ("PROVISIO_SCREENSHOT_SIZE");

  /* The smallest size the pages must fit, besides the usual one. */
  if (size != NULL && sscanf (size, "%dx%d", &width, &height) != 2)
    g_error ("PROVISIO_SCREENSHOT_SIZE must look like 800x600, not %s", size);
  gtk_window_set_default_size (window, width, height);
  save_window (window, "start-page.png");

  dialog = pv_application_show_preferences (PV_APPLICATION (application));
  save_window (dialog, "preferences.png");
  gtk_window_destroy (dialog);

  dialog = pv_application_show_about (PV_APPLICATION (application));
  save_window (dialog, "about.png");
  gtk_window_destroy (dialog);

  dialog = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  save_window (dialog, "keyboard-shortcuts.png");
  gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);

  manage_scenes (PV_WINDOW (window));
  enable_flow_scenes (PV_WINDOW (window));
  next_page (pv_window_get_assistant (PV_WINDOW (window)));
  unfinished_run_scene (PV_WINDOW (window));
  move_flow_scenes (PV_WINDOW (window));
  operator_flow_scenes (PV_WINDOW (window));

  g_application_quit (application);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PvApplication) application = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s OUTPUT-DIRECTORY\n", argv[0]);
      return 2;
    }
  output_dir = argv[1];
  if (g_mkdir_with_parents (output_dir, 0755) != 0)
    {
      g_printerr ("Could not create %s: %s\n", output_dir, g_strerror (errno));
      return 1;
    }
  pv_test_setup_translations ();
  adw_init ();
  /* Pictures of the settled interface, not of transitions. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  application = pv_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (application, "activate", G_CALLBACK (application_activate_cb), NULL);

  if (g_application_run (G_APPLICATION (application), 0, NULL) != 0 || n_written == 0)
    return 1;

  return 0;
}
