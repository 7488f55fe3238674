/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "operator/pv-operator-flow.h"
#include "pv-assistant.h"
#include "pv-operation-result.h"
#include "pv-sandbox-server.h"
#include "pv-service-error.h"
#include "pv-test-util.h"
#include "pv-voice-calls.h"

/* "Connect an operator" driven through its widgets against the
 * in-process sandbox tenant: the seed tenant already has Orange Business
 * (active) and Deutsche Telekom (suspended); the wizard adds Telefónica
 * in two of the five countries it serves, and the tenant is read back. */

static char *state_dir;

typedef struct
{
  PvSandboxServer *server;
  PvServiceClient *client;
  GtkWindow       *window;
  PvAssistant     *assistant;
  PvOperatorFlow  *flow;
} Fixture;

static gboolean
flow_loaded (gpointer data)
{
  PvOperatorFlow *flow = data;

  return !pv_operator_flow_get_loading (flow) &&
         g_list_model_get_n_items (G_LIST_MODEL (pv_operator_flow_get_catalogue (flow))) > 0;
}

static gboolean
add_finished (gpointer data)
{
  PvOperatorAddState state = pv_operator_flow_get_add_state (data);

  return state == PV_OPERATOR_ADD_STATE_DONE || state == PV_OPERATOR_ADD_STATE_FAILED;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("sandbox-%s.db", g_test_get_path () + 1);
  g_autofree char *state = NULL;

  g_strdelimit (name, "/", '-');
  state = g_build_filename (state_dir, name, NULL);
  fixture->server = pv_sandbox_server_new (state, PV_SANDBOX_SEED, &error);
  g_assert_no_error (error);
  g_assert_true (pv_sandbox_server_start (fixture->server, 0, &error));
  fixture->client = pv_service_client_new (pv_sandbox_server_get_base_url (fixture->server), NULL, &error);
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (g_object_ref (gtk_window_new ()));
  gtk_window_set_default_size (fixture->window, 800, 600);
  fixture->assistant = PV_ASSISTANT (pv_assistant_new (&pv_operator_flow_info));
  fixture->flow = PV_OPERATOR_FLOW (pv_assistant_get_state (fixture->assistant));
  pv_operator_flow_set_client (fixture->flow, fixture->client);
  pv_operator_flow_load (fixture->flow);

  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->assistant));
  gtk_window_present (fixture->window);
  pv_test_wait_until (flow_loaded, fixture->flow);
  g_assert_null (pv_operator_flow_get_load_error (fixture->flow));
  pv_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  pv_test_iterate ();
  g_assert_finalize_object (fixture->window);
  g_clear_object (&fixture->client);
  pv_sandbox_server_stop (fixture->server);
  g_clear_object (&fixture->server);
}

static PvPage *
current (Fixture *fixture)
{
  return pv_assistant_get_current_page (fixture->assistant);
}

static GtkWidget *
next_button (Fixture *fixture)
{
  GtkWidget *button = pv_test_find_button (GTK_WIDGET (fixture->assistant), "assistant.next");

  g_assert_nonnull (button);
  return button;
}

/* Next can be pressed exactly when the page is complete, and otherwise
 * the assistant says why. */
static void
assert_next_refused (Fixture    *fixture,
                     const char *reason_part)
{
  const char *reason = pv_page_get_incomplete_reason (current (fixture));

  g_assert_false (pv_page_get_complete (current (fixture)));
  g_assert_false (gtk_widget_get_sensitive (next_button (fixture)));
  g_assert_nonnull (reason);
  if (strstr (reason, reason_part) == NULL)
    g_error ("“%s” does not say “%s”", reason, reason_part);
}

static void
next (Fixture *fixture)
{
  PvPage *before = current (fixture);

  g_assert_true (pv_page_get_complete (before));
  g_assert_true (gtk_widget_get_sensitive (next_button (fixture)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->assistant), "assistant.next", NULL);
  pv_test_iterate ();
  g_assert_true (current (fixture) != before);
}

static gboolean
match_tooltip (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_DROP_DOWN (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static gboolean
match_label (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static gboolean
match_label_part (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

static gboolean
match_check (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (widget) &&
         g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), data) == 0;
}

static gboolean
match_row (GtkWidget     *widget,
           gconstpointer  data)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static GtkWidget *
find (Fixture *fixture,
      gboolean (*match) (GtkWidget *, gconstpointer),
      const char *data)
{
  GtkWidget *found = pv_test_find_widget (GTK_WIDGET (current (fixture)), match, data);

  if (found == NULL)
    g_error ("nothing on “%s” matches “%s”", pv_page_get_title (current (fixture)), data);
  return found;
}

static void
choose_in_dropdown (Fixture    *fixture,
                    const char *tooltip,
                    const char *item)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (find (fixture, match_tooltip, tooltip));
  GListModel *items = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GtkStringObject) string = g_list_model_get_item (items, i);

      if (g_strcmp0 (gtk_string_object_get_string (string), item) == 0)
        {
          gtk_drop_down_set_selected (dropdown, i);
          pv_test_iterate ();
          return;
        }
    }
  g_error ("no “%s” in the “%s” list", item, tooltip);
}

static void
search (Fixture    *fixture,
        const char *text)
{
  GtkWidget *entry = pv_test_find_by_type (GTK_WIDGET (current (fixture)), GTK_TYPE_SEARCH_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The search entry waits a moment before it says the text changed. */
  g_signal_emit_by_name (entry, "search-changed");
  pv_test_iterate ();
}

static GtkSingleSelection *
operator_list (Fixture *fixture)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (pv_test_find_by_type (GTK_WIDGET (current (fixture)),
                                                               GTK_TYPE_COLUMN_VIEW));

  return GTK_SINGLE_SELECTION (gtk_column_view_get_model (view));
}

static char *
shown_operators (Fixture *fixture)
{
  GListModel *shown = G_LIST_MODEL (operator_list (fixture));
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PvOperator) operator_ = g_list_model_get_item (shown, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", pv_operator_get_id (operator_));
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* What a click on the operator's row does. */
static void
click_operator (Fixture    *fixture,
                const char *id)
{
  GtkSingleSelection *selection = operator_list (fixture);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(PvOperator) operator_ = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (g_strcmp0 (pv_operator_get_id (operator_), id) == 0)
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (selection), i, TRUE);
          pv_test_iterate ();
          return;
        }
    }
  g_error ("%s is not shown", id);
}

static void
type_into (Fixture    *fixture,
           const char *row_title,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, match_row, row_title)), text);
  pv_test_iterate ();
}

static PvTenantOperator *
read_tenant_operator (Fixture    *fixture,
                      const char *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PvTenantOperator *tenant_operator;

  pv_service_client_get_tenant_operator_async (fixture->client, id, NULL, pv_test_store_result_cb, &result);
  tenant_operator = pv_service_client_get_tenant_operator_finish (fixture->client, pv_test_wait_result (&result), &error);
  if (g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_NOT_FOUND))
    return NULL;
  g_assert_no_error (error);
  return tenant_operator;
}

static char *
export (Fixture          *fixture,
        PvOperatorExport  format,
        const char       *name)
{
  g_autofree char *path = g_build_filename (state_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  pv_operator_flow_export_async (fixture->flow, format, file, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_operator_flow_export_finish (fixture->flow, pv_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Whether @xml is a results document the published schema accepts. */
static gboolean
matches_schema (const char *xml)
{
  xmlDoc *doc = xmlReadMemory (xml, (int) strlen (xml), "outcome.xml", NULL, XML_PARSE_NONET);

  return pv_test_validate_doc (doc, g_getenv ("PROVISIO_RESULTS_XSD")) == 0;
}

/* Through the six pages, the refusals on the way, and the tenant after. */
static void
test_wizard_adds_an_operator (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(PvTenantOperator) added = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *note = NULL;
  g_autofree char *xml = NULL;
  PvOperatorPlan *plan = pv_operator_flow_get_plan (fixture->flow);
  PvContactDetails *contact;
  const char *tenant_id = pv_operator_flow_get_tenant_id (fixture->flow);

  g_assert_nonnull (tenant_id);
  g_assert_null (read_tenant_operator (fixture, "telefonica"));

  /* All operators: nothing chosen, Next refused with the reason. */
  g_assert_cmpstr (pv_page_get_title (current (fixture)), ==, "All Operators");
  assert_next_refused (fixture, "Choose an operator");

  /* The filters: a region, a service, a search by country. */
  choose_in_dropdown (fixture, "Region", "Latin America");
  shown = shown_operators (fixture);
  g_assert_cmpstr (shown, ==, "claro telefonica");
  g_clear_pointer (&shown, g_free);
  choose_in_dropdown (fixture, "Service", "Teams Phone Mobile");
  shown = shown_operators (fixture);
  g_assert_cmpstr (shown, ==, "telefonica");
  g_clear_pointer (&shown, g_free);
  choose_in_dropdown (fixture, "Region", "All regions");
  choose_in_dropdown (fixture, "Service", "All services");
  search (fixture, "switzerland");
  shown = shown_operators (fixture);
  g_assert_cmpstr (shown, ==, "swisscom");
  g_clear_pointer (&shown, g_free);
  search (fixture, "");

  /* Operators the tenant has are marked, and cannot be chosen. */
  g_assert_nonnull (pv_test_find_widget (GTK_WIDGET (current (fixture)), match_label,
                                         "Already your operator"));
  g_assert_nonnull (pv_test_find_widget (GTK_WIDGET (current (fixture)), match_label,
                                         "Already your operator (suspended)"));
  click_operator (fixture, "orange-business");
  g_assert_null (pv_operator_plan_get_operator (plan));
  g_assert_true (gtk_single_selection_get_selected (operator_list (fixture)) == GTK_INVALID_LIST_POSITION);
  g_assert_nonnull (find (fixture, match_label_part, "Orange Business is already one of your operators"));
  assert_next_refused (fixture, "Choose an operator");

  click_operator (fixture, "telefonica");
  g_assert_cmpstr (pv_operator_get_id (pv_operator_plan_get_operator (plan)), ==, "telefonica");
  /* A refused click keeps the choice that was made. */
  click_operator (fixture, "deutsche-telekom");
  g_assert_cmpstr (pv_operator_get_id (pv_operator_plan_get_operator (plan)), ==, "telefonica");
  g_assert_nonnull (find (fixture, match_label_part,
                          "Deutsche Telekom is already one of your operators, suspended"));
  next (fixture);

  /* Countries: only the five Telefónica serves; none chosen yet. */
  g_assert_cmpstr (pv_page_get_title (current (fixture)), ==, "Countries");
  g_assert_cmpuint (g_list_model_get_n_items (pv_operator_plan_get_available_countries (plan)), ==, 5);
  assert_next_refused (fixture, "Select at least one country");
  search (fixture, "mex");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (fixture, match_check, "Mexico")), TRUE);
  g_assert_null (pv_test_find_widget (GTK_WIDGET (current (fixture)), match_check, "Spain"));
  search (fixture, "");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (fixture, match_check, "Spain")), TRUE);
  g_assert_null (pv_test_find_widget (GTK_WIDGET (current (fixture)), match_check, "France"));
  g_assert_true (pv_operator_plan_has_country (plan, "MX"));
  g_assert_true (pv_operator_plan_has_country (plan, "ES"));
  g_assert_nonnull (find (fixture, match_label, "2 countries selected"));
  next (fixture);

  /* Contact details: the signed-in administrator, a size to choose, and
   * a phone number that must be E.164 when given. */
  g_assert_cmpstr (pv_page_get_title (current (fixture)), ==, "Contact Details");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture, match_row, "_Full Name"))), ==,
                   "Camille Administratrice");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture, match_row, "_E-mail Address"))), ==,
                   "camille.admin@contoso.com");
  assert_next_refused (fixture, "Choose the company size");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (fixture, match_row, "Company _Size")), 4);
  pv_test_iterate ();
  g_assert_true (pv_page_get_complete (current (fixture)));
  type_into (fixture, "_Phone Number (Optional)", "+34 91 123 45 67");
  assert_next_refused (fixture, "Remove the spaces");
  type_into (fixture, "_Phone Number (Optional)", "+34911234567");
  type_into (fixture, "_Full Name", "Inès Ó Briain-Lefèvre");
  next (fixture);

  /* The notice must be accepted. */
  g_assert_cmpstr (pv_page_get_title (current (fixture)), ==, "Data Transfer Notice");
  assert_next_refused (fixture, "Accept the data transfer notice");
  g_assert_nonnull (find (fixture, match_label_part, "Telefónica receives your phone numbers"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (fixture, match_check,
                                                       "I _accept the data transfer notice")), TRUE);
  pv_test_iterate ();
  g_assert_true (pv_operator_plan_get_notice_accepted (plan));
  next (fixture);

  /* Review reads everything back; Back changes it, Next adds. */
  g_assert_cmpstr (pv_page_get_title (current (fixture)), ==, "Review");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (next_button (fixture))), ==, "_Add as My Operator");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find (fixture, match_row, "Countries"))), ==,
                   "Mexico, Spain");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find (fixture, match_row,
                                                                     "Company size (employees)"))),
                   ==, "1,001–5,000");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find (fixture, match_row, "Tenant ID"))), ==,
                   tenant_id);
  gtk_widget_activate_action (GTK_WIDGET (fixture->assistant), "assistant.back", NULL);
  pv_test_iterate ();
  g_assert_cmpstr (pv_page_get_title (current (fixture)), ==, "Data Transfer Notice");
  g_assert_true (pv_operator_plan_get_notice_accepted (plan));
  next (fixture);
  g_assert_null (read_tenant_operator (fixture, "telefonica"));
  next (fixture);

  /* The call, its outcome, and no way back once done. */
  g_assert_cmpstr (pv_page_get_title (current (fixture)), ==, "Add as My Operator");
  pv_test_wait_until (add_finished, fixture->flow);
  pv_test_iterate ();
  g_assert_cmpint (pv_operator_flow_get_add_state (fixture->flow), ==, PV_OPERATOR_ADD_STATE_DONE);
  g_assert_true (pv_page_get_complete (current (fixture)));
  g_assert_false (pv_page_get_can_go_back (current (fixture)));
  g_assert_nonnull (find (fixture, match_label, "Telefónica Was Added as Your Operator"));
  g_assert_nonnull (find (fixture, match_label, "Telefónica is now your operator in these countries: "
                                                "Mexico (MX), Spain (ES)."));

  /* The tenant now has it, as the wizard said. */
  added = read_tenant_operator (fixture, "telefonica");
  g_assert_nonnull (added);
  g_assert_cmpint (pv_tenant_operator_get_status (added), ==, PV_OPERATOR_STATUS_ACTIVE);
  g_assert_cmpuint (g_strv_length ((char **) pv_tenant_operator_get_countries (added)), ==, 2);
  g_assert_true (pv_tenant_operator_has_country (added, "ES"));
  g_assert_true (pv_tenant_operator_has_country (added, "MX"));
  g_assert_true (pv_tenant_operator_get_consent_given (added));
  contact = pv_tenant_operator_get_contact (added);
  g_assert_cmpstr (pv_contact_details_get_full_name (contact), ==, "Inès Ó Briain-Lefèvre");
  g_assert_cmpstr (pv_contact_details_get_email (contact), ==, "camille.admin@contoso.com");
  g_assert_cmpint (pv_contact_details_get_company_size (contact), ==, 5000);
  g_assert_cmpstr (pv_contact_details_get_phone (contact), ==, "+34911234567");
  g_assert_true (pv_operator_flow_get_tenant_status (fixture->flow, "telefonica", NULL));

  /* The exports: the note for the operator carries the tenant ID. */
  note = export (fixture, PV_OPERATOR_EXPORT_TEXT, "note.txt");
  g_assert_nonnull (strstr (note, tenant_id));
  g_assert_nonnull (strstr (note, "Operator Connect: Telefónica"));
  g_assert_nonnull (strstr (note, "Countries: Mexico (MX), Spain (ES)"));
  g_assert_nonnull (strstr (note, "Phone: +34911234567"));
  xml = export (fixture, PV_OPERATOR_EXPORT_XML, "outcome.xml");
  g_assert_nonnull (strstr (xml, "urn:provisio:results:1"));
  g_assert_nonnull (strstr (xml, tenant_id));
  g_assert_nonnull (strstr (xml, "<operator id=\"telefonica\">Telefónica</operator>"));
  g_assert_nonnull (strstr (xml, "<companySize>5000</companySize>"));
  g_assert_true (matches_schema (xml));
}

/* The service refuses (someone added the operator meanwhile): the page
 * says why in plain words, the user can go back, and the catalogue then
 * marks the operator as added. */
static void
test_refusal_is_explained (Fixture       *fixture,
                           gconstpointer  data)
{
  PvOperatorPlan *plan = pv_operator_flow_get_plan (fixture->flow);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(PvTenantOperator) elsewhere = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PvOperationResult) outcome = NULL;
  const char *message;

  click_operator (fixture, "bt");
  next (fixture);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (fixture, match_check, "Ireland")), TRUE);
  next (fixture);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (fixture, match_row, "Company _Size")), 1);
  pv_test_iterate ();
  next (fixture);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (fixture, match_check,
                                                       "I _accept the data transfer notice")), TRUE);
  pv_test_iterate ();
  next (fixture);

  /* Another administrator adds BT in the meantime. */
  pv_service_client_add_operator_plan_async (fixture->client, plan, NULL, pv_test_store_result_cb, &result);
  elsewhere = pv_service_client_add_operator_finish (fixture->client, pv_test_wait_result (&result), &error);
  g_assert_no_error (error);

  next (fixture);
  pv_test_wait_until (add_finished, fixture->flow);
  pv_test_iterate ();
  g_assert_cmpint (pv_operator_flow_get_add_state (fixture->flow), ==, PV_OPERATOR_ADD_STATE_FAILED);
  message = pv_operator_flow_get_add_message (fixture->flow);
  g_assert_nonnull (message);
  g_assert_nonnull (find (fixture, match_label, "BT Was Not Added"));
  g_assert_nonnull (find (fixture, match_label, message));
  outcome = g_list_model_get_item (pv_operator_flow_get_results (fixture->flow), 0);
  g_assert_cmpint (pv_operation_result_get_status (outcome), ==, PV_RESULT_STATUS_FAILED);
  g_assert_cmpstr (pv_operation_result_get_message (outcome), ==, message);

  /* Back is open after a refusal; the catalogue learnt BT is taken. */
  g_assert_true (pv_page_get_can_go_back (current (fixture)));
  g_assert_true (pv_page_get_complete (current (fixture)));
  pv_test_wait_until (flow_loaded, fixture->flow);
  g_assert_true (pv_operator_flow_get_tenant_status (fixture->flow, "bt", NULL));
  g_assert_null (pv_operator_plan_get_operator (plan));
  for (guint i = 0; i < 5; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (fixture->assistant), "assistant.back", NULL);
      pv_test_iterate ();
    }
  g_assert_cmpstr (pv_page_get_title (current (fixture)), ==, "All Operators");
  assert_next_refused (fixture, "Choose an operator");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  pv_test_init (&argc, &argv);

  state_dir = g_dir_make_tmp ("provisio-operator-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);

  g_test_add ("/operator-wizard/adds-an-operator", Fixture, NULL,
              fixture_set_up, test_wizard_adds_an_operator, fixture_tear_down);
  g_test_add ("/operator-wizard/refusal-is-explained", Fixture, NULL,
              fixture_set_up, test_refusal_is_explained, fixture_tear_down);
  status = g_test_run ();

  pv_test_remove_tree (state_dir);
  g_free (state_dir);
  return status;
}
