/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pv-enable-plan.h"
#include "pv-enable-steps.h"
#include "pv-runner.h"
#include "pv-sandbox-server.h"
#include "pv-service-error.h"
#include "pv-service-calls.h"
#include "pv-service-test.h"
#include "pv-sip-domain.h"

/* Enabling people end to end: the client lists the sandbox tenant, a
 * plan decides the addresses, the runner applies them through the
 * extension API, and the tenant is read back to check what it holds.
 * The same run with faults injected (throttling, unavailability, dropped
 * connections) must end in the same tenant, with nobody failed. */

typedef PvServiceFixture Fixture;

static void
start (Fixture    *fixture,
       const char *faults)
{
  pv_service_fixture_open (fixture, "provisio-enable-run-XXXXXX");
  if (faults != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PvSandboxFaults) spec = pv_sandbox_faults_new (faults, &error);

      g_assert_no_error (error);
      pv_sandbox_server_set_faults (fixture->server, spec);
    }
  pv_service_fixture_start (fixture, TRUE);
}

static GListStore *
list_users (Fixture *fixture)
{
  GListStore *users = g_list_store_new (PV_TYPE_USER);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 count = -1;

  pv_service_client_list_users_async (fixture->client, users, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_service_client_list_users_finish (fixture->client, pv_test_wait_result (&result), &count, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, g_list_model_get_n_items (G_LIST_MODEL (users)));
  /* The seed tenant holds its hard cases among a few hundred people. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (users)), >=, 300);

  return users;
}

static PvEnablePlan *
make_plan (Fixture *fixture,
           guint    n_people)
{
  g_autoptr(GListStore) users = list_users (fixture);
  g_autoptr(GListStore) pools = g_list_store_new (PV_TYPE_POOL);
  g_autoptr(GListStore) domains = g_list_store_new (PV_TYPE_SIP_DOMAIN);
  g_autoptr(GListStore) selection = g_list_store_new (PV_TYPE_USER);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PvEnablePlan *plan = pv_enable_plan_new ();

  pv_service_client_list_pools_async (fixture->client, pools, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_service_client_list_pools_finish (fixture->client, pv_test_wait_result (&result), &error));
  g_clear_object (&result);
  pv_service_client_list_sip_domains_async (fixture->client, domains, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_service_client_list_sip_domains_finish (fixture->client, pv_test_wait_result (&result), &error));
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pools)); i++)
    {
      g_autoptr(PvPool) pool = g_list_model_get_item (G_LIST_MODEL (pools), i);

      if (pv_pool_get_kind (pool) == PV_POOL_KIND_ENTERPRISE && pv_enable_plan_get_pool (plan) == NULL)
        pv_enable_plan_set_pool (plan, pool);
    }
  g_assert_nonnull (pv_enable_plan_get_pool (plan));

  /* People synchronised from on-premises and not yet enabled: the ones
   * Enable-CsUser is for. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (users)) &&
                    g_list_model_get_n_items (G_LIST_MODEL (selection)) < n_people; i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (G_LIST_MODEL (users), i);

      if (pv_user_get_on_premises_sync_enabled (user) && pv_user_get_sip_address (user) == NULL)
        g_list_store_append (selection, user);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, n_people);

  pv_enable_plan_set_sip_domains (plan, G_LIST_MODEL (domains));
  pv_enable_plan_set_selection (plan, G_LIST_MODEL (selection));
  pv_enable_plan_set_format (plan, PV_SIP_FORMAT_EMAIL);
  pv_enable_plan_set_skip_problems (plan, TRUE);
  g_assert_true (pv_enable_plan_is_complete (plan, NULL));

  return plan;
}

static PvRunner *
run_plan (Fixture      *fixture,
          PvEnablePlan *plan,
          const char   *journal_name)
{
  g_autoptr(PvEnableSteps) steps = pv_enable_steps_new (fixture->client, plan);
  g_auto(GStrv) items = pv_enable_steps_dup_items (steps);
  g_autofree char *journal = g_build_filename (fixture->dir, journal_name, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PvRunner *runner;

  runner = pv_runner_new (PV_RUN_STEPS (steps), (const char *const *) items, "enable-users", journal, NULL);
  pv_runner_set_concurrency (runner, 4);
  pv_runner_run_async (runner, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_runner_run_finish (runner, pv_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pv_runner_get_n_finished (runner), ==, g_strv_length (items));

  return runner;
}

/* Reads the tenant back: every person the run enabled holds the planned
 * address on the planned pool. Returns how many were enabled. */
static guint
check_tenant (Fixture      *fixture,
              PvEnablePlan *plan,
              PvRunner     *runner)
{
  g_autoptr(GListStore) users = list_users (fixture);
  GListModel *results = pv_runner_get_results (runner);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  const char *pool = pv_pool_get_fqdn (pv_enable_plan_get_pool (plan));
  guint n_enabled = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (users)); i++)
    {
      PvUser *user = g_list_model_get_item (G_LIST_MODEL (users), i);

      g_hash_table_insert (by_id, (gpointer) pv_user_get_id (user), user);
      g_object_unref (user);  /* the store keeps it */
    }

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PvOperationResult) result = g_list_model_get_item (results, i);
      PvUser *user = g_hash_table_lookup (by_id, pv_operation_result_get_item (result));
      PvResultStatus status = pv_operation_result_get_status (result);

      g_assert_nonnull (user);
      /* Every person ends in a definite state; nobody failed. */
      g_assert_cmpint (status, !=, PV_RESULT_STATUS_FAILED);
      if (status == PV_RESULT_STATUS_SKIPPED)
        {
          g_assert_null (pv_user_get_sip_address (user));
          continue;
        }
      g_assert_cmpstr (pv_user_get_sip_address (user), ==, pv_operation_result_get_after (result));
      g_assert_cmpstr (pv_user_get_registrar_pool (user), ==, pool);
      n_enabled++;
    }

  return n_enabled;
}

static guint
count_status (PvRunner       *runner,
              PvResultStatus  status)
{
  GListModel *results = pv_runner_get_results (runner);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PvOperationResult) result = g_list_model_get_item (results, i);

      if (pv_operation_result_get_status (result) == status)
        n++;
    }

  return n;
}

static void
test_enable_and_repeat (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PvEnablePlan) plan = NULL;
  g_autoptr(PvRunner) first = NULL;
  g_autoptr(PvRunner) again = NULL;
  guint n_enabled, n_skipped;

  start (fixture, NULL);
  plan = make_plan (fixture, 40);

  first = run_plan (fixture, plan, "first.jsonl");
  n_skipped = count_status (first, PV_RESULT_STATUS_SKIPPED);
  g_assert_cmpuint (n_skipped, ==, pv_enable_plan_get_n_problems (plan));
  g_assert_cmpuint (count_status (first, PV_RESULT_STATUS_DONE), ==, 40 - n_skipped);
  n_enabled = check_tenant (fixture, plan, first);
  g_assert_cmpuint (n_enabled, ==, 40 - n_skipped);
  g_assert_cmpuint (n_enabled, >, 0);

  /* Running the same plan again changes nothing: all already done. */
  again = run_plan (fixture, plan, "again.jsonl");
  g_assert_cmpuint (count_status (again, PV_RESULT_STATUS_ALREADY_DONE), ==, n_enabled);
  g_assert_cmpuint (count_status (again, PV_RESULT_STATUS_DONE), ==, 0);
}

static void
test_dry_run_changes_nothing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(PvEnablePlan) plan = NULL;
  g_autoptr(PvRunner) runner = NULL;
  g_autoptr(GListStore) users = NULL;
  GListModel *results;

  start (fixture, NULL);
  plan = make_plan (fixture, 20);
  pv_enable_plan_set_dry_run (plan, TRUE);
  runner = run_plan (fixture, plan, "dry.jsonl");

  /* Every outcome says what would happen, nothing was done... */
  results = pv_runner_get_results (runner);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PvOperationResult) result = g_list_model_get_item (results, i);

      g_assert_cmpint (pv_operation_result_get_status (result), ==, PV_RESULT_STATUS_SKIPPED);
      /* Those a real run would enable carry the address they would get;
       * those with a problem have none. */
      if (g_str_has_prefix (pv_operation_result_get_message (result), "Dry run: would be enabled as "))
        g_assert_true (g_str_has_prefix (pv_operation_result_get_after (result), "sip:"));
      else
        g_assert_null (pv_operation_result_get_after (result));
    }
  g_assert_cmpuint (count_status (runner, PV_RESULT_STATUS_SKIPPED), ==, 20);

  /* ...and the tenant still has nobody of them enabled. */
  users = list_users (fixture);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PvOperationResult) result = g_list_model_get_item (results, i);

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (users)); j++)
        {
          g_autoptr(PvUser) user = g_list_model_get_item (G_LIST_MODEL (users), j);

          if (g_strcmp0 (pv_user_get_id (user), pv_operation_result_get_item (result)) == 0)
            g_assert_null (pv_user_get_sip_address (user));
        }
    }
}

static void
test_enable_through_faults (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(PvEnablePlan) plan = NULL;
  g_autoptr(PvRunner) runner = NULL;
  guint n_skipped;

  /* A quarter of the answers throttled, unavailable or cut. */
  start (fixture, "rate=0.25,kinds=429+503+drop,seed=11,retry-after=0");
  plan = make_plan (fixture, 40);
  runner = run_plan (fixture, plan, "faults.jsonl");

  n_skipped = count_status (runner, PV_RESULT_STATUS_SKIPPED);
  /* Dropped answers are checked or resent as the same request, which the
   * service counts once: done or already done, never failed, never twice. */
  g_assert_cmpuint (count_status (runner, PV_RESULT_STATUS_DONE) +
                    count_status (runner, PV_RESULT_STATUS_ALREADY_DONE), ==, 40 - n_skipped);
  g_assert_cmpuint (check_tenant (fixture, plan, runner), ==, 40 - n_skipped);
}

static void
cancel_after_five_cb (PvRunner          *runner,
                      PvOperationResult *result,
                      GCancellable      *cancellable)
{
  if (pv_runner_get_n_finished (runner) == 5)
    g_cancellable_cancel (cancellable);
}

/* A run resumed by a process that only has the journal: the steps are
 * built again from the plan the journal recorded, with the addresses the
 * run started with, and the run ends as if it had never stopped. */
static void
test_resume_from_recorded_plan (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(PvEnablePlan) plan = NULL;
  g_autoptr(PvEnableSteps) steps = NULL;
  g_autoptr(PvEnableSteps) again = NULL;
  g_autoptr(PvRunner) runner = NULL;
  g_autoptr(PvRunner) resumed = NULL;
  g_autoptr(PvRunState) state = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) items = NULL;
  g_auto(GStrv) items_again = NULL;
  g_autofree char *journal = NULL;
  guint n_skipped;

  start (fixture, NULL);
  plan = make_plan (fixture, 30);
  steps = pv_enable_steps_new (fixture->client, plan);
  pv_enable_steps_set_local_sandbox (steps, TRUE);
  items = pv_enable_steps_dup_items (steps);
  journal = g_build_filename (fixture->dir, "run-42.jsonl", NULL);

  runner = pv_runner_new (PV_RUN_STEPS (steps), (const char *const *) items, "enable-users", journal, NULL);
  /* The run is known by its journal's name. */
  g_assert_cmpstr (pv_runner_get_run_id (runner), ==, "run-42");
  pv_runner_set_concurrency (runner, 2);
  g_signal_connect (runner, "item-finished", G_CALLBACK (cancel_after_five_cb), cancellable);
  pv_runner_run_async (runner, cancellable, pv_test_store_result_cb, &result);
  g_assert_false (pv_runner_run_finish (runner, pv_test_wait_result (&result), &error));
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpuint (pv_runner_get_n_finished (runner), <, 30);

  state = pv_run_state_load (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pv_run_state_get_cancelled (state));
  g_assert_cmpuint (pv_run_state_get_n_items (state), ==, 30);
  g_assert_cmpuint (pv_run_state_get_n_finished (state), ==, pv_runner_get_n_finished (runner));
  g_assert_cmpint (pv_run_state_get_started (state), >, 0);
  g_assert_nonnull (pv_run_state_get_plan (state));

  again = pv_enable_steps_new_from_plan (fixture->client, pv_run_state_get_plan (state), &error);
  g_assert_no_error (error);
  items_again = pv_enable_steps_dup_items (again);
  g_assert_cmpstrv (items_again, items);
  g_assert_cmpstr (pv_enable_steps_get_pool (again), ==, pv_pool_get_fqdn (pv_enable_plan_get_pool (plan)));
  g_assert_cmpint (pv_enable_steps_get_format (again), ==, PV_SIP_FORMAT_EMAIL);
  g_assert_false (pv_enable_steps_get_dry_run (again));
  g_assert_true (pv_enable_steps_get_local_sandbox (again));

  resumed = pv_runner_new (PV_RUN_STEPS (again), (const char *const *) items_again, "enable-users", journal, state);
  pv_runner_run_async (resumed, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_runner_run_finish (resumed, pv_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pv_runner_get_n_finished (resumed), ==, 30);

  /* Everyone enabled with the planned address, those with a problem
   * skipped, nobody failed. */
  n_skipped = count_status (resumed, PV_RESULT_STATUS_SKIPPED);
  g_assert_cmpuint (n_skipped, ==, pv_enable_plan_get_n_problems (plan));
  g_assert_cmpuint (check_tenant (fixture, plan, resumed), ==, 30 - n_skipped);
}

/* The plan comes from a file on disk: anything odd in it is refused with
 * a clear error, never half used. */
static void
test_damaged_recorded_plan (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *plans[] = {
    "[]",
    "{}",
    "{\"version\":2,\"pool\":\"p\",\"format\":\"email\",\"dryRun\":false,\"skipProblems\":false,\"localSandbox\":true,\"people\":[]}",
    "{\"version\":1,\"pool\":\"\",\"format\":\"email\",\"dryRun\":false,\"skipProblems\":false,\"localSandbox\":true,\"people\":[]}",
    "{\"version\":1,\"pool\":\"p\",\"format\":\"nonsense\",\"dryRun\":false,\"skipProblems\":false,\"localSandbox\":true,\"people\":[]}",
    "{\"version\":1,\"pool\":\"p\",\"format\":\"email\",\"dryRun\":\"no\",\"skipProblems\":false,\"localSandbox\":true,\"people\":[]}",
    "{\"version\":1,\"pool\":\"p\",\"format\":\"email\",\"dryRun\":false,\"skipProblems\":false,\"localSandbox\":true,\"people\":{}}",
    "{\"version\":1,\"pool\":\"p\",\"format\":\"email\",\"dryRun\":false,\"skipProblems\":false,\"localSandbox\":true,\"people\":[{\"id\":\"a\"}]}",
    "{\"version\":1,\"pool\":\"p\",\"format\":\"email\",\"dryRun\":false,\"skipProblems\":false,\"localSandbox\":true,\"people\":[{\"id\":7,\"address\":\"sip:a@b\"}]}",
    "{\"version\":1,\"pool\":\"p\",\"format\":\"email\",\"dryRun\":false,\"skipProblems\":false,\"localSandbox\":true,\"people\":[{\"id\":\"a\",\"address\":\"sip:a@b\"},{\"id\":\"a\",\"address\":\"sip:a@b\"}]}",
  };
  const char *good = "{\"version\":1,\"pool\":\"p\",\"format\":\"email\",\"domain\":null,\"dryRun\":false,\"skipProblems\":true,\"localSandbox\":false,\"people\":[{\"id\":\"a\",\"address\":\"sip:a@b\",\"before\":null,\"problem\":null},{\"id\":\"b\",\"address\":null,\"problem\":\"No address.\"}]}";
  g_autoptr(PvEnableSteps) steps = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) items = NULL;
  const char *expected[] = { "a", "b", NULL };

  start (fixture, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_autoptr(JsonNode) bad = json_from_string (plans[i], NULL);
      g_autoptr(PvEnableSteps) refused = NULL;

      g_assert_nonnull (bad);
      refused = pv_enable_steps_new_from_plan (fixture->client, bad, &error);
      g_assert_null (refused);
      g_assert_error (error, PV_RUN_JOURNAL_ERROR, PV_RUN_JOURNAL_ERROR_CORRUPT);
      g_clear_error (&error);
    }

  node = json_from_string (good, NULL);
  steps = pv_enable_steps_new_from_plan (fixture->client, node, &error);
  g_assert_no_error (error);
  items = pv_enable_steps_dup_items (steps);
  g_assert_cmpstrv (items, expected);
  g_assert_null (pv_enable_steps_get_domain (steps));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/enable-run/enable-and-repeat", Fixture, NULL, NULL, test_enable_and_repeat, pv_service_fixture_tear_down);
  g_test_add ("/enable-run/dry-run-changes-nothing", Fixture, NULL, NULL, test_dry_run_changes_nothing, pv_service_fixture_tear_down);
  g_test_add ("/enable-run/through-faults", Fixture, NULL, NULL, test_enable_through_faults, pv_service_fixture_tear_down);
  g_test_add ("/enable-run/resume-from-recorded-plan", Fixture, NULL, NULL, test_resume_from_recorded_plan, pv_service_fixture_tear_down);
  g_test_add ("/enable-run/damaged-recorded-plan", Fixture, NULL, NULL, test_damaged_recorded_plan, pv_service_fixture_tear_down);

  return g_test_run ();
}
