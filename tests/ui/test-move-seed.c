/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <libsoup/soup.h>

#include "moves/pv-move-flow.h"
#include "pv-application.h"
#include "pv-assistant.h"
#include "pv-move-test.h"
#include "pv-phone-number.h"
#include "pv-start-page.h"
#include "pv-test-util.h"
#include "pv-voice-calls.h"
#include "pv-window.h"

/* Both moves to Operator Connect as a person gets them: the application
 * on a fresh embedded sandbox tenant seeded from the unmodified seed,
 * nothing prepared and the sandbox's own delays kept (the operator's
 * upload and port completion come later, on the operator's clock, which
 * the test moves forward instead of waiting). Every person the wizard
 * offers as ready is chosen, the move run, run again while someone waits
 * for the operator, and the tenant read back: each of them holds an
 * Operator Connect number of Orange Business. The people the seed holds
 * for this are listed here; the test fails if the wizard offers anyone
 * else as ready, or lets someone listed here not be chosen. */

typedef struct
{
  const char *id;
  const char *name;
  const char *number;      /* the number they have before the move */
  gboolean    on_premises; /* Direct Routing: assigned with OnPremLineURI */
} Person;

/* Ready for the Direct Routing move: two numbers assigned online, two
 * on-premises. */
static const Person direct_routing[] = {
  { "a1b14822-1d35-5611-95d3-e74195f2c0cf", "Élodie Charpentier", "+33190001001", FALSE },
  { "17246eb2-de35-5eba-be77-7c8a1cc22de1", "Małgorzata Wiśniewska", "+33123456711", TRUE },
  { "e064d928-e3d0-52fe-8b0e-e9ed02fdc0cf", "Raphaël Benoît", "+33190001002", FALSE },
  { "6a0cae0a-796d-5bc5-98c5-a648932305ba", "Joaquín Ibáñez", "+33123456712", TRUE },
};

/* Listed with a Direct Routing number, not ready: Islands, Islands, and
 * TeamsOnly without Phone System. */
static const char * const direct_routing_not_ready[] = {
  "Thomas Vasseur", "Gaëlle Texier", "Marie-Hélène D'Angelo",
};

/* Ready for the Calling Plan move, their French numbers in Orange
 * Business's port orders: the first four complete, Seán Müller's
 * pending until the operator completes it. */
static const Person calling_plan[] = {
  { "ab6c3e32-a01e-5990-b8ab-ac53b18a8d33", "Gaëlle Boyer", "+33170360101", FALSE },
  { "fcc2d393-c071-5c76-97f6-130504bd8466", "José Sørensen", "+33170360102", FALSE },
  { "cc9a60c9-77f9-5606-bdd6-ea85a13f1936", "Léa Sørensen", "+33170360103", FALSE },
  { "30f8f8ac-9f8f-5c3b-b84a-35b998f9a324", "Anne Blanc", "+33170360104", FALSE },
  { "cfb7c756-10ce-5b3f-8784-47c4ed329a0d", "Seán Müller", "+33170360105", FALSE },
};

/* Ready as the wizard sees it, but her American Calling Plan number is in
 * no port order: without the port confirmed, she waits at step 1 and
 * nothing of hers changes. */
#define CHLOE        "8fc71796-820e-5607-94a7-57aa611f1a69"
#define CHLOE_NUMBER "+14255559998"

/* The operator's delays of the embedded sandbox, with a margin: the
 * upload after a Calling Plan number is freed, and the completion of the
 * pending port order after the tenant first reads it. */
#define UPLOAD_WAIT_MS (3 * 1000)
#define PORT_WAIT_MS   (31 * 1000)

static PvWindow *test_window;
static PvServiceClient *test_client;
static int test_status = -1;

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

static gboolean
match_button_label (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
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

/* The flow opened from the start page, its tenant read. */
static PvMoveFlow *
open_flow (const char   *title,
           PvAssistant **assistant)
{
  GtkWidget *row = pv_test_find_row (pv_window_get_start_page (test_window), title);
  PvMoveFlow *flow;

  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  pv_test_iterate ();
  *assistant = PV_ASSISTANT (pv_window_get_assistant (test_window));
  g_assert_nonnull (*assistant);
  flow = PV_MOVE_FLOW (pv_assistant_get_state (*assistant));
  pv_test_wait_until (flow_loaded, flow);
  pv_test_iterate ();

  return flow;
}

static const Person *
find_person (const Person *people,
             gsize         n_people,
             const char   *id)
{
  for (gsize i = 0; i < n_people; i++)
    if (g_str_equal (people[i].id, id))
      return &people[i];

  return NULL;
}

/* The people page lists every candidate; exactly @people (and @also, when
 * given) can be chosen, each with the number the seed gives them. */
static void
check_offered (PvAssistant  *assistant,
               PvMoveFlow   *flow,
               const Person *people,
               gsize         n_people,
               const char   *also)
{
  GListModel *candidates = pv_move_plan_get_candidates (pv_move_flow_get_plan (flow));
  GtkWidget *page = GTK_WIDGET (pv_assistant_get_current_page (assistant));
  guint n_ready = 0;

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (candidates, i);
      const Person *person = find_person (people, n_people, pv_user_get_id (user));
      GtkWidget *row = pv_test_find_row (page, pv_user_get_display_name (user));
      gboolean expected = person != NULL || g_strcmp0 (also, pv_user_get_id (user)) == 0;

      g_assert_nonnull (row);
      if (gtk_widget_is_sensitive (row) != expected)
        g_error ("%s is %s, and the seed has them %s", pv_user_get_display_name (user),
                 gtk_widget_is_sensitive (row) ? "offered as ready" : "not offered",
                 expected ? "ready" : "not ready");
      if (person != NULL)
        g_assert_cmpstr (pv_move_plan_get_current_number (pv_move_flow_get_plan (flow), person->id), ==, person->number);
      n_ready += expected;
    }
  g_assert_cmpuint (n_ready, ==, n_people + (also != NULL));
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
  pv_test_wait_until (page_complete, page);
}

/* The tenant after the move: @person holds @number as an Operator
 * Connect number of Orange Business in France, and nothing else of the
 * way they had it. */
static void
check_holds (const Person *person,
             const char   *number)
{
  g_autoptr(PvPhoneNumber) held = pv_move_test_get_number (test_client, number);
  g_autoptr(PvUser) user = pv_move_test_get_user (test_client, person->id);
  g_autofree char *line = g_strconcat ("tel:", number, NULL);

  g_assert_cmpint (pv_phone_number_get_number_type (held), ==, PV_NUMBER_TYPE_OPERATOR_CONNECT);
  g_assert_cmpstr (pv_phone_number_get_operator_id (held), ==, "orange-business");
  g_assert_cmpstr (pv_phone_number_get_country_code (held), ==, "FR");
  g_assert_cmpint (pv_phone_number_get_status (held), ==, PV_NUMBER_STATUS_ASSIGNED);
  g_assert_cmpstr (pv_phone_number_get_assigned_user_id (held), ==, person->id);
  g_assert_cmpstr (pv_user_get_line_uri (user), ==, line);
  g_assert_null (pv_user_get_on_prem_line_uri (user));
}

/* Direct Routing: the seed's four ready people chosen, Orange Business's
 * free French numbers given to them (the operator's numbers are how it
 * supplies them in the sandbox), one run. */
static void
test_direct_routing (void)
{
  PvAssistant *assistant;
  PvMoveFlow *flow = open_flow ("Move numbers from Direct Routing to Operator Connect", &assistant);
  g_auto(GStrv) targets = g_new0 (char *, G_N_ELEMENTS (direct_routing) + 1);
  PvPage *page;

  g_assert_cmpint (pv_move_flow_get_kind (flow), ==, PV_MOVE_KIND_DIRECT_ROUTING);
  check_offered (assistant, flow, direct_routing, G_N_ELEMENTS (direct_routing), NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (direct_routing_not_ready); i++)
    {
      GtkWidget *row = pv_test_find_row (GTK_WIDGET (pv_assistant_get_current_page (assistant)),
                                         direct_routing_not_ready[i]);

      g_assert_nonnull (row);
      g_assert_false (gtk_widget_is_sensitive (row));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (direct_routing); i++)
    {
      choose (assistant, direct_routing[i].name);
      g_assert_cmpint (pv_move_plan_get_on_premises (pv_move_flow_get_plan (flow), direct_routing[i].id), ==, direct_routing[i].on_premises);
    }
  g_assert_cmpuint (pv_move_plan_get_n_selected (pv_move_flow_get_plan (flow)), ==, G_N_ELEMENTS (direct_routing));
  pv_test_assistant_next (assistant);

  g_assert_cmpstr (pv_move_plan_get_operator_id (pv_move_flow_get_plan (flow)), ==, "orange-business");
  g_assert_cmpstr (pv_move_plan_get_country (pv_move_flow_get_plan (flow)), ==, "FR");
  choose (assistant, "Give each person one of the operator’s numbers");
  g_assert_cmpuint (pv_move_plan_get_n_operator_numbers (pv_move_flow_get_plan (flow)), >=, G_N_ELEMENTS (direct_routing));
  pv_test_assistant_next (assistant);

  choose (assistant, "I _understand that the numbers are out of service during the move");
  pv_test_assistant_next (assistant);

  for (gsize i = 0; i < G_N_ELEMENTS (direct_routing); i++)
    {
      targets[i] = pv_move_plan_dup_target_number (pv_move_flow_get_plan (flow), direct_routing[i].id);
      g_assert_nonnull (targets[i]);
      g_assert_true (g_str_has_prefix (targets[i], "+3318000000"));
    }
  pv_test_assistant_next (assistant);
  page = pv_assistant_get_current_page (assistant);
  pv_test_wait_until (page_complete, page);

  for (gsize i = 0; i < G_N_ELEMENTS (direct_routing); i++)
    {
      const Person *person = &direct_routing[i];
      g_autoptr(PvUser) user = pv_move_test_get_user (test_client, person->id);

      if (!pv_move_flow_is_moved (flow, person->id))
        g_error ("%s was not moved", person->name);
      check_holds (person, targets[i]);
      g_assert_null (pv_user_get_voice_routing_policy (user));
      if (!person->on_premises)
        {
          g_autoptr(PvPhoneNumber) old_number = pv_move_test_get_number (test_client, person->number);

          g_assert_cmpint (pv_phone_number_get_number_type (old_number), ==, PV_NUMBER_TYPE_DIRECT_ROUTING);
          g_assert_cmpint (pv_phone_number_get_status (old_number), ==, PV_NUMBER_STATUS_UNASSIGNED);
        }
    }
  g_assert_false (gtk_widget_is_sensitive (pv_test_find_widget (GTK_WIDGET (page), match_button_label,
                                                                "_Run Again for Those Not Moved")));

  /* Done closes the wizard. */
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL);
  pv_test_iterate ();
  g_assert_null (pv_window_get_assistant (test_window));
}

/* Calling Plan: everyone offered as ready chosen, each keeping their
 * number, the port not ticked (the service's port orders speak for the
 * numbers in them). The operator uploads the freed numbers after its
 * delay and completes Seán Müller's order after its own: Run Again
 * assigns them. Chloé Nuage's number is American: chosen, she keeps the
 * move to France from going on, and is left out. */
static void
test_calling_plan (void)
{
  PvApplication *application = PV_APPLICATION (g_application_get_default ());
  PvSandboxServer *sandbox = pv_application_get_sandbox (application);
  PvAssistant *assistant;
  PvMoveFlow *flow = open_flow ("Move numbers from Calling Plan to Operator Connect", &assistant);
  const Person *sean = &calling_plan[G_N_ELEMENTS (calling_plan) - 1];
  PvMoveSteps *steps;
  PvPage *page;

  g_assert_nonnull (sandbox);
  g_assert_cmpint (pv_move_flow_get_kind (flow), ==, PV_MOVE_KIND_CALLING_PLAN);
  check_offered (assistant, flow, calling_plan, G_N_ELEMENTS (calling_plan), CHLOE);
  for (gsize i = 0; i < G_N_ELEMENTS (calling_plan); i++)
    choose (assistant, calling_plan[i].name);
  choose (assistant, "Chloé Nuage");
  pv_test_assistant_next (assistant);

  g_assert_cmpstr (pv_move_plan_get_operator_id (pv_move_flow_get_plan (flow)), ==, "orange-business");
  g_assert_cmpstr (pv_move_plan_get_country (pv_move_flow_get_plan (flow)), ==, "FR");
  g_assert_false (pv_move_plan_get_use_operator_numbers (pv_move_flow_get_plan (flow)));

  /* Chloé's number is American and the move goes to France: kept, it
   * would be unassigned and never uploaded. The operator page says so
   * and goes no further until she is left out. */
  page = pv_assistant_get_current_page (assistant);
  g_assert_false (pv_page_get_complete (page));
  g_assert_nonnull (strstr (pv_page_get_incomplete_reason (page), "Chloé Nuage"));
  g_assert_nonnull (strstr (pv_page_get_incomplete_reason (page), CHLOE_NUMBER));
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.back", NULL);
  pv_test_iterate ();
  choose (assistant, "Chloé Nuage");
  g_assert_false (pv_move_plan_get_selected (pv_move_flow_get_plan (flow), CHLOE));
  pv_test_assistant_next (assistant);
  g_assert_true (pv_page_get_complete (pv_assistant_get_current_page (assistant)));
  pv_test_assistant_next (assistant);

  choose (assistant, "I _understand that the numbers are out of service during the move");
  g_assert_false (pv_move_plan_get_port_confirmed (pv_move_flow_get_plan (flow)));
  pv_test_assistant_next (assistant);
  for (gsize i = 0; i < G_N_ELEMENTS (calling_plan); i++)
    {
      g_autofree char *target = pv_move_plan_dup_target_number (pv_move_flow_get_plan (flow), calling_plan[i].id);

      g_assert_cmpstr (target, ==, calling_plan[i].number);
    }

  pv_test_assistant_next (assistant);
  page = pv_assistant_get_current_page (assistant);
  pv_test_wait_until (page_complete, page);
  steps = pv_move_flow_get_steps (flow);

  /* Seán's order was pending when the move first asked: nothing of his
   * changed. */
  g_assert_nonnull (strstr (pv_operation_result_get_message (pv_move_steps_get_step_result (steps, sean->id, 0)),
                            "FR-2026-00452"));

  /* The operator's upload, then its completion of the pending order,
   * then the upload of Seán's number: each followed by Run Again. */
  pv_sandbox_server_advance_clock (sandbox, UPLOAD_WAIT_MS);
  run_again (page);
  pv_sandbox_server_advance_clock (sandbox, PORT_WAIT_MS);
  run_again (page);
  pv_sandbox_server_advance_clock (sandbox, UPLOAD_WAIT_MS);
  run_again (page);

  for (gsize i = 0; i < G_N_ELEMENTS (calling_plan); i++)
    {
      if (!pv_move_flow_is_moved (flow, calling_plan[i].id))
        g_error ("%s was not moved", calling_plan[i].name);
      check_holds (&calling_plan[i], calling_plan[i].number);
    }
  g_assert_cmpint (pv_operation_result_get_status (pv_move_steps_get_step_result (steps, sean->id, 0)), ==,
                   PV_RESULT_STATUS_ALREADY_DONE);

  /* Chloé was left out: her Calling Plan number as it was. */
  g_assert_null (pv_move_steps_get_step_result (steps, CHLOE, 0));
  {
    g_autoptr(PvPhoneNumber) number = pv_move_test_get_number (test_client, CHLOE_NUMBER);

    g_assert_cmpint (pv_phone_number_get_number_type (number), ==, PV_NUMBER_TYPE_CALLING_PLAN);
    g_assert_cmpstr (pv_phone_number_get_assigned_user_id (number), ==, CHLOE);
  }
}

/* The tests run inside the application, one after the other on the
 * same tenant, as a person would try one move and then the other. */
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
  g_autofree char *scratch = pv_test_private_home ("provisio-move-seed-XXXXXX", PV_SANDBOX_SEED);

  pv_test_init (&argc, &argv);
  g_test_add_func ("/move-seed/direct-routing", test_direct_routing);
  g_test_add_func ("/move-seed/calling-plan", test_calling_plan);

  pv_test_run_application (application_activate_cb);

  pv_test_remove_tree (scratch);
  return test_status;
}
