/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "provisio-core.h"

/* The guided moves' plan as tables, without a display: who is a
 * candidate for each kind of move and with which number, who can be
 * chosen, whether each step is complete and why not, and the number
 * each person is moved to. */

#define PHONE_SYSTEM "{\"servicePlanId\":\"4828c8ec-dc2e-4779-b502-87ac9ce28ab7\",\"service\":\"MCOEV\",\"capabilityStatus\":\"Enabled\"}"

typedef struct
{
  const char *id;
  const char *mode;
  gboolean    phone_system;
  const char *on_prem_line_uri;
} PersonRow;

/* The tenant every table reads. */
static const PersonRow people_rows[] = {
  { "ada",    "TeamsOnly", TRUE,  NULL },                      /* Direct Routing, online */
  { "bruno",  "TeamsOnly", TRUE,  "tel:+33123456791;ext=791" },/* Direct Routing, on-premises */
  { "chloe",  "Islands",   TRUE,  "tel:+33123456792" },        /* on-premises, not TeamsOnly */
  { "denis",  "TeamsOnly", FALSE, NULL },                      /* Calling Plan, no Phone System */
  { "emma",   "TeamsOnly", TRUE,  NULL },                      /* Calling Plan */
  { "farid",  "TeamsOnly", TRUE,  NULL },                      /* Calling Plan */
  { "gina",   "TeamsOnly", TRUE,  NULL },                      /* no number */
};

typedef struct
{
  const char     *number;
  PvNumberType    type;
  PvNumberStatus  status;
  const char     *user;
  const char     *operator_id;
  const char     *country;
} NumberRow;

static const NumberRow number_rows[] = {
  { "+33190000001", PV_NUMBER_TYPE_DIRECT_ROUTING, PV_NUMBER_STATUS_ASSIGNED, "ada", NULL, "FR" },
  { "+33190000009", PV_NUMBER_TYPE_DIRECT_ROUTING, PV_NUMBER_STATUS_UNASSIGNED, NULL, NULL, "FR" },
  { "+33170360101", PV_NUMBER_TYPE_CALLING_PLAN, PV_NUMBER_STATUS_ASSIGNED, "denis", NULL, "FR" },
  { "+33170360102", PV_NUMBER_TYPE_CALLING_PLAN, PV_NUMBER_STATUS_ASSIGNED, "emma", NULL, "FR" },
  { "+33170360103", PV_NUMBER_TYPE_CALLING_PLAN, PV_NUMBER_STATUS_ASSIGNED, "farid", NULL, "FR" },
  /* The operator's free numbers: two in France, one in Belgium, one of
   * another operator, one already taken. */
  { "+33180000001", PV_NUMBER_TYPE_OPERATOR_CONNECT, PV_NUMBER_STATUS_UNASSIGNED, NULL, "orange", "FR" },
  { "+33180000002", PV_NUMBER_TYPE_OPERATOR_CONNECT, PV_NUMBER_STATUS_UNASSIGNED, NULL, "orange", "FR" },
  { "+3228000001",  PV_NUMBER_TYPE_OPERATOR_CONNECT, PV_NUMBER_STATUS_UNASSIGNED, NULL, "orange", "BE" },
  { "+33181000001", PV_NUMBER_TYPE_OPERATOR_CONNECT, PV_NUMBER_STATUS_UNASSIGNED, NULL, "bt", "FR" },
  { "+33180000003", PV_NUMBER_TYPE_OPERATOR_CONNECT, PV_NUMBER_STATUS_ASSIGNED, "gina", "orange", "FR" },
};

static PvUser *
make_person (const PersonRow *row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *line = row->on_prem_line_uri != NULL ? g_strdup_printf ("\"%s\"", row->on_prem_line_uri)
                                                        : g_strdup ("null");
  g_autofree char *json = g_strdup_printf ("{\"id\":\"%s\",\"displayName\":\"%s\",\"usageLocation\":\"FR\","
                                           "\"teamsUpgradeEffectiveMode\":\"%s\",\"assignedPlans\":[%s],"
                                           "\"onPremLineUri\":%s}",
                                           row->id, row->id, row->mode,
                                           row->phone_system ? PHONE_SYSTEM : "", line);
  PvUser *person;

  node = json_from_string (json, &error);
  g_assert_no_error (error);
  person = pv_user_new_from_json (node, "/", &error);
  g_assert_no_error (error);
  return person;
}

static PvMovePlan *
make_plan (PvMoveKind kind,
           gboolean   with_operators)
{
  g_autoptr(GListStore) people = g_list_store_new (PV_TYPE_USER);
  g_autoptr(GListStore) numbers = g_list_store_new (PV_TYPE_PHONE_NUMBER);
  g_autoptr(GListStore) enabled = g_list_store_new (PV_TYPE_TENANT_OPERATOR);
  g_autoptr(GListStore) catalogue = g_list_store_new (PV_TYPE_OPERATOR);
  PvMovePlan *plan = pv_move_plan_new (kind);

  for (guint i = 0; i < G_N_ELEMENTS (people_rows); i++)
    {
      g_autoptr(PvUser) person = make_person (&people_rows[i]);

      g_list_store_append (people, person);
    }
  for (guint i = 0; i < G_N_ELEMENTS (number_rows); i++)
    {
      g_autoptr(PvPhoneNumber) number = pv_phone_number_new ();

      pv_phone_number_set_telephone_number (number, number_rows[i].number);
      pv_phone_number_set_number_type (number, number_rows[i].type);
      pv_phone_number_set_status (number, number_rows[i].status);
      pv_phone_number_set_assigned_user_id (number, number_rows[i].user);
      pv_phone_number_set_operator_id (number, number_rows[i].operator_id);
      pv_phone_number_set_country_code (number, number_rows[i].country);
      g_list_store_append (numbers, number);
    }
  if (with_operators)
    {
      const char * const orange_countries[] = { "FR", "BE", NULL };
      const char * const bt_countries[] = { "GB", NULL };
      struct { const char *id; const char *name; const char * const *countries; PvOperatorStatus status; } ops[] = {
        { "orange", "Orange Business", orange_countries, PV_OPERATOR_STATUS_ACTIVE },
        { "bt", "BT", bt_countries, PV_OPERATOR_STATUS_SUSPENDED },
      };

      for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
        {
          g_autoptr(PvOperator) operator_ = pv_operator_new ();
          g_autoptr(PvTenantOperator) tenant_operator = pv_tenant_operator_new ();

          pv_operator_set_id (operator_, ops[i].id);
          pv_operator_set_name (operator_, ops[i].name);
          g_list_store_append (catalogue, operator_);
          pv_tenant_operator_set_operator_id (tenant_operator, ops[i].id);
          pv_tenant_operator_set_status (tenant_operator, ops[i].status);
          pv_tenant_operator_set_countries (tenant_operator, ops[i].countries);
          g_list_store_append (enabled, tenant_operator);
        }
    }

  pv_move_plan_set_tenant (plan, "contoso-tenant-id", G_LIST_MODEL (people), G_LIST_MODEL (numbers),
                           G_LIST_MODEL (enabled), G_LIST_MODEL (catalogue));
  return plan;
}

typedef struct
{
  PvMoveKind  kind;
  const char *id;
  const char *current;      /* NULL: not a candidate */
  gboolean    on_premises;
  gboolean    selectable;
} CandidateRow;

static const CandidateRow candidate_rows[] = {
  { PV_MOVE_KIND_DIRECT_ROUTING, "ada", "+33190000001", FALSE, TRUE },
  /* The line URI's number, without its extension. */
  { PV_MOVE_KIND_DIRECT_ROUTING, "bruno", "+33123456791", TRUE, TRUE },
  /* A candidate, listed, but not TeamsOnly: cannot be chosen. */
  { PV_MOVE_KIND_DIRECT_ROUTING, "chloe", "+33123456792", TRUE, FALSE },
  { PV_MOVE_KIND_DIRECT_ROUTING, "denis", NULL, FALSE, FALSE },
  { PV_MOVE_KIND_DIRECT_ROUTING, "gina", NULL, FALSE, FALSE },
  /* Calling Plan: only Calling Plan numbers count, on-premises ones not. */
  { PV_MOVE_KIND_CALLING_PLAN, "ada", NULL, FALSE, FALSE },
  { PV_MOVE_KIND_CALLING_PLAN, "bruno", NULL, FALSE, FALSE },
  { PV_MOVE_KIND_CALLING_PLAN, "denis", "+33170360101", FALSE, FALSE },
  { PV_MOVE_KIND_CALLING_PLAN, "emma", "+33170360102", FALSE, TRUE },
  { PV_MOVE_KIND_CALLING_PLAN, "farid", "+33170360103", FALSE, TRUE },
  { PV_MOVE_KIND_CALLING_PLAN, "gina", NULL, FALSE, FALSE },
};

static gboolean
is_candidate (PvMovePlan *plan,
              const char *id)
{
  GListModel *candidates = pv_move_plan_get_candidates (plan);

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (candidates, i);

      if (g_strcmp0 (pv_user_get_id (user), id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_candidates (void)
{
  g_autoptr(PvMovePlan) direct_routing = make_plan (PV_MOVE_KIND_DIRECT_ROUTING, TRUE);
  g_autoptr(PvMovePlan) calling_plan = make_plan (PV_MOVE_KIND_CALLING_PLAN, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (pv_move_plan_get_candidates (direct_routing)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (pv_move_plan_get_candidates (calling_plan)), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (candidate_rows); i++)
    {
      const CandidateRow *row = &candidate_rows[i];
      PvMovePlan *plan = row->kind == PV_MOVE_KIND_CALLING_PLAN ? calling_plan : direct_routing;

      g_test_message ("row %u", i);
      g_assert_cmpint (is_candidate (plan, row->id), ==, row->current != NULL);
      g_assert_cmpstr (pv_move_plan_get_current_number (plan, row->id), ==, row->current);
      g_assert_cmpint (pv_move_plan_get_on_premises (plan, row->id), ==, row->on_premises);
      g_assert_cmpint (pv_move_plan_can_select (plan, row->id), ==, row->selectable);

      /* Choosing follows the readiness rule. */
      pv_move_plan_set_selected (plan, row->id, TRUE);
      g_assert_cmpint (pv_move_plan_get_selected (plan, row->id), ==, row->selectable);
      pv_move_plan_set_selected (plan, row->id, FALSE);
      g_assert_false (pv_move_plan_get_selected (plan, row->id));
    }
}

/* Why someone cannot be chosen is the readiness rule's summary. */
static void
test_problems (void)
{
  g_autoptr(PvMovePlan) direct_routing = make_plan (PV_MOVE_KIND_DIRECT_ROUTING, TRUE);
  g_autoptr(PvMovePlan) calling_plan = make_plan (PV_MOVE_KIND_CALLING_PLAN, TRUE);
  const PersonRow *rows[] = { &people_rows[0], &people_rows[2], &people_rows[3] };
  const char *expected[] = { NULL, "To do first: upgrade them to Teams only", "To do first: assign a Phone System licence" };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(PvUser) person = make_person (rows[i]);
      g_autofree char *problem = pv_move_plan_dup_problem (direct_routing, person);
      g_autofree char *summary = pv_voice_readiness_dup_summary (person, PV_NUMBER_TYPE_OPERATOR_CONNECT);
      g_autofree char *problem_cp = pv_move_plan_dup_problem (calling_plan, person);

      g_assert_cmpstr (problem, ==, summary);
      g_assert_cmpstr (problem_cp, ==, summary);
      if (expected[i] == NULL)
        g_assert_null (problem);
      else
        g_assert_cmpstr (problem, ==, expected[i]);
    }
}

typedef struct
{
  PvMoveKind      kind;
  gboolean        with_operators;
  const char     *select;         /* comma-separated */
  const char     *country;        /* NULL: as chosen by the plan */
  gboolean        acknowledged;
  PvMovePlanStep  step;
  const char     *reason;         /* NULL: complete */
} StatusRow;

static const StatusRow status_rows[] = {
  { PV_MOVE_KIND_DIRECT_ROUTING, TRUE, "", NULL, FALSE, PV_MOVE_PLAN_STEP_PEOPLE, "Choose at least one person." },
  /* Someone not ready is not chosen, so the step stays incomplete. */
  { PV_MOVE_KIND_DIRECT_ROUTING, TRUE, "chloe", NULL, FALSE, PV_MOVE_PLAN_STEP_PEOPLE, "Choose at least one person." },
  { PV_MOVE_KIND_DIRECT_ROUTING, TRUE, "ada", NULL, FALSE, PV_MOVE_PLAN_STEP_PEOPLE, NULL },
  { PV_MOVE_KIND_DIRECT_ROUTING, TRUE, "ada", NULL, FALSE, PV_MOVE_PLAN_STEP_OPERATOR, NULL },
  { PV_MOVE_KIND_DIRECT_ROUTING, FALSE, "ada", NULL, FALSE, PV_MOVE_PLAN_STEP_OPERATOR,
    "No operator is active for the tenant: connect an operator first." },
  { PV_MOVE_KIND_DIRECT_ROUTING, TRUE, "ada", "", FALSE, PV_MOVE_PLAN_STEP_OPERATOR, "Choose a country." },
  { PV_MOVE_KIND_DIRECT_ROUTING, TRUE, "ada", NULL, FALSE, PV_MOVE_PLAN_STEP_WARNING,
    "Confirm that you understand the numbers are out of service during the move." },
  { PV_MOVE_KIND_DIRECT_ROUTING, TRUE, "ada", NULL, TRUE, PV_MOVE_PLAN_STEP_WARNING, NULL },
  { PV_MOVE_KIND_DIRECT_ROUTING, TRUE, "ada", NULL, TRUE, PV_MOVE_PLAN_STEP_REVIEW, NULL },
  /* A later step is not complete while an earlier one is not. */
  { PV_MOVE_KIND_CALLING_PLAN, TRUE, "", NULL, TRUE, PV_MOVE_PLAN_STEP_REVIEW, "Choose at least one person." },
  { PV_MOVE_KIND_CALLING_PLAN, FALSE, "emma", NULL, TRUE, PV_MOVE_PLAN_STEP_REVIEW,
    "No operator is active for the tenant: connect an operator first." },
  { PV_MOVE_KIND_CALLING_PLAN, TRUE, "emma,farid", NULL, TRUE, PV_MOVE_PLAN_STEP_REVIEW, NULL },
};

static void
test_step_status (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_rows); i++)
    {
      const StatusRow *row = &status_rows[i];
      g_autoptr(PvMovePlan) plan = make_plan (row->kind, row->with_operators);
      g_auto(GStrv) ids = g_strsplit (row->select, ",", -1);
      g_autofree char *reason = NULL;
      gboolean complete;

      g_test_message ("row %u", i);
      for (guint j = 0; ids[j] != NULL; j++)
        if (*ids[j] != '\0')
          pv_move_plan_set_selected (plan, ids[j], TRUE);
      if (row->country != NULL)
        pv_move_plan_set_country (plan, *row->country != '\0' ? row->country : NULL);
      pv_move_plan_set_acknowledged (plan, row->acknowledged);

      complete = pv_move_plan_get_step_status (plan, row->step, &reason);
      g_assert_cmpint (complete, ==, row->reason == NULL);
      g_assert_cmpstr (reason, ==, row->reason);
    }
}

/* The active operator is chosen at once, with its first country; a
 * suspended one is not offered. */
static void
test_operators (void)
{
  g_autoptr(PvMovePlan) plan = make_plan (PV_MOVE_KIND_DIRECT_ROUTING, TRUE);
  g_auto(GStrv) countries = pv_move_plan_dup_countries (plan);

  g_assert_cmpuint (g_list_model_get_n_items (pv_move_plan_get_operators (plan)), ==, 1);
  g_assert_cmpstr (pv_move_plan_get_operator_id (plan), ==, "orange");
  g_assert_cmpstr (pv_move_plan_get_operator_name (plan), ==, "Orange Business");
  g_assert_cmpstr (pv_move_plan_get_country (plan), ==, "FR");
  g_assert_cmpuint (g_strv_length (countries), ==, 2);
  g_assert_cmpuint (pv_move_plan_get_n_operator_numbers (plan), ==, 2);
  pv_move_plan_set_country (plan, "BE");
  g_assert_cmpuint (pv_move_plan_get_n_operator_numbers (plan), ==, 1);
}

typedef struct
{
  PvMoveKind  kind;
  const char *select;
  gboolean    operator_numbers;
  const char *country;
  const char *targets;   /* per person chosen, "-" for none left */
  const char *run;       /* what the run moves them to */
} TargetRow;

static const TargetRow target_rows[] = {
  /* Their own numbers, which the operator takes over. */
  { PV_MOVE_KIND_DIRECT_ROUTING, "ada,bruno", FALSE, "FR", "+33190000001,+33123456791",
    "+33190000001,+33123456791" },
  { PV_MOVE_KIND_CALLING_PLAN, "emma,farid", FALSE, "FR", "+33170360102,+33170360103",
    "+33170360102,+33170360103" },
  /* The operator's free numbers in the country, in the candidates' order. */
  { PV_MOVE_KIND_DIRECT_ROUTING, "bruno,ada", TRUE, "FR", "+33180000001,+33180000002",
    "+33180000001,+33180000002" },
  { PV_MOVE_KIND_CALLING_PLAN, "farid", TRUE, "FR", "+33180000001", "+33180000001" },
  /* One left in Belgium: the second person has none, and keeps theirs
   * in the run, which then waits for the operator. */
  { PV_MOVE_KIND_CALLING_PLAN, "emma,farid", TRUE, "BE", "+3228000001,-", "+3228000001,+33170360103" },
};

static void
test_targets (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (target_rows); i++)
    {
      const TargetRow *row = &target_rows[i];
      g_autoptr(PvMovePlan) plan = make_plan (row->kind, TRUE);
      g_auto(GStrv) ids = g_strsplit (row->select, ",", -1);
      g_auto(GStrv) targets = g_strsplit (row->targets, ",", -1);
      g_auto(GStrv) run = g_strsplit (row->run, ",", -1);
      g_autoptr(GPtrArray) selection = NULL;

      g_test_message ("row %u", i);
      for (guint j = 0; ids[j] != NULL; j++)
        pv_move_plan_set_selected (plan, ids[j], TRUE);
      pv_move_plan_set_country (plan, row->country);
      pv_move_plan_set_use_operator_numbers (plan, row->operator_numbers);

      /* The targets go in the order of the selection, which is that of
       * the candidates, not of the choosing. */
      selection = pv_move_plan_dup_selection (plan);
      g_assert_cmpuint (selection->len, ==, g_strv_length (targets));
      for (guint j = 0; j < selection->len; j++)
        {
          const char *id = pv_user_get_id (g_ptr_array_index (selection, j));
          g_autofree char *target = pv_move_plan_dup_target_number (plan, id);
          g_autofree char *run_number = pv_move_plan_dup_run_number (plan, id);

          g_assert_cmpstr (target, ==, g_strcmp0 (targets[j], "-") == 0 ? NULL : targets[j]);
          g_assert_cmpstr (run_number, ==, run[j]);
        }
      /* Nobody not chosen is given a number. */
      g_assert_null (pv_move_plan_dup_run_number (plan, "gina"));
    }
}

static void
count_cb (PvMovePlan *plan,
          guint      *n)
{
  (*n)++;
}

/* Reading the tenant again keeps the choices of those still ready. */
static void
test_reload_keeps_choices (void)
{
  g_autoptr(PvMovePlan) plan = make_plan (PV_MOVE_KIND_DIRECT_ROUTING, TRUE);
  g_autoptr(GListStore) nobody = g_list_store_new (PV_TYPE_USER);
  guint n_changed = 0;

  pv_move_plan_set_selected (plan, "ada", TRUE);
  g_signal_connect (plan, "changed", G_CALLBACK (count_cb), &n_changed);
  pv_move_plan_set_selected (plan, "ada", TRUE);
  g_assert_cmpuint (n_changed, ==, 0);
  pv_move_plan_set_acknowledged (plan, TRUE);
  g_assert_cmpuint (n_changed, ==, 1);

  pv_move_plan_set_tenant (plan, "contoso-tenant-id", G_LIST_MODEL (nobody), NULL, NULL, NULL);
  g_assert_cmpuint (pv_move_plan_get_n_selected (plan), ==, 0);
  g_assert_null (pv_move_plan_get_operator_id (plan));
  g_assert_true (pv_move_plan_get_acknowledged (plan));
}

/* The reasons are translated. */
static void
test_reasons_fr (void)
{
  g_autoptr(PvMovePlan) plan = make_plan (PV_MOVE_KIND_DIRECT_ROUTING, FALSE);
  g_autofree char *people = NULL;
  g_autofree char *operator_ = NULL;

  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");
  pv_move_plan_get_step_status (plan, PV_MOVE_PLAN_STEP_PEOPLE, &people);
  pv_move_plan_set_selected (plan, "ada", TRUE);
  pv_move_plan_get_step_status (plan, PV_MOVE_PLAN_STEP_OPERATOR, &operator_);
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");

  g_assert_nonnull (people);
  g_assert_nonnull (operator_);
  g_assert_cmpstr (people, !=, "Choose at least one person.");
  g_assert_nonnull (strstr (operator_, "locataire"));
}

/* A number the operator takes over stays in its country: a move to
 * another country with numbers kept would leave the person with none. */
static void
test_kept_numbers_country (void)
{
  g_autoptr(PvMovePlan) plan = make_plan (PV_MOVE_KIND_CALLING_PLAN, TRUE);
  g_autofree char *reason = NULL;

  pv_move_plan_set_selected (plan, "emma", TRUE);
  pv_move_plan_set_selected (plan, "farid", TRUE);
  pv_move_plan_set_operator_id (plan, "orange");
  pv_move_plan_set_use_operator_numbers (plan, FALSE);

  pv_move_plan_set_country (plan, "FR");
  g_assert_true (pv_move_plan_get_step_status (plan, PV_MOVE_PLAN_STEP_OPERATOR, &reason));
  g_assert_null (reason);

  pv_move_plan_set_country (plan, "BE");
  g_assert_false (pv_move_plan_get_step_status (plan, PV_MOVE_PLAN_STEP_OPERATOR, &reason));
  g_assert_nonnull (strstr (reason, "emma, +33170360102"));
  g_assert_nonnull (strstr (reason, "“France”, not “Belgium”"));
  g_clear_pointer (&reason, g_free);
  g_assert_false (pv_move_plan_get_step_status (plan, PV_MOVE_PLAN_STEP_REVIEW, NULL));

  /* The operator's own numbers of that country do not have the problem. */
  pv_move_plan_set_use_operator_numbers (plan, TRUE);
  g_assert_true (pv_move_plan_get_step_status (plan, PV_MOVE_PLAN_STEP_OPERATOR, &reason));
  g_assert_null (reason);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, PV_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/move-plan/candidates", test_candidates);
  g_test_add_func ("/move-plan/problems", test_problems);
  g_test_add_func ("/move-plan/step-status", test_step_status);
  g_test_add_func ("/move-plan/operators", test_operators);
  g_test_add_func ("/move-plan/targets", test_targets);
  g_test_add_func ("/move-plan/reload-keeps-choices", test_reload_keeps_choices);
  g_test_add_func ("/move-plan/reasons-fr", test_reasons_fr);
  g_test_add_func ("/move-plan/kept-numbers-country", test_kept_numbers_country);

  return g_test_run ();
}
