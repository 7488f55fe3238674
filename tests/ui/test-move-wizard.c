/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <signal.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "moves/pv-move-flow.h"
#include "moves/pv-move-run-page.h"
#include "pv-application.h"
#include "pv-assistant.h"
#include "pv-move-test.h"
#include "pv-phone-number.h"
#include "pv-results-xml.h"
#include "pv-run-journal.h"
#include "pv-run-store.h"
#include "pv-run-row.h"
#include "pv-runner.h"
#include "pv-sandbox-server.h"
#include "pv-start-page.h"
#include "pv-test-util.h"
#include "pv-voice-calls.h"
#include "pv-window.h"

/* "Move numbers from Direct Routing to Operator Connect" from start to
 * finish in the application, on its embedded sandbox tenant (a private
 * one): two people with Direct Routing numbers, one assigned online and
 * one on-premises, are chosen on the first page, Orange Business in
 * France with its free numbers on the second, the warning acknowledged,
 * the review confirmed, the run watched to its end and its steps
 * exported. Then the tenant and the file are checked. */

#define JEROME   PV_MOVE_TEST_JEROME
#define THOMAS_G PV_MOVE_TEST_THOMAS_G

static char *scratch;
static gboolean walked;

static void
export_to (PvMoveRunPage  *page,
           PvExportFormat  format,
           const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pv_move_run_page_export_async (page, format, file, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_move_run_page_export_finish (page, pv_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

static PvOperationResult *
find_result (GListModel *results,
             const char *item)
{
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PvOperationResult) result = g_list_model_get_item (results, i);

      if (g_strcmp0 (pv_operation_result_get_item (result), item) == 0)
        return g_steal_pointer (&result);
    }

  return NULL;
}

/* What a click on a row does: its check button toggles. */
static void
choose (PvAssistant *assistant,
        const char  *title)
{
  GtkWidget *row = pv_test_find_row (GTK_WIDGET (pv_assistant_get_current_page (assistant)), title);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_sensitive (row));
  adw_action_row_activate (ADW_ACTION_ROW (row));
  pv_test_iterate ();
}

static gboolean
flow_loaded (gpointer data)
{
  return !pv_move_flow_get_loading (data) && pv_move_flow_get_load_error (data) == NULL;
}

static gboolean
page_complete (gpointer data)
{
  return pv_page_get_complete (data);
}

static void
walk_the_wizard (PvWindow        *window,
                 PvServiceClient *client)
{
  PvStartPage *start_page = PV_START_PAGE (pv_window_get_start_page (window));
  GtkWidget *row = pv_test_find_row (GTK_WIDGET (start_page), "Move numbers from Direct Routing to Operator Connect");
  PvAssistant *assistant;
  PvMoveFlow *flow;
  PvPage *page;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = g_build_filename (scratch, "moved.csv", NULL);
  g_autofree char *xml_path = g_build_filename (scratch, "moved.xml", NULL);
  g_autofree char *ps1_path = g_build_filename (scratch, "moved.ps1", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *ps1 = NULL;
  g_autoptr(GFile) xml_file = NULL;
  g_autoptr(PvRunInfo) info = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(PvOperationResult) moved = NULL;
  g_autoptr(PvUser) jerome = NULL;
  g_autoptr(PvUser) thomas = NULL;
  g_autoptr(PvPhoneNumber) old_number = NULL;
  g_autoptr(PvPhoneNumber) first = NULL;
  g_autoptr(PvPhoneNumber) second = NULL;

  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  pv_test_iterate ();
  assistant = PV_ASSISTANT (pv_window_get_assistant (window));
  g_assert_nonnull (assistant);
  flow = PV_MOVE_FLOW (pv_assistant_get_state (assistant));
  pv_test_wait_until (flow_loaded, flow);
  pv_test_iterate ();

  /* Choose people: the two, out of those with a Direct Routing number;
   * the Islands user of the seed is listed but cannot be chosen. */
  g_assert_false (pv_page_get_complete (pv_assistant_get_current_page (assistant)));
  g_assert_cmpuint (g_list_model_get_n_items (pv_move_plan_get_candidates (pv_move_flow_get_plan (flow))), >=, 3);
  choose (assistant, "Jérôme Blanc");
  choose (assistant, "Thomas García-López");
  g_assert_cmpuint (pv_move_plan_get_n_selected (pv_move_flow_get_plan (flow)), ==, 2);
  g_assert_true (pv_move_plan_get_on_premises (pv_move_flow_get_plan (flow), THOMAS_G));
  g_assert_false (pv_move_plan_get_on_premises (pv_move_flow_get_plan (flow), JEROME));
  {
    GtkWidget *islands = pv_test_find_row (GTK_WIDGET (pv_assistant_get_current_page (assistant)), "Thomas Vasseur");

    g_assert_nonnull (islands);
    g_assert_false (gtk_widget_is_sensitive (islands));
  }
  pv_test_assistant_next (assistant);

  /* Choose the operator: the one active for the tenant, in France; its
   * free numbers. */
  g_assert_cmpstr (pv_move_plan_get_operator_id (pv_move_flow_get_plan (flow)), ==, "orange-business");
  g_assert_cmpstr (pv_move_plan_get_country (pv_move_flow_get_plan (flow)), ==, "FR");
  choose (assistant, "Give each person one of the operator’s numbers");
  g_assert_true (pv_move_plan_get_use_operator_numbers (pv_move_flow_get_plan (flow)));
  pv_test_assistant_next (assistant);

  /* Before you start: nothing goes on without the acknowledgement. */
  g_assert_false (pv_page_get_complete (pv_assistant_get_current_page (assistant)));
  choose (assistant, "I _understand that the numbers are out of service during the move");
  pv_test_assistant_next (assistant);

  /* Review, then the run. */
  pv_test_assistant_next (assistant);
  page = pv_assistant_get_current_page (assistant);
  g_assert_true (PV_IS_MOVE_RUN_PAGE (page));
  g_assert_false (pv_page_get_can_go_back (page));
  pv_test_wait_until (page_complete, page);

  for (guint step = 0; step < PV_MOVE_N_STEPS; step++)
    {
      PvOperationResult *outcome = pv_move_steps_get_step_result (pv_move_flow_get_steps (flow), JEROME, step);

      g_assert_nonnull (outcome);
      g_assert_cmpint (pv_operation_result_get_status (outcome), <=, PV_RESULT_STATUS_ALREADY_DONE);
    }
  g_assert_true (pv_move_flow_is_moved (flow, JEROME));
  g_assert_true (pv_move_flow_is_moved (flow, THOMAS_G));

  export_to (PV_MOVE_RUN_PAGE (page), PV_EXPORT_FORMAT_CSV, csv_path);
  export_to (PV_MOVE_RUN_PAGE (page), PV_EXPORT_FORMAT_XML, xml_path);
  export_to (PV_MOVE_RUN_PAGE (page), PV_EXPORT_FORMAT_POWERSHELL, ps1_path);

  /* The tenant: the Direct Routing numbers and policies gone, the
   * operator's first two free French numbers assigned. */
  jerome = pv_move_test_get_user (client, JEROME);
  thomas = pv_move_test_get_user (client, THOMAS_G);
  g_assert_cmpstr (pv_user_get_line_uri (jerome), ==, "tel:+33180000000");
  g_assert_cmpstr (pv_user_get_line_uri (thomas), ==, "tel:+33180000001");
  g_assert_null (pv_user_get_on_prem_line_uri (thomas));
  g_assert_null (pv_user_get_voice_routing_policy (jerome));
  g_assert_null (pv_user_get_voice_routing_policy (thomas));
  old_number = pv_move_test_get_number (client, "+33190000000");
  g_assert_cmpint (pv_phone_number_get_status (old_number), ==, PV_NUMBER_STATUS_UNASSIGNED);
  first = pv_move_test_get_number (client, "+33180000000");
  second = pv_move_test_get_number (client, "+33180000001");
  g_assert_cmpstr (pv_phone_number_get_assigned_user_id (first), ==, JEROME);
  g_assert_cmpstr (pv_phone_number_get_assigned_user_id (second), ==, THOMAS_G);

  /* The export: a row per step per person, numbers kept as text. */
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "item,status,message,before,after"));
  g_assert_nonnull (strstr (csv, "jerome.blanc@contoso.com"));
  g_assert_nonnull (strstr (csv, "Step 4, Assign the Operator Connect number"));
  g_assert_nonnull (strstr (csv, "'+33180000001"));

  /* The XML: valid against the published schema; one item a person,
   * with the number before and after and each step inside. */
  g_assert_cmpint (pv_test_validate_xml (xml_path, PV_RESULTS_XSD), ==, 0);
  xml_file = g_file_new_for_path (xml_path);
  g_assert_true (pv_results_xml_load (xml_file, &info, &results, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pv_run_info_get_flow (info), ==, PV_FLOW_MOVE_DIRECT_ROUTING);
  g_assert_cmpstr (pv_run_info_get_operator_id (info), ==, "orange-business");
  g_assert_cmpstr (pv_run_info_get_operator_name (info), ==, "Orange Business");
  g_assert_cmpstr (pv_run_info_get_countries (info)[0], ==, "FR");
  g_assert_nonnull (pv_run_info_get_tenant (info));
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  moved = find_result (results, "jerome.blanc@contoso.com");
  g_assert_nonnull (moved);
  g_assert_cmpint (pv_operation_result_get_status (moved), ==, PV_RESULT_STATUS_DONE);
  g_assert_cmpstr (pv_operation_result_get_before (moved), ==, "+33190000000");
  g_assert_cmpstr (pv_operation_result_get_after (moved), ==, "+33180000000");
  g_assert_cmpuint (pv_operation_result_get_n_steps (moved), ==, 4);
  g_assert_cmpuint (pv_operation_result_get_n_planned_steps (moved), ==, 4);
  g_assert_cmpstr (pv_operation_result_get_item (pv_operation_result_get_step (moved, 0)), ==, "removeNumberOnline");
  g_assert_cmpint (pv_operation_result_get_status (pv_operation_result_get_step (moved, 0)), ==, PV_RESULT_STATUS_DONE);
  g_assert_cmpstr (pv_operation_result_get_item (pv_operation_result_get_step (moved, 3)), ==, "assignNumber");
  g_assert_nonnull (strstr (pv_operation_result_get_message (moved), "+33180000000"));
  g_clear_object (&moved);
  moved = find_result (results, "thomas.garcia-lopez.52@contoso.com");
  g_assert_nonnull (moved);
  g_assert_cmpint (pv_operation_result_get_status (moved), ==, PV_RESULT_STATUS_DONE);
  g_assert_cmpstr (pv_operation_result_get_before (moved), ==, "+33123456790");
  g_assert_cmpstr (pv_operation_result_get_after (moved), ==, "+33180000001");
  g_assert_cmpstr (pv_operation_result_get_item (pv_operation_result_get_step (moved, 0)), ==, "removeNumberOnPremises");
  g_assert_cmpstr (pv_operation_result_get_item (pv_operation_result_get_step (moved, 1)), ==, "removeVoiceRoutingPolicy");

  /* The script: each step's cmdlet, the operator's step a comment. */
  g_assert_true (g_file_get_contents (ps1_path, &ps1, NULL, NULL));
  g_assert_nonnull (strstr (ps1, "Remove-CsPhoneNumberAssignment -Identity 'jerome.blanc@contoso.com' -PhoneNumber '+33190000000' -PhoneNumberType DirectRouting\r\n"));
  g_assert_nonnull (strstr (ps1, "Set-CsUser -Identity 'thomas.garcia-lopez.52@contoso.com' -LineURI $null\r\n"));
  g_assert_nonnull (strstr (ps1, "Grant-CsOnlineVoiceRoutingPolicy -Identity 'thomas.garcia-lopez.52@contoso.com' -PolicyName $null\r\n"));
  g_assert_nonnull (strstr (ps1, "Set-CsPhoneNumberAssignment -Identity 'thomas.garcia-lopez.52@contoso.com' -PhoneNumber '+33180000001' -PhoneNumberType OperatorConnect\r\n"));
  g_assert_nonnull (strstr (ps1, "# Step 3, done by the operator: "));

  /* Done closes the wizard. */
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL);
  pv_test_iterate ();
  g_assert_null (pv_window_get_assistant (window));

  walked = TRUE;
}

/* --- Calling Plan → Operator Connect. --- */

#define CHLOE    "8fc71796-820e-5607-94a7-57aa611f1a69"   /* holds +14255559998 */
#define INES     "411eb501-b9e2-5cee-82d6-c4d73e059c1b"
#define EMILIE   "daedacb3-1c46-577e-baff-903210df588a"
#define SOMEONE  "622f6d75-c5c4-5bc2-9de1-f72b4e933e58"   /* takes Émilie's new number */

static const char *
person_subtitle (PvAssistant *assistant,
                 const char  *name)
{
  GtkWidget *row = pv_test_find_row (GTK_WIDGET (pv_assistant_get_current_page (assistant)), name);

  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  return adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
}

static void
assign (PvServiceClient *client,
        const char      *number,
        const char      *user,
        PvNumberType     type)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pv_service_client_assign_number_async (client, number, user, type, NULL, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_service_client_assign_number_finish (client, pv_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

static void
unassign (PvServiceClient *client,
          const char      *number,
          PvNumberType     type)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pv_service_client_unassign_number_async (client, number, type, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_service_client_unassign_number_finish (client, pv_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

/* Three people with Calling Plan numbers move to Orange Business's
 * French numbers once the operator has ported them. Between the review
 * and the run, someone else is given the number planned for Émilie: her
 * Calling Plan number goes, then she stops at step 3 with the reason,
 * while the other two are moved; the number freed, Run Again moves her
 * too. The tenant is read back after each run. */
static void
walk_calling_plan (PvWindow        *window,
                   PvServiceClient *client)
{
  PvStartPage *start_page = PV_START_PAGE (pv_window_get_start_page (window));
  GtkWidget *row = pv_test_find_row (GTK_WIDGET (start_page), "Move numbers from Calling Plan to Operator Connect");
  g_autofree char *xml_path = g_build_filename (scratch, "calling-plan.xml", NULL);
  g_autoptr(GFile) xml_file = g_file_new_for_path (xml_path);
  g_autoptr(PvRunInfo) info = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(PvOperationResult) stopped = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *chloe_target = NULL;
  g_autofree char *ines_target = NULL;
  g_autofree char *emilie_target = NULL;
  PvAssistant *assistant;
  PvMoveFlow *flow;
  PvPage *page;
  const char *people[] = { CHLOE, INES, EMILIE };
  const char *before[] = { "+14255559998", "+14255550000", "+14255550001" };

  assign (client, "+14255550000", INES, PV_NUMBER_TYPE_CALLING_PLAN);
  assign (client, "+14255550001", EMILIE, PV_NUMBER_TYPE_CALLING_PLAN);

  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  pv_test_iterate ();
  assistant = PV_ASSISTANT (pv_window_get_assistant (window));
  flow = PV_MOVE_FLOW (pv_assistant_get_state (assistant));
  g_assert_cmpint (pv_move_flow_get_kind (flow), ==, PV_MOVE_KIND_CALLING_PLAN);
  pv_test_wait_until (flow_loaded, flow);
  pv_test_iterate ();

  /* Choose people: those with a Calling Plan number (the three, and the
   * seed's five French ones, who stay). */
  g_assert_false (pv_page_get_complete (pv_assistant_get_current_page (assistant)));
  g_assert_cmpuint (g_list_model_get_n_items (pv_move_plan_get_candidates (pv_move_flow_get_plan (flow))), ==, 3 + 5);
  g_assert_cmpstr (pv_move_plan_get_current_number (pv_move_flow_get_plan (flow), CHLOE), ==, "+14255559998");
  choose (assistant, "Chloé Nuage");
  choose (assistant, "Inès Sørensen");
  choose (assistant, "Émilie O'Brien");
  g_assert_cmpuint (pv_move_plan_get_n_selected (pv_move_flow_get_plan (flow)), ==, 3);
  pv_test_assistant_next (assistant);

  /* The operator's free French numbers, since theirs are American. */
  g_assert_cmpstr (pv_move_plan_get_operator_id (pv_move_flow_get_plan (flow)), ==, "orange-business");
  g_assert_cmpstr (pv_move_plan_get_country (pv_move_flow_get_plan (flow)), ==, "FR");
  choose (assistant, "Give each person one of the operator’s numbers");
  g_assert_cmpuint (pv_move_plan_get_n_operator_numbers (pv_move_flow_get_plan (flow)), >=, 3);
  pv_test_assistant_next (assistant);

  /* Before you start: the port confirmed, the warning acknowledged. */
  g_assert_false (pv_page_get_complete (pv_assistant_get_current_page (assistant)));
  choose (assistant, "The operator has _completed the port order");
  g_assert_true (pv_move_plan_get_port_confirmed (pv_move_flow_get_plan (flow)));
  g_assert_false (pv_page_get_complete (pv_assistant_get_current_page (assistant)));
  choose (assistant, "I _understand that the numbers are out of service during the move");
  pv_test_assistant_next (assistant);

  /* Review: each number and the one it becomes. */
  chloe_target = pv_move_plan_dup_target_number (pv_move_flow_get_plan (flow), CHLOE);
  ines_target = pv_move_plan_dup_target_number (pv_move_flow_get_plan (flow), INES);
  emilie_target = pv_move_plan_dup_target_number (pv_move_flow_get_plan (flow), EMILIE);
  g_assert_true (g_str_has_prefix (chloe_target, "+3318000000"));
  g_assert_cmpstr (chloe_target, !=, ines_target);
  g_assert_cmpstr (ines_target, !=, emilie_target);
  {
    GtkWidget *review_row = pv_test_find_row (GTK_WIDGET (pv_assistant_get_current_page (assistant)), "Chloé Nuage");
    g_autofree char *expected = g_strdup_printf ("+14255559998 → %s", chloe_target);

    g_assert_nonnull (review_row);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (review_row)), ==, expected);
  }
  assign (client, emilie_target, SOMEONE, PV_NUMBER_TYPE_OPERATOR_CONNECT);

  pv_test_assistant_next (assistant);
  page = pv_assistant_get_current_page (assistant);
  pv_test_wait_until (page_complete, page);

  /* The results shown, person by person. */
  g_assert_cmpstr (person_subtitle (assistant, "Chloé Nuage"), ==, "Moved to Operator Connect");
  g_assert_cmpstr (person_subtitle (assistant, "Inès Sørensen"), ==, "Moved to Operator Connect");
  g_assert_cmpstr (person_subtitle (assistant, "Émilie O'Brien"), ==,
                   "Stopped: step 3 failed (Number uploaded by the operator)");
  g_assert_cmpint (pv_operation_result_get_status (pv_move_steps_get_step_result (pv_move_flow_get_steps (flow), EMILIE, 2)),
                   ==, PV_RESULT_STATUS_FAILED);
  g_assert_nonnull (strstr (pv_operation_result_get_message (pv_move_steps_get_step_result (pv_move_flow_get_steps (flow), EMILIE, 2)),
                            "already assigned to someone else"));

  /* The tenant: the Calling Plan numbers released, the Operator Connect
   * numbers assigned; Émilie's taken by someone else. */
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(PvPhoneNumber) old_number = pv_move_test_get_number (client, before[i]);

      g_assert_cmpint (pv_phone_number_get_status (old_number), ==, PV_NUMBER_STATUS_UNASSIGNED);
      g_assert_null (pv_phone_number_get_assigned_user_id (old_number));
    }
  {
    g_autoptr(PvUser) chloe = pv_move_test_get_user (client, CHLOE);
    g_autoptr(PvUser) ines = pv_move_test_get_user (client, INES);
    g_autoptr(PvUser) emilie = pv_move_test_get_user (client, EMILIE);
    g_autofree char *chloe_line = g_strconcat ("tel:", chloe_target, NULL);
    g_autofree char *ines_line = g_strconcat ("tel:", ines_target, NULL);
    g_autoptr(PvPhoneNumber) taken = pv_move_test_get_number (client, emilie_target);
    g_autoptr(PvPhoneNumber) chloe_number = pv_move_test_get_number (client, chloe_target);

    g_assert_cmpstr (pv_user_get_line_uri (chloe), ==, chloe_line);
    g_assert_cmpstr (pv_user_get_line_uri (ines), ==, ines_line);
    g_assert_null (pv_user_get_line_uri (emilie));
    g_assert_cmpstr (pv_phone_number_get_assigned_user_id (chloe_number), ==, CHLOE);
    g_assert_cmpint (pv_phone_number_get_number_type (chloe_number), ==, PV_NUMBER_TYPE_OPERATOR_CONNECT);
    g_assert_cmpstr (pv_phone_number_get_assigned_user_id (taken), ==, SOMEONE);
  }

  /* The XML says the same, valid against the schema. */
  export_to (PV_MOVE_RUN_PAGE (page), PV_EXPORT_FORMAT_XML, xml_path);
  g_assert_cmpint (pv_test_validate_xml (xml_path, PV_RESULTS_XSD), ==, 0);
  g_assert_true (pv_results_xml_load (xml_file, &info, &results, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pv_run_info_get_flow (info), ==, PV_FLOW_MOVE_CALLING_PLAN);
  stopped = find_result (results, "emilie.o'brien.250@contoso.com");
  g_assert_nonnull (stopped);
  g_assert_cmpint (pv_operation_result_get_status (stopped), ==, PV_RESULT_STATUS_FAILED);
  g_assert_cmpuint (pv_operation_result_get_n_steps (stopped), ==, 3);
  g_assert_cmpstr (pv_operation_result_get_item (pv_operation_result_get_step (stopped, 0)), ==, "portNumber");
  g_assert_cmpstr (pv_operation_result_get_item (pv_operation_result_get_step (stopped, 1)), ==, "unassignCallingPlanNumber");
  g_assert_cmpstr (pv_operation_result_get_item (pv_operation_result_get_step (stopped, 2)), ==, "numberUploaded");
  g_assert_nonnull (strstr (pv_operation_result_get_message (stopped), "already assigned to someone else"));

  /* The number given back, Run Again moves Émilie from step 3. */
  unassign (client, emilie_target, PV_NUMBER_TYPE_OPERATOR_CONNECT);
  pv_move_run_page_run_again (PV_MOVE_RUN_PAGE (page));
  pv_test_wait_until (page_complete, page);
  g_assert_cmpstr (person_subtitle (assistant, "Émilie O'Brien"), ==, "Moved to Operator Connect");
  /* The same run goes on from the step where she stopped: her Calling
   * Plan number, unassigned by the first pass, is not touched again. */
  g_assert_cmpint (pv_operation_result_get_status (pv_move_steps_get_step_result (pv_move_flow_get_steps (flow), EMILIE, 1)),
                   ==, PV_RESULT_STATUS_DONE);
  g_assert_cmpint (pv_operation_result_get_status (pv_move_steps_get_step_result (pv_move_flow_get_steps (flow), EMILIE, 3)),
                   ==, PV_RESULT_STATUS_DONE);
  {
    g_autoptr(PvUser) emilie = pv_move_test_get_user (client, EMILIE);
    g_autofree char *emilie_line = g_strconcat ("tel:", emilie_target, NULL);

    g_assert_cmpstr (pv_user_get_line_uri (emilie), ==, emilie_line);
  }

  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL);
  pv_test_iterate ();
  g_assert_null (pv_window_get_assistant (window));
}

/* --- Calling Plan → Operator Connect, the numbers ported. --- */

#define GAELLE   "ab6c3e32-a01e-5990-b8ab-ac53b18a8d33"   /* +33170360101, port order complete */
#define JOSE     "fcc2d393-c071-5c76-97f6-130504bd8466"   /* +33170360102, port order complete */
#define SEAN     "cfb7c756-10ce-5b3f-8784-47c4ed329a0d"   /* +33170360105, port order pending */

static gboolean
match_button_label (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

/* What a click on "Run Again for Those Not Moved" does, then the run. */
static void
run_again (PvPage *page)
{
  GtkWidget *button = pv_test_find_widget (GTK_WIDGET (page), match_button_label,
                                           "_Run Again for Those Not Moved");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (pv_page_get_complete (page));
  pv_test_wait_until (page_complete, page);
}

/* Three people of the seed keep their French numbers, which Orange
 * Business is porting: for two the port order is complete, so their
 * Calling Plan numbers are unassigned, the sandbox (the operator)
 * uploads them as Orange Business numbers, and they are assigned again,
 * all four steps in one run. The third's order is pending: they stop at
 * step 1, nothing changed, even though the port was ticked as complete,
 * and again on Run Again. Once the operator has completed the order
 * (the sandbox's route), Run Again moves them through every step. */
static void
walk_ported (PvWindow        *window,
             PvServiceClient *client)
{
  PvStartPage *start_page = PV_START_PAGE (pv_window_get_start_page (window));
  GtkWidget *row = pv_test_find_row (GTK_WIDGET (start_page), "Move numbers from Calling Plan to Operator Connect");
  const char *moved[] = { GAELLE, JOSE };
  const char *numbers[] = { "+33170360101", "+33170360102" };
  PvAssistant *assistant;
  PvMoveFlow *flow;
  PvMoveSteps *steps;
  PvPage *page;

  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  pv_test_iterate ();
  assistant = PV_ASSISTANT (pv_window_get_assistant (window));
  flow = PV_MOVE_FLOW (pv_assistant_get_state (assistant));
  pv_test_wait_until (flow_loaded, flow);
  pv_test_iterate ();

  g_assert_cmpstr (pv_move_plan_get_current_number (pv_move_flow_get_plan (flow), GAELLE), ==, "+33170360101");
  choose (assistant, "Gaëlle Boyer");
  choose (assistant, "José Sørensen");
  choose (assistant, "Seán Müller");
  g_assert_cmpuint (pv_move_plan_get_n_selected (pv_move_flow_get_plan (flow)), ==, 3);
  pv_test_assistant_next (assistant);

  /* Orange Business in France; everyone keeps their number. */
  g_assert_cmpstr (pv_move_plan_get_operator_id (pv_move_flow_get_plan (flow)), ==, "orange-business");
  g_assert_cmpstr (pv_move_plan_get_country (pv_move_flow_get_plan (flow)), ==, "FR");
  g_assert_false (pv_move_plan_get_use_operator_numbers (pv_move_flow_get_plan (flow)));
  pv_test_assistant_next (assistant);

  choose (assistant, "The operator has _completed the port order");
  choose (assistant, "I _understand that the numbers are out of service during the move");
  pv_test_assistant_next (assistant);
  {
    g_autofree char *target = pv_move_plan_dup_target_number (pv_move_flow_get_plan (flow), GAELLE);
    GtkWidget *review_row = pv_test_find_row (GTK_WIDGET (pv_assistant_get_current_page (assistant)), "Gaëlle Boyer");

    g_assert_cmpstr (target, ==, "+33170360101");
    g_assert_nonnull (review_row);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (review_row)), ==,
                     "+33170360101, kept: it becomes a number of Orange Business");
  }

  pv_test_assistant_next (assistant);
  page = pv_assistant_get_current_page (assistant);
  pv_test_wait_until (page_complete, page);
  steps = pv_move_flow_get_steps (flow);

  for (guint i = 0; i < G_N_ELEMENTS (moved); i++)
    {
      g_autoptr(PvPhoneNumber) number = pv_move_test_get_number (client, numbers[i]);
      g_autoptr(PvUser) user = pv_move_test_get_user (client, moved[i]);
      g_autofree char *line = g_strconcat ("tel:", numbers[i], NULL);

      /* Every step: the port found complete, the Calling Plan number
       * unassigned, the upload found, the number assigned. */
      g_assert_true (pv_move_flow_is_moved (flow, moved[i]));
      g_assert_cmpint (pv_operation_result_get_status (pv_move_steps_get_step_result (steps, moved[i], 0)), ==,
                       PV_RESULT_STATUS_ALREADY_DONE);
      g_assert_nonnull (strstr (pv_operation_result_get_message (pv_move_steps_get_step_result (steps, moved[i], 0)),
                                "FR-2026-00417"));
      g_assert_cmpint (pv_operation_result_get_status (pv_move_steps_get_step_result (steps, moved[i], 1)), ==,
                       PV_RESULT_STATUS_DONE);
      g_assert_cmpint (pv_operation_result_get_status (pv_move_steps_get_step_result (steps, moved[i], 2)), ==,
                       PV_RESULT_STATUS_ALREADY_DONE);
      g_assert_cmpint (pv_operation_result_get_status (pv_move_steps_get_step_result (steps, moved[i], 3)), ==,
                       PV_RESULT_STATUS_DONE);

      /* The tenant: the same number, now Orange Business's, assigned. */
      g_assert_cmpint (pv_phone_number_get_number_type (number), ==, PV_NUMBER_TYPE_OPERATOR_CONNECT);
      g_assert_cmpstr (pv_phone_number_get_operator_id (number), ==, "orange-business");
      g_assert_cmpstr (pv_phone_number_get_country_code (number), ==, "FR");
      g_assert_cmpint (pv_phone_number_get_status (number), ==, PV_NUMBER_STATUS_ASSIGNED);
      g_assert_cmpstr (pv_phone_number_get_assigned_user_id (number), ==, moved[i]);
      g_assert_cmpstr (pv_user_get_line_uri (user), ==, line);
    }
  g_assert_cmpstr (person_subtitle (assistant, "Gaëlle Boyer"), ==, "Moved to Operator Connect");
  g_assert_cmpstr (person_subtitle (assistant, "José Sørensen"), ==, "Moved to Operator Connect");

  /* The pending order: stopped before any change. */
  g_assert_cmpstr (person_subtitle (assistant, "Seán Müller"), ==,
                   "Waiting at step 1 (Port the number to the operator)");
  g_assert_nonnull (strstr (pv_operation_result_get_message (pv_move_steps_get_step_result (steps, SEAN, 0)),
                            "FR-2026-00452"));
  g_assert_null (pv_move_steps_get_step_result (steps, SEAN, 1));
  {
    g_autoptr(PvPhoneNumber) number = pv_move_test_get_number (client, "+33170360105");

    g_assert_cmpint (pv_phone_number_get_number_type (number), ==, PV_NUMBER_TYPE_CALLING_PLAN);
    g_assert_cmpstr (pv_phone_number_get_assigned_user_id (number), ==, SEAN);
  }

  /* Run Again while the order is still pending: the same. */
  run_again (page);
  g_assert_cmpstr (person_subtitle (assistant, "Seán Müller"), ==,
                   "Waiting at step 1 (Port the number to the operator)");
  g_assert_cmpint (pv_operation_result_get_status (pv_move_steps_get_step_result (steps, SEAN, 0)), ==,
                   PV_RESULT_STATUS_SKIPPED);
  g_assert_null (pv_move_steps_get_step_result (steps, SEAN, 1));
  g_assert_cmpstr (person_subtitle (assistant, "Gaëlle Boyer"), ==, "Moved to Operator Connect");

  /* The operator completes the order; Run Again moves Seán, keeping his
   * number, through every step. */
  pv_move_test_post (client, "/provisio/v1/portOrders/FR-2026-00452/complete", NULL);
  run_again (page);
  g_assert_cmpstr (person_subtitle (assistant, "Seán Müller"), ==, "Moved to Operator Connect");
  g_assert_true (pv_move_flow_is_moved (flow, SEAN));
  g_assert_cmpint (pv_operation_result_get_status (pv_move_steps_get_step_result (steps, SEAN, 0)), ==,
                   PV_RESULT_STATUS_ALREADY_DONE);
  g_assert_nonnull (strstr (pv_operation_result_get_message (pv_move_steps_get_step_result (steps, SEAN, 0)),
                            "has completed port order FR-2026-00452"));
  g_assert_cmpint (pv_operation_result_get_status (pv_move_steps_get_step_result (steps, SEAN, 1)), ==,
                   PV_RESULT_STATUS_DONE);
  g_assert_cmpint (pv_operation_result_get_status (pv_move_steps_get_step_result (steps, SEAN, 2)), ==,
                   PV_RESULT_STATUS_ALREADY_DONE);
  g_assert_cmpint (pv_operation_result_get_status (pv_move_steps_get_step_result (steps, SEAN, 3)), ==,
                   PV_RESULT_STATUS_DONE);
  {
    g_autoptr(PvPhoneNumber) number = pv_move_test_get_number (client, "+33170360105");
    g_autoptr(PvUser) user = pv_move_test_get_user (client, SEAN);

    g_assert_cmpint (pv_phone_number_get_number_type (number), ==, PV_NUMBER_TYPE_OPERATOR_CONNECT);
    g_assert_cmpstr (pv_phone_number_get_operator_id (number), ==, "orange-business");
    g_assert_cmpstr (pv_phone_number_get_country_code (number), ==, "FR");
    g_assert_cmpint (pv_phone_number_get_status (number), ==, PV_NUMBER_STATUS_ASSIGNED);
    g_assert_cmpstr (pv_phone_number_get_assigned_user_id (number), ==, SEAN);
    g_assert_cmpstr (pv_user_get_line_uri (user), ==, "tel:+33170360105");
  }
  /* Everyone moved: nothing left to run again. */
  g_assert_false (gtk_widget_is_sensitive (pv_test_find_widget (GTK_WIDGET (page), match_button_label,
                                                                "_Run Again for Those Not Moved")));

  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL);
  pv_test_iterate ();
  g_assert_null (pv_window_get_assistant (window));
}

/* --- Closing the wizard while someone waits for the operator. --- */

static gboolean
message_shown (gpointer data)
{
  return pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
assistant_gone (gpointer data)
{
  return pv_window_get_assistant (data) == NULL;
}

/* Done, and the note it brings up. */
static AdwMessageDialog *
press_done (PvAssistant *assistant)
{
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL);
  pv_test_wait_until (message_shown, NULL);
  return ADW_MESSAGE_DIALOG (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  pv_test_iterate ();
}

/* The move Léa is in, among the runs, and where it stands. */
static PvRunState *
find_run_of (const char *user_id)
{
  g_autofree char *dir = pv_run_store_dup_dir ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  PvRunState *found = NULL;

  pv_run_store_list_async (dir, PV_RUN_STORE_LIST_ALL, NULL, pv_test_store_result_cb, &result);
  runs = pv_run_store_list_finish (pv_test_wait_result (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < runs->len; i++)
    {
      PvRunState *state = g_ptr_array_index (runs, i);
      JsonNode *plan = pv_run_state_get_plan (state);
      JsonArray *people;

      if (g_strcmp0 (pv_run_state_get_flow (state), "move-calling-plan") != 0 || plan == NULL)
        continue;
      people = json_object_get_array_member (json_node_get_object (plan), "people");
      for (guint j = 0; j < json_array_get_length (people); j++)
        {
          JsonObject *person = json_array_get_object_element (people, j);

          if (g_strcmp0 (json_object_get_string_member (person, "id"), user_id) == 0)
            {
              /* One run: no other is made to keep her. */
              g_assert_null (found);
              found = state;
            }
        }
    }

  return found != NULL ? g_object_ref (found) : NULL;
}

static void
runs_listed_cb (PvStartPage *start_page,
                guint       *n_listed)
{
  (*n_listed)++;
}

static gboolean
listed_once (gpointer data)
{
  return *(guint *) data > 0;
}

static gboolean
match_run_of (GtkWidget     *widget,
              gconstpointer  data)
{
  return PV_IS_RUN_ROW (widget) &&
         g_strcmp0 (pv_run_state_get_run_id (pv_run_row_get_run (PV_RUN_ROW (widget))), data) == 0;
}

/* The app started again on the same state folder: a new window, whose
 * start page lists the runs from disk. */
static PvWindow *
restart (void)
{
  PvWindow *window = pv_window_new (GTK_APPLICATION (g_application_get_default ()));
  guint n_listed = 0;

  g_signal_connect (pv_window_get_start_page (window), "runs-listed", G_CALLBACK (runs_listed_cb), &n_listed);
  gtk_window_present (GTK_WINDOW (window));
  pv_test_wait_until (listed_once, &n_listed);
  g_signal_handlers_disconnect_by_data (pv_window_get_start_page (window), &n_listed);
  pv_test_iterate ();
  return window;
}

static gboolean
has_assistant (gpointer data)
{
  return pv_window_get_assistant (data) != NULL;
}

static gboolean
match_button_tooltip (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static gboolean
row_checked (gpointer data)
{
  PvRunCheck check = pv_run_row_get_check (data);

  return check != PV_RUN_CHECK_RUNNING && check != PV_RUN_CHECK_NONE;
}

/* On the restarted app's start page, the waiting move of @run_id: it
 * is checked again at once and says who still waits and for what; once
 * the operator has uploaded, Check Again says it is ready, and Finish
 * continues it: @user_id gets @number. */
static void
finish_waiting_move (PvWindow        *window,
                     PvServiceClient *client,
                     const char      *run_id,
                     const char      *name,
                     const char      *user_id,
                     const char      *number_id,
                     gint64           upload_delay_ms)
{
  PvApplication *application = PV_APPLICATION (g_application_get_default ());
  PvSandboxServer *sandbox = pv_application_get_sandbox (application);
  GtkWidget *start_page = pv_window_get_start_page (window);
  GtkWidget *row = pv_test_find_widget (start_page, match_run_of, run_id);
  g_autoptr(PvRunState) after = NULL;
  g_autoptr(PvPhoneNumber) number = NULL;
  g_autoptr(PvUser) user = NULL;
  g_autofree char *waits = g_strdup_printf ("Still waiting: %s waits for ", name);
  g_autofree char *upload = g_strdup_printf (" to upload %s into the tenant.", number_id);
  g_autofree char *line = g_strconcat ("tel:", number_id, NULL);
  PvAssistant *assistant;
  PvPage *page;
  GtkWidget *check;
  const char *subtitle;

  g_assert_nonnull (row);
  g_assert_true (pv_run_row_get_resumable (PV_RUN_ROW (row)));

  /* Checked again as soon as listed: still waiting for the upload. */
  pv_test_wait_until (row_checked, row);
  g_assert_cmpint (pv_run_row_get_check (PV_RUN_ROW (row)), ==, PV_RUN_CHECK_WAITING);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_nonnull (strstr (subtitle, waits));
  g_assert_nonnull (strstr (subtitle, upload));

  /* The operator uploads the number; Check Again says the move can be
   * finished, and changed nothing. */
  pv_sandbox_server_advance_clock (sandbox, upload_delay_ms);
  check = pv_test_find_widget (row, match_button_tooltip, "Check Again");
  g_assert_nonnull (check);
  g_signal_emit_by_name (check, "clicked");
  g_assert_cmpint (pv_run_row_get_check (PV_RUN_ROW (row)), ==, PV_RUN_CHECK_RUNNING);
  pv_test_wait_until (row_checked, row);
  g_assert_cmpint (pv_run_row_get_check (PV_RUN_ROW (row)), ==, PV_RUN_CHECK_READY);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Ready to finish"));
  {
    g_autoptr(PvPhoneNumber) uploaded = pv_move_test_get_number (client, number_id);

    g_assert_null (pv_phone_number_get_assigned_user_id (uploaded));
  }

  g_signal_emit_by_name (row, "resume");
  pv_test_wait_until (has_assistant, window);
  assistant = PV_ASSISTANT (pv_window_get_assistant (window));
  page = pv_assistant_get_current_page (assistant);
  g_assert_true (PV_IS_MOVE_RUN_PAGE (page));
  pv_test_wait_until (page_complete, page);
  pv_test_wait_until (page_complete, page);
  g_assert_cmpstr (person_subtitle (assistant, name), ==, "Moved to Operator Connect");

  /* The tenant: her number, the operator's now, assigned to her. */
  number = pv_move_test_get_number (client, number_id);
  g_assert_cmpint (pv_phone_number_get_number_type (number), ==, PV_NUMBER_TYPE_OPERATOR_CONNECT);
  g_assert_cmpint (pv_phone_number_get_status (number), ==, PV_NUMBER_STATUS_ASSIGNED);
  g_assert_cmpstr (pv_phone_number_get_assigned_user_id (number), ==, user_id);
  user = pv_move_test_get_user (client, user_id);
  g_assert_cmpstr (pv_user_get_line_uri (user), ==, line);

  /* Its export names her by her address and has every step, those of
   * the earlier process included. */
  {
    g_autofree char *xml_path = g_build_filename (scratch, "finished.xml", NULL);
    g_autoptr(GFile) xml_file = g_file_new_for_path (xml_path);
    g_autoptr(PvRunInfo) info = NULL;
    g_autoptr(GListModel) results = NULL;
    g_autoptr(PvOperationResult) moved = NULL;
    g_autoptr(GError) error = NULL;

    export_to (PV_MOVE_RUN_PAGE (page), PV_EXPORT_FORMAT_XML, xml_path);
    g_assert_cmpint (pv_test_validate_xml (xml_path, PV_RESULTS_XSD), ==, 0);
    g_assert_true (pv_results_xml_load (xml_file, &info, &results, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
    moved = g_list_model_get_item (results, 0);
    g_assert_true (g_str_has_suffix (pv_operation_result_get_item (moved), "@contoso.com"));
    g_assert_cmpint (pv_operation_result_get_status (moved), ==, PV_RESULT_STATUS_DONE);
    g_assert_cmpuint (pv_operation_result_get_n_steps (moved), ==, 4);
  }

  /* The same run, finished now. */
  after = find_run_of (user_id);
  g_assert_cmpstr (pv_run_state_get_run_id (after), ==, run_id);
  g_assert_cmpint (pv_run_state_get_status (after), ==, PV_RUN_STATUS_FINISHED);

  /* Nobody waits: Done closes without a note. */
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL);
  pv_test_wait_until (assistant_gone, window);
}

static const char *
find_person (PvMoveFlow *flow,
             const char *name)
{
  GListModel *candidates = pv_move_plan_get_candidates (pv_move_flow_get_plan (flow));

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (candidates, i);

      if (g_strcmp0 (pv_user_get_display_name (user), name) == 0)
        return g_intern_string (pv_user_get_id (user));
    }
  return NULL;
}

/* The Calling Plan move of @name, keeping their number, walked to its
 * run. */
static PvAssistant *
start_move_of (PvWindow    *window,
               const char  *name,
               const char **id)
{
  PvStartPage *start_page = PV_START_PAGE (pv_window_get_start_page (window));
  GtkWidget *row = pv_test_find_row (GTK_WIDGET (start_page), "Move numbers from Calling Plan to Operator Connect");
  PvAssistant *assistant;
  PvMoveFlow *flow;

  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  pv_test_iterate ();
  assistant = PV_ASSISTANT (pv_window_get_assistant (window));
  flow = PV_MOVE_FLOW (pv_assistant_get_state (assistant));
  pv_test_wait_until (flow_loaded, flow);
  pv_test_iterate ();

  *id = find_person (flow, name);
  g_assert_nonnull (*id);
  choose (assistant, name);
  pv_test_assistant_next (assistant);
  g_assert_false (pv_move_plan_get_use_operator_numbers (pv_move_flow_get_plan (flow)));
  pv_test_assistant_next (assistant);
  choose (assistant, "The operator has _completed the port order");
  choose (assistant, "I _understand that the numbers are out of service during the move");
  pv_test_assistant_next (assistant);
  pv_test_assistant_next (assistant);
  return assistant;
}

/* The operator takes an hour to upload Léa's ported number: she waits at
 * step 3, and the run ends waiting, saying so. Done says who waits and
 * where the move is found again; Back keeps the wizard; Close closes it.
 * The app restarted, its start page shows the move waiting for the
 * upload; once the operator has uploaded, Finish gives her the number. */
static void
walk_closed_while_waiting (PvWindow        *window,
                           PvServiceClient *client)
{
  PvApplication *application = PV_APPLICATION (g_application_get_default ());
  PvSandboxServer *sandbox = pv_application_get_sandbox (application);
  g_autoptr(PvRunState) kept = NULL;
  g_autofree char *run_id = NULL;
  AdwMessageDialog *dialog;
  PvAssistant *assistant;
  PvWindow *restarted;
  PvPage *page;
  const char *body;
  const char *lea = NULL;

  pv_sandbox_server_set_upload_delay (sandbox, 3600 * 1000);
  assistant = start_move_of (window, "Léa Sørensen", &lea);
  page = pv_assistant_get_current_page (assistant);
  pv_test_wait_until (page_complete, page);
  g_assert_cmpstr (person_subtitle (assistant, "Léa Sørensen"), ==,
                   "Waiting at step 3 (Number uploaded by the operator)");

  /* The run, by itself, is one that waits, and says for what. */
  kept = find_run_of (lea);
  g_assert_nonnull (kept);
  g_assert_cmpint (pv_run_state_get_status (kept), ==, PV_RUN_STATUS_WAITING);
  g_assert_true (g_str_has_prefix (pv_run_state_get_waiting (kept), "Léa Sørensen waits for "));
  g_assert_nonnull (strstr (pv_run_state_get_waiting (kept), "to upload +33170360103 into the tenant."));
  run_id = g_strdup (pv_run_state_get_run_id (kept));

  /* Done: who waits, for what, and where the move is found again. */
  dialog = press_done (assistant);
  body = adw_message_dialog_get_body (dialog);
  g_assert_true (g_str_has_prefix (body, "1 person waits for the operator:"));
  g_assert_nonnull (strstr (body, "Léa Sørensen: step 3, Number uploaded by the operator"));
  g_assert_nonnull (strstr (body, "start page"));
  respond (dialog, "back");
  g_assert_true (pv_window_get_assistant (window) == GTK_WIDGET (assistant));
  g_assert_true (pv_assistant_get_current_page (assistant) == page);

  dialog = press_done (assistant);
  respond (dialog, "close");
  pv_test_wait_until (assistant_gone, window);

  /* Still the one run: closing made no other. */
  g_clear_object (&kept);
  kept = find_run_of (lea);
  g_assert_cmpstr (pv_run_state_get_run_id (kept), ==, run_id);
  g_assert_cmpint (pv_run_state_get_status (kept), ==, PV_RUN_STATUS_WAITING);

  restarted = restart ();
  finish_waiting_move (restarted, client, run_id, "Léa Sørensen", lea, "+33170360103", 3600 * 1000);
  gtk_window_destroy (GTK_WINDOW (restarted));
  pv_test_iterate ();
  pv_sandbox_server_set_upload_delay (sandbox, 0);
}

/* --- Killed while someone waits for the operator. --- */

static PvWindow *test_window;
static PvServiceClient *test_client;

/* Longer than the operator's clock was moved by the tests before, which
 * the child process does not know of. */
#define KILLED_UPLOAD_DELAY (24 * 3600 * 1000)

static gboolean
journal_has_final (const char *path)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, "\"final\":true") != NULL;
}

/* In the app that is killed: once Anne's outcome (she waits for the
 * upload) is on disk, and before the run records its end, SIGKILL. The
 * journal is written by a thread of its own, which this waits for
 * without letting the run go on. An emission hook, set before the move
 * starts, sees the outcome of any run: a handler connected once the run
 * page is shown could come after the run had already ended. */
static gboolean
kill_once_journaled_hook (GSignalInvocationHint *hint,
                          guint                  n_param_values,
                          const GValue          *param_values,
                          gpointer               user_data)
{
  PvRunner *runner = g_value_get_object (&param_values[0]);
  PvOperationResult *result = g_value_get_object (&param_values[1]);
  const char *path = pv_runner_get_journal_path (runner);

  g_assert_cmpint (pv_operation_result_get_status (result), ==, PV_RESULT_STATUS_SKIPPED);
  while (!journal_has_final (path))
    g_usleep (10 * 1000);
  raise (SIGKILL);
  return TRUE;
}

static void
kill_mid_move (PvWindow *window)
{
  PvApplication *application = PV_APPLICATION (g_application_get_default ());
  PvAssistant *assistant;
  PvPage *page;
  const char *anne = NULL;

  pv_sandbox_server_set_upload_delay (pv_application_get_sandbox (application), KILLED_UPLOAD_DELAY);
  /* The signal exists once the class does; a static type's class stays. */
  g_type_class_unref (g_type_class_ref (PV_TYPE_RUNNER));
  g_signal_add_emission_hook (g_signal_lookup ("item-finished", PV_TYPE_RUNNER), 0,
                              kill_once_journaled_hook, NULL, NULL);
  assistant = start_move_of (window, "Anne Blanc", &anne);
  page = pv_assistant_get_current_page (assistant);
  g_assert_true (PV_IS_MOVE_RUN_PAGE (page));
  pv_test_wait_until (page_complete, page);
  g_assert_not_reached ();
}

/* The same move of Anne Blanc in an app killed (SIGKILL) right after
 * her outcome is journaled; this process, as the app started again,
 * finds the move on its start page, waiting for the upload, and once
 * the operator has uploaded, finishes it. */
static void
test_killed_while_waiting (void)
{
  g_autoptr(PvRunState) killed = NULL;
  g_autofree char *run_id = NULL;
  PvWindow *restarted;
  const char *anne = "30f8f8ac-9f8f-5c3b-b84a-35b998f9a324";

  if (g_test_subprocess ())
    {
      kill_mid_move (test_window);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();

  /* What the kill left: a run with no end, in which Anne waits. */
  killed = find_run_of (anne);
  g_assert_nonnull (killed);
  g_assert_cmpint (pv_run_state_get_status (killed), ==, PV_RUN_STATUS_INTERRUPTED);
  g_assert_cmpint (pv_operation_result_get_status (pv_run_state_get_final_result (killed, anne)), ==,
                   PV_RESULT_STATUS_SKIPPED);
  run_id = g_strdup (pv_run_state_get_run_id (killed));

  restarted = restart ();
  finish_waiting_move (restarted, test_client, run_id, "Anne Blanc", anne, "+33170360104", KILLED_UPLOAD_DELAY);
  gtk_window_destroy (GTK_WINDOW (restarted));
  pv_test_iterate ();
}

/* --- The application the tests run in. --- */

static int test_status = -1;

static void
test_direct_routing (void)
{
  pv_move_test_prepare_direct_routing (test_client);
  walk_the_wizard (test_window, test_client);
  g_assert_true (walked);
}

static void
test_calling_plan (void)
{
  walk_calling_plan (test_window, test_client);
}

static void
test_calling_plan_ported (void)
{
  walk_ported (test_window, test_client);
}

static void
test_closed_while_waiting (void)
{
  walk_closed_while_waiting (test_window, test_client);
}

/* The tests run inside the application, one after the other on the same
 * tenant, so that each is a case of its own. */
static void
client_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PvApplication *application = PV_APPLICATION (object);
  g_autoptr(PvServiceClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = pv_application_get_client_finish (application, result, &error);
  g_assert_no_error (error);
  pv_sandbox_server_set_operation_delay (pv_application_get_sandbox (application), 0);
  pv_sandbox_server_set_upload_delay (pv_application_get_sandbox (application), 0);
  /* Pending orders complete when the tests complete them. */
  pv_sandbox_server_set_port_delay (pv_application_get_sandbox (application), 0);
  test_window = PV_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  test_client = client;
  test_status = g_test_run ();
  test_client = NULL;
  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
}

static void
application_activate_cb (GApplication *application)
{
  pv_application_get_client_async (PV_APPLICATION (application), NULL, client_ready_cb, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The app a test kills runs in a child process on the same tenant
   * and state folder: it takes them from the environment. */
  if (g_getenv ("PV_TEST_MOVE_HOME") == NULL)
    {
      scratch = pv_test_private_home ("provisio-move-XXXXXX", PV_SANDBOX_SEED);
      g_setenv ("PV_TEST_MOVE_HOME", scratch, TRUE);
    }

  pv_test_init (&argc, &argv);
  g_test_add_func ("/move-wizard/direct-routing-end-to-end", test_direct_routing);
  g_test_add_func ("/move-wizard/calling-plan-end-to-end", test_calling_plan);
  g_test_add_func ("/move-wizard/calling-plan-ported", test_calling_plan_ported);
  g_test_add_func ("/move-wizard/closed-while-waiting", test_closed_while_waiting);
  g_test_add_func ("/move-wizard/killed-while-waiting", test_killed_while_waiting);

  pv_test_run_application (application_activate_cb);
  status = test_status;

  if (scratch != NULL)
    pv_test_remove_tree (scratch);
  g_free (scratch);
  return status;
}
