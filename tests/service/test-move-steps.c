/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "pv-move-steps.h"
#include "pv-phone-number.h"
#include "pv-run-store.h"
#include "pv-runner.h"
#include "pv-sandbox-server.h"
#include "pv-service-error.h"
#include "pv-service-test.h"
#include "pv-user.h"
#include "pv-voice-calls.h"

/* The guided moves to Operator Connect against the sandbox tenant: a
 * Direct Routing person moved step by step with the tenant read back
 * after each step; a run where one person fails, one waits for the
 * operator and one is refused before anything changes, while the others
 * go on; and a second run that picks up each person where they stopped. */

/* Seed people (data/sandbox/seed-tenant.json). TeamsOnly with Phone
 * System: */
#define JEROME   "adb645d0-47d8-559d-ac20-0e95d64d17a7"   /* homed online */
#define THOMAS_G "1fdda0ac-e452-5253-8db8-91016b18c4b3"   /* homed on pool02 */
#define INES     "411eb501-b9e2-5cee-82d6-c4d73e059c1b"   /* homed on se01 */
#define EMILIE   "daedacb3-1c46-577e-baff-903210df588a"   /* homed on pool01 */
#define HELENE   "f8b94c44-a02c-547e-b82e-7429c551dcdd"   /* holds +33180009998 */
/* Islands, OnPremLineURI set: cannot get an Operator Connect number. */
#define THOMAS_E "627a9042-bf8b-59f7-81d3-5d7b17952419"

typedef PvServiceFixture Fixture;

static JsonNode *
post (Fixture    *fixture,
      const char *path,
      const char *json)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = json_from_string (json, &error);
  g_autoptr(PvServiceResponse) response = NULL;

  g_assert_no_error (error);
  pv_service_client_request_async (fixture->client, SOUP_METHOD_POST, path, body, PV_REQUEST_FLAGS_NONE,
                                   NULL, pv_test_store_result_cb, &result);
  response = pv_service_client_request_finish (fixture->client, pv_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (response);

  return pv_service_response_get_body (response) != NULL
    ? json_node_copy (pv_service_response_get_body (response)) : NULL;
}

static PvUser *
get_user (Fixture    *fixture,
          const char *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PvServiceResponse) response = NULL;
  g_autofree char *path = g_strdup_printf ("/v1.0/users/%s?$select=id,displayName,lineUri,onPremLineUri,"
                                           "voiceRoutingPolicy,teamsUpgradeEffectiveMode", id);
  PvUser *user;

  pv_service_client_request_async (fixture->client, SOUP_METHOD_GET, path, NULL, PV_REQUEST_FLAGS_NONE,
                                   NULL, pv_test_store_result_cb, &result);
  response = pv_service_client_request_finish (fixture->client, pv_test_wait_result (&result), &error);
  g_assert_no_error (error);
  user = pv_user_new_from_json (pv_service_response_get_body (response), "user", &error);
  g_assert_no_error (error);

  return user;
}

static PvPhoneNumber *
get_number (Fixture    *fixture,
            const char *number)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PvPhoneNumber *found;

  pv_service_client_get_number_async (fixture->client, number, NULL, pv_test_store_result_cb, &result);
  found = pv_service_client_get_number_finish (fixture->client, pv_test_wait_result (&result), &error);
  g_assert_no_error (error);

  return found;
}

static void
assign (Fixture      *fixture,
        const char   *number,
        const char   *user,
        PvNumberType  type)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pv_service_client_assign_number_async (fixture->client, number, user, type, NULL, NULL,
                                         pv_test_store_result_cb, &result);
  g_assert_true (pv_service_client_assign_number_finish (fixture->client, pv_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

static void
unassign (Fixture      *fixture,
          const char   *number,
          PvNumberType  type)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pv_service_client_unassign_number_async (fixture->client, number, type, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_service_client_unassign_number_finish (fixture->client, pv_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

/* A Direct Routing person as the documented case has them: a number and
 * an online voice routing policy. */
static void
give_direct_routing_online (Fixture    *fixture,
                            const char *user,
                            const char *number)
{
  g_autofree char *path = g_strdup_printf ("/provisio/v1/users/%s/grantVoiceRoutingPolicy", user);
  g_autoptr(JsonNode) granted = NULL;

  assign (fixture, number, user, PV_NUMBER_TYPE_DIRECT_ROUTING);
  granted = post (fixture, path, "{\"policyName\":\"France-National\"}");
}

static void
give_direct_routing_on_premises (Fixture    *fixture,
                                 const char *user,
                                 const char *line_uri,
                                 const char *policy)
{
  g_autofree char *path = g_strdup_printf ("/provisio/v1/users/%s/setVoice", user);
  g_autofree char *body = g_strdup_printf ("{\"enterpriseVoiceEnabled\":true,\"lineUri\":\"%s\"}", line_uri);
  g_autofree char *grant_path = g_strdup_printf ("/provisio/v1/users/%s/grantVoiceRoutingPolicy", user);
  g_autofree char *grant_body = g_strdup_printf ("{\"policyName\":\"%s\"}", policy);
  g_autoptr(JsonNode) set = post (fixture, path, body);
  g_autoptr(JsonNode) granted = post (fixture, grant_path, grant_body);
  g_autoptr(PvUser) check = get_user (fixture, user);

  /* Homed on-premises: the sandbox synchronises the line URI at once. */
  g_assert_cmpstr (pv_user_get_on_prem_line_uri (check), ==, line_uri);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  pv_service_fixture_open (fixture, "provisio-move-steps-XXXXXX");
  /* Number operations end as soon as they are polled. */
  pv_sandbox_server_set_operation_delay (fixture->server, 0);
  pv_service_fixture_start (fixture, TRUE);
}

static PvOperationResult *
apply (PvMoveSteps *steps,
       const char  *item,
       guint        step)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PvOperationResult *outcome;

  pv_run_steps_apply_step_async (PV_RUN_STEPS (steps), item, step, FALSE, NULL, pv_test_store_result_cb, &result);
  outcome = pv_run_steps_apply_step_finish (PV_RUN_STEPS (steps), pv_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (outcome);
  g_assert_cmpstr (pv_operation_result_get_item (outcome), ==, item);
  g_assert_nonnull (pv_operation_result_get_message (outcome));

  return outcome;
}

static void
test_online_person_step_by_step (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(PvMoveSteps) steps = pv_move_steps_new (fixture->client, PV_MOVE_KIND_DIRECT_ROUTING,
                                                    "orange-business", "Orange Business");
  g_autoptr(PvOperationResult) outcome = NULL;
  g_autoptr(PvUser) user = NULL;
  g_autoptr(PvPhoneNumber) number = NULL;

  give_direct_routing_online (fixture, JEROME, "+33190000000");
  pv_move_steps_add_person (steps, JEROME, "+33190000000", "+33180000000");

  /* 1. The Direct Routing number leaves him, online. */
  outcome = apply (steps, JEROME, 0);
  g_assert_cmpint (pv_operation_result_get_status (outcome), ==, PV_RESULT_STATUS_DONE);
  user = get_user (fixture, JEROME);
  g_assert_null (pv_user_get_line_uri (user));
  g_assert_cmpstr (pv_user_get_voice_routing_policy (user), ==, "France-National");
  number = get_number (fixture, "+33190000000");
  g_assert_cmpint (pv_phone_number_get_status (number), ==, PV_NUMBER_STATUS_UNASSIGNED);
  g_assert_true (pv_move_steps_get_step_result (steps, JEROME, 0) == outcome);
  g_clear_object (&outcome);
  g_clear_object (&user);
  g_clear_object (&number);

  /* 2. The online voice routing policy goes. */
  outcome = apply (steps, JEROME, 1);
  g_assert_cmpint (pv_operation_result_get_status (outcome), ==, PV_RESULT_STATUS_DONE);
  user = get_user (fixture, JEROME);
  g_assert_null (pv_user_get_voice_routing_policy (user));
  g_clear_object (&outcome);
  g_clear_object (&user);

  /* 3. The operator's number is in the tenant: nothing to send. */
  outcome = apply (steps, JEROME, 2);
  g_assert_cmpint (pv_operation_result_get_status (outcome), ==, PV_RESULT_STATUS_ALREADY_DONE);
  number = get_number (fixture, "+33180000000");
  g_assert_cmpint (pv_phone_number_get_status (number), ==, PV_NUMBER_STATUS_UNASSIGNED);
  g_clear_object (&outcome);
  g_clear_object (&number);

  /* 4. Assigned as an Operator Connect number. */
  outcome = apply (steps, JEROME, 3);
  g_assert_cmpint (pv_operation_result_get_status (outcome), ==, PV_RESULT_STATUS_DONE);
  g_assert_cmpstr (pv_operation_result_get_before (outcome), ==, "+33190000000");
  g_assert_cmpstr (pv_operation_result_get_after (outcome), ==, "+33180000000");
  number = get_number (fixture, "+33180000000");
  g_assert_cmpint (pv_phone_number_get_status (number), ==, PV_NUMBER_STATUS_ASSIGNED);
  g_assert_cmpstr (pv_phone_number_get_assigned_user_id (number), ==, JEROME);
  user = get_user (fixture, JEROME);
  g_assert_cmpstr (pv_user_get_line_uri (user), ==, "tel:+33180000000");
  g_clear_object (&outcome);

  /* Each step again: all there, nothing sent twice. */
  for (guint step = 0; step < PV_MOVE_N_STEPS; step++)
    {
      outcome = apply (steps, JEROME, step);
      g_assert_cmpint (pv_operation_result_get_status (outcome), ==, PV_RESULT_STATUS_ALREADY_DONE);
      g_clear_object (&outcome);
    }
}

static void
test_on_premises_person_step_by_step (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(PvMoveSteps) steps = pv_move_steps_new (fixture->client, PV_MOVE_KIND_DIRECT_ROUTING,
                                                    "orange-business", "Orange Business");
  g_autoptr(PvOperationResult) outcome = NULL;
  g_autoptr(PvUser) user = NULL;

  give_direct_routing_on_premises (fixture, THOMAS_G, "tel:+33123456790", "International");
  pv_move_steps_add_person (steps, THOMAS_G, "+33123456790", "+33180000001");

  /* OnPremLineURI set: removed on-premises, and synchronised. */
  outcome = apply (steps, THOMAS_G, 0);
  g_assert_cmpint (pv_operation_result_get_status (outcome), ==, PV_RESULT_STATUS_DONE);
  g_assert_nonnull (strstr (pv_operation_result_get_message (outcome), "Set-CsUser"));
  user = get_user (fixture, THOMAS_G);
  g_assert_null (pv_user_get_on_prem_line_uri (user));
  g_assert_null (pv_user_get_line_uri (user));
  g_clear_object (&outcome);
  g_clear_object (&user);

  outcome = apply (steps, THOMAS_G, 1);
  g_assert_cmpint (pv_operation_result_get_status (outcome), ==, PV_RESULT_STATUS_DONE);
  user = get_user (fixture, THOMAS_G);
  g_assert_null (pv_user_get_voice_routing_policy (user));
  g_clear_object (&outcome);
  g_clear_object (&user);

  outcome = apply (steps, THOMAS_G, 2);
  g_assert_cmpint (pv_operation_result_get_status (outcome), ==, PV_RESULT_STATUS_ALREADY_DONE);
  g_clear_object (&outcome);

  outcome = apply (steps, THOMAS_G, 3);
  g_assert_cmpint (pv_operation_result_get_status (outcome), ==, PV_RESULT_STATUS_DONE);
  user = get_user (fixture, THOMAS_G);
  g_assert_cmpstr (pv_user_get_line_uri (user), ==, "tel:+33180000001");
}

typedef struct
{
  guint n_steps;
  guint n_items;
} Counts;

static void
step_finished_cb (PvMoveSteps       *steps,
                  const char        *item,
                  guint              step,
                  PvOperationResult *result,
                  Counts            *counts)
{
  counts->n_steps++;
}

static void
item_finished_cb (PvRunner          *runner,
                  PvOperationResult *result,
                  Counts            *counts)
{
  counts->n_items++;
}

static void
run (PvRunSteps         *steps,
     const char * const *items,
     const char         *journal)
{
  g_autoptr(PvRunner) runner = pv_runner_new (steps, items, "move-direct-routing", journal, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Counts counts = { 0, 0 };

  g_signal_connect (runner, "item-finished", G_CALLBACK (item_finished_cb), &counts);
  pv_runner_run_async (runner, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_runner_run_finish (runner, pv_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_items, ==, g_strv_length ((char **) items));
  g_assert_cmpuint (pv_runner_get_n_finished (runner), ==, g_strv_length ((char **) items));
}

static PvResultStatus
status_of (PvMoveSteps *steps,
           const char  *item,
           guint        step)
{
  PvOperationResult *result = pv_move_steps_get_step_result (steps, item, step);

  g_assert_nonnull (result);
  return pv_operation_result_get_status (result);
}

static void
test_failures_stop_one_person (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(PvMoveSteps) steps = pv_move_steps_new (fixture->client, PV_MOVE_KIND_DIRECT_ROUTING,
                                                    "orange-business", "Orange Business");
  g_autoptr(PvMoveSteps) again = NULL;
  g_autofree char *journal = g_build_filename (fixture->dir, "run.jsonl", NULL);
  g_autofree char *journal2 = g_build_filename (fixture->dir, "run2.jsonl", NULL);
  g_autoptr(PvUser) user = NULL;
  g_autoptr(PvPhoneNumber) number = NULL;
  g_auto(GStrv) items = NULL;
  Counts counts = { 0, 0 };
  const char *retry[] = { INES, EMILIE, NULL };

  give_direct_routing_online (fixture, JEROME, "+33190000001");
  give_direct_routing_on_premises (fixture, INES, "tel:+33123456791", "France-National");
  give_direct_routing_on_premises (fixture, EMILIE, "tel:+33123456792", "France-National");
  pv_move_steps_set_tenant_id (steps, "contoso-tenant-id");

  pv_move_steps_add_person (steps, JEROME, "+33190000001", "+33180000002");
  /* Her number is someone else's: she stops at step 3. */
  pv_move_steps_add_person (steps, INES, "+33123456791", "+33180009998");
  /* Hers is not in the tenant yet: the operator has to provide it. */
  pv_move_steps_add_person (steps, EMILIE, "+33123456792", "+33180000099");
  /* Islands: refused before anything changes. */
  pv_move_steps_add_person (steps, THOMAS_E, "+33123456701", "+33180000003");
  g_signal_connect (steps, "step-finished", G_CALLBACK (step_finished_cb), &counts);

  items = pv_move_steps_dup_items (steps);
  g_assert_cmpuint (g_strv_length (items), ==, 4);
  run (PV_RUN_STEPS (steps), (const char * const *) items, journal);

  /* Jérôme: the four steps. */
  g_assert_cmpint (status_of (steps, JEROME, 0), ==, PV_RESULT_STATUS_DONE);
  g_assert_cmpint (status_of (steps, JEROME, 1), ==, PV_RESULT_STATUS_DONE);
  g_assert_cmpint (status_of (steps, JEROME, 2), ==, PV_RESULT_STATUS_ALREADY_DONE);
  g_assert_cmpint (status_of (steps, JEROME, 3), ==, PV_RESULT_STATUS_DONE);
  user = get_user (fixture, JEROME);
  g_assert_cmpstr (pv_user_get_line_uri (user), ==, "tel:+33180000002");
  g_clear_object (&user);

  /* Inès: removed, then stopped at the number held by Hélène. */
  g_assert_cmpint (status_of (steps, INES, 0), ==, PV_RESULT_STATUS_DONE);
  g_assert_cmpint (status_of (steps, INES, 1), ==, PV_RESULT_STATUS_DONE);
  g_assert_cmpint (status_of (steps, INES, 2), ==, PV_RESULT_STATUS_FAILED);
  g_assert_null (pv_move_steps_get_step_result (steps, INES, 3));
  number = get_number (fixture, "+33180009998");
  g_assert_cmpstr (pv_phone_number_get_assigned_user_id (number), ==, HELENE);
  g_clear_object (&number);

  /* Émilie: waits for the operator, said so, not done. */
  g_assert_cmpint (status_of (steps, EMILIE, 2), ==, PV_RESULT_STATUS_SKIPPED);
  g_assert_nonnull (strstr (pv_operation_result_get_message (pv_move_steps_get_step_result (steps, EMILIE, 2)),
                            "contoso-tenant-id"));
  g_assert_null (pv_move_steps_get_step_result (steps, EMILIE, 3));

  /* Thomas: refused at the first step, his number untouched. */
  g_assert_cmpint (status_of (steps, THOMAS_E, 0), ==, PV_RESULT_STATUS_FAILED);
  g_assert_null (pv_move_steps_get_step_result (steps, THOMAS_E, 1));
  user = get_user (fixture, THOMAS_E);
  g_assert_cmpstr (pv_user_get_on_prem_line_uri (user), ==, "tel:+33123456701");
  g_assert_cmpstr (pv_user_get_voice_routing_policy (user), ==, "France-National");
  g_clear_object (&user);

  g_assert_cmpuint (counts.n_steps, ==, 4 + 3 + 3 + 1);

  /* Each person's move as one result, as the exports write it. */
  {
    g_autoptr(PvOperationResult) moved = pv_move_steps_dup_person_result (steps, JEROME, FALSE);
    g_autoptr(PvOperationResult) failed = pv_move_steps_dup_person_result (steps, INES, TRUE);
    g_autoptr(PvOperationResult) waiting = pv_move_steps_dup_person_result (steps, EMILIE, TRUE);
    g_autoptr(PvOperationResult) refused = pv_move_steps_dup_person_result (steps, THOMAS_E, TRUE);

    g_assert_null (pv_move_steps_dup_person_result (steps, HELENE, FALSE));

    g_assert_cmpint (pv_operation_result_get_status (moved), ==, PV_RESULT_STATUS_DONE);
    g_assert_cmpstr (pv_operation_result_get_before (moved), ==, "+33190000001");
    g_assert_cmpstr (pv_operation_result_get_after (moved), ==, "+33180000002");
    g_assert_cmpuint (pv_operation_result_get_n_steps (moved), ==, 4);
    g_assert_cmpstr (pv_operation_result_get_item (pv_operation_result_get_step (moved, 0)), ==, "removeNumberOnline");
    g_assert_cmpstr (pv_operation_result_get_item (pv_operation_result_get_step (moved, 2)), ==, "acquireNumber");
    g_assert_cmpint (pv_operation_result_get_status (pv_operation_result_get_step (moved, 2)), ==,
                     PV_RESULT_STATUS_ALREADY_DONE);

    /* The reason is the failed step's, the steps stop there. */
    g_assert_cmpint (pv_operation_result_get_status (failed), ==, PV_RESULT_STATUS_FAILED);
    g_assert_cmpuint (pv_operation_result_get_n_steps (failed), ==, 3);
    g_assert_cmpuint (pv_operation_result_get_n_planned_steps (failed), ==, 4);
    g_assert_cmpstr (pv_operation_result_get_item (pv_operation_result_get_step (failed, 0)), ==, "removeNumberOnPremises");
    g_assert_cmpstr (pv_operation_result_get_message (failed), ==,
                     pv_operation_result_get_message (pv_move_steps_get_step_result (steps, INES, 2)));
    g_assert_nonnull (strstr (pv_operation_result_get_message (failed), "someone else"));

    g_assert_cmpint (pv_operation_result_get_status (waiting), ==, PV_RESULT_STATUS_SKIPPED);
    g_assert_nonnull (strstr (pv_operation_result_get_message (waiting), "contoso-tenant-id"));

    g_assert_cmpint (pv_operation_result_get_status (refused), ==, PV_RESULT_STATUS_FAILED);
    g_assert_cmpuint (pv_operation_result_get_n_steps (refused), ==, 1);
    g_assert_nonnull (strstr (pv_operation_result_get_message (refused), "not Teams only"));
  }

  /* Hélène's number is freed for Inès; the operator uploads Émilie's
   * (here: another of its numbers is chosen instead). A second run
   * continues each at the step where they stopped: the first two are
   * found done and not sent again. */
  unassign (fixture, "+33180009998", PV_NUMBER_TYPE_OPERATOR_CONNECT);
  again = pv_move_steps_new (fixture->client, PV_MOVE_KIND_DIRECT_ROUTING, "orange-business", "Orange Business");
  pv_move_steps_add_person (again, INES, "+33123456791", "+33180009998");
  pv_move_steps_add_person (again, EMILIE, "+33123456792", "+33180000004");
  run (PV_RUN_STEPS (again), retry, journal2);
  for (guint i = 0; retry[i] != NULL; i++)
    {
      g_assert_cmpint (status_of (again, retry[i], 0), ==, PV_RESULT_STATUS_ALREADY_DONE);
      g_assert_cmpint (status_of (again, retry[i], 1), ==, PV_RESULT_STATUS_ALREADY_DONE);
      g_assert_cmpint (status_of (again, retry[i], 2), ==, PV_RESULT_STATUS_ALREADY_DONE);
      g_assert_cmpint (status_of (again, retry[i], 3), ==, PV_RESULT_STATUS_DONE);
    }
  user = get_user (fixture, INES);
  g_assert_cmpstr (pv_user_get_line_uri (user), ==, "tel:+33180009998");
  g_clear_object (&user);
  user = get_user (fixture, EMILIE);
  g_assert_cmpstr (pv_user_get_line_uri (user), ==, "tel:+33180000004");
}

/* A run cut short (cancelled after the first person's first steps)
 * resumes from its journal at the step where each person was. */
static void
test_resume_from_journal (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PvMoveSteps) steps = pv_move_steps_new (fixture->client, PV_MOVE_KIND_DIRECT_ROUTING,
                                                    "orange-business", "Orange Business");
  g_autofree char *journal = g_build_filename (fixture->dir, "cut.jsonl", NULL);
  g_autoptr(PvRunner) runner = NULL;
  g_autoptr(PvRunner) resumed = NULL;
  g_autoptr(PvRunState) state = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PvUser) user = NULL;
  const char *items[] = { JEROME, NULL };

  give_direct_routing_online (fixture, JEROME, "+33190000002");
  pv_move_steps_add_person (steps, JEROME, "+33190000002", "+33180000003");

  /* Cancelled once the policy step has an outcome. */
  g_signal_connect_swapped (steps, "step-finished", G_CALLBACK (g_cancellable_cancel), cancellable);
  runner = pv_runner_new (PV_RUN_STEPS (steps), items, "move-direct-routing", journal, NULL);
  pv_runner_set_concurrency (runner, 1);
  pv_runner_run_async (runner, cancellable, pv_test_store_result_cb, &result);
  g_assert_false (pv_runner_run_finish (runner, pv_test_wait_result (&result), &error));
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  g_signal_handlers_disconnect_by_func (steps, G_CALLBACK (g_cancellable_cancel), cancellable);

  user = get_user (fixture, JEROME);
  g_assert_null (pv_user_get_line_uri (user));
  g_clear_object (&user);

  state = pv_run_state_load (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (pv_run_state_get_final_result (state, JEROME));
  g_assert_cmpuint (pv_run_state_get_next_step (state, JEROME), >=, 1);

  resumed = pv_runner_new (PV_RUN_STEPS (steps), items, "move-direct-routing", journal, state);
  pv_runner_run_async (resumed, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_runner_run_finish (resumed, pv_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (steps, JEROME, 3), ==, PV_RESULT_STATUS_DONE);
  user = get_user (fixture, JEROME);
  g_assert_cmpstr (pv_user_get_line_uri (user), ==, "tel:+33180000003");
  g_assert_null (pv_user_get_voice_routing_policy (user));
}

/* Calling Plan: nobody goes past the port until the administrator says
 * the operator completed it. */
static void
test_calling_plan (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PvMoveSteps) steps = pv_move_steps_new (fixture->client, PV_MOVE_KIND_CALLING_PLAN,
                                                    "orange-business", "Orange Business");
  g_autoptr(PvOperationResult) outcome = NULL;
  g_autoptr(PvPhoneNumber) number = NULL;
  g_autoptr(PvUser) user = NULL;

  assign (fixture, "+14255550000", JEROME, PV_NUMBER_TYPE_CALLING_PLAN);
  pv_move_steps_add_person (steps, JEROME, "+14255550000", "+33180000004");

  outcome = apply (steps, JEROME, 0);
  g_assert_cmpint (pv_operation_result_get_status (outcome), ==, PV_RESULT_STATUS_SKIPPED);
  g_clear_object (&outcome);
  number = get_number (fixture, "+14255550000");
  g_assert_cmpstr (pv_phone_number_get_assigned_user_id (number), ==, JEROME);
  g_clear_object (&number);

  pv_move_steps_set_port_confirmed (steps, TRUE);
  outcome = apply (steps, JEROME, 0);
  g_assert_cmpint (pv_operation_result_get_status (outcome), ==, PV_RESULT_STATUS_ALREADY_DONE);
  g_clear_object (&outcome);

  outcome = apply (steps, JEROME, 1);
  g_assert_cmpint (pv_operation_result_get_status (outcome), ==, PV_RESULT_STATUS_DONE);
  g_clear_object (&outcome);
  number = get_number (fixture, "+14255550000");
  g_assert_cmpint (pv_phone_number_get_status (number), ==, PV_NUMBER_STATUS_UNASSIGNED);

  outcome = apply (steps, JEROME, 2);
  g_assert_cmpint (pv_operation_result_get_status (outcome), ==, PV_RESULT_STATUS_ALREADY_DONE);
  g_clear_object (&outcome);
  outcome = apply (steps, JEROME, 3);
  g_assert_cmpint (pv_operation_result_get_status (outcome), ==, PV_RESULT_STATUS_DONE);
  user = get_user (fixture, JEROME);
  g_assert_cmpstr (pv_user_get_line_uri (user), ==, "tel:+33180000004");
}

/* Calling Plan with the sandbox's port orders (data/sandbox/make-seed.py):
 * step 1 goes by the order, whatever the administrator ticked; until the
 * operator has uploaded the number, step 3 waits for it. */
#define GAELLE "ab6c3e32-a01e-5990-b8ab-ac53b18a8d33"   /* +33170360101, order complete */
#define JOSE   "fcc2d393-c071-5c76-97f6-130504bd8466"   /* +33170360102, order complete */
#define SEAN   "cfb7c756-10ce-5b3f-8784-47c4ed329a0d"   /* +33170360105, order pending */

static void
test_calling_plan_port_orders (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(PvMoveSteps) steps = pv_move_steps_new (fixture->client, PV_MOVE_KIND_CALLING_PLAN,
                                                    "orange-business", "Orange Business");
  g_autoptr(PvMoveSteps) elsewhere = pv_move_steps_new (fixture->client, PV_MOVE_KIND_CALLING_PLAN,
                                                        "bt", "BT");
  g_autoptr(PvOperationResult) outcome = NULL;
  g_autoptr(PvPhoneNumber) number = NULL;

  /* The operator takes an hour: the number is not back yet. */
  pv_sandbox_server_set_upload_delay (fixture->server, 3600 * 1000);
  pv_move_steps_set_port_confirmed (steps, TRUE);
  pv_move_steps_set_port_confirmed (elsewhere, TRUE);
  pv_move_steps_add_person (steps, GAELLE, "+33170360101", "+33170360101");
  pv_move_steps_add_person (steps, SEAN, "+33170360105", "+33170360105");
  pv_move_steps_add_person (elsewhere, JOSE, "+33170360102", "+33170360102");

  outcome = apply (steps, GAELLE, 0);
  g_assert_cmpint (pv_operation_result_get_status (outcome), ==, PV_RESULT_STATUS_ALREADY_DONE);
  g_assert_nonnull (strstr (pv_operation_result_get_message (outcome), "FR-2026-00417"));
  g_clear_object (&outcome);
  outcome = apply (steps, GAELLE, 1);
  g_assert_cmpint (pv_operation_result_get_status (outcome), ==, PV_RESULT_STATUS_DONE);
  g_clear_object (&outcome);
  outcome = apply (steps, GAELLE, 2);
  g_assert_cmpint (pv_operation_result_get_status (outcome), ==, PV_RESULT_STATUS_SKIPPED);
  g_assert_true (g_str_has_prefix (pv_operation_result_get_message (outcome), "Waiting for the operator: "));
  g_clear_object (&outcome);
  number = get_number (fixture, "+33170360101");
  g_assert_cmpint (pv_phone_number_get_number_type (number), ==, PV_NUMBER_TYPE_CALLING_PLAN);
  g_assert_cmpint (pv_phone_number_get_status (number), ==, PV_NUMBER_STATUS_UNASSIGNED);
  g_clear_object (&number);

  /* A pending order stops the person, the port ticked or not. */
  outcome = apply (steps, SEAN, 0);
  g_assert_cmpint (pv_operation_result_get_status (outcome), ==, PV_RESULT_STATUS_SKIPPED);
  g_assert_nonnull (strstr (pv_operation_result_get_message (outcome), "FR-2026-00452"));
  g_clear_object (&outcome);

  /* Ported to Orange Business, moved with BT: refused, nothing done. */
  outcome = apply (elsewhere, JOSE, 0);
  g_assert_cmpint (pv_operation_result_get_status (outcome), ==, PV_RESULT_STATUS_FAILED);
  g_assert_nonnull (strstr (pv_operation_result_get_message (outcome), "with Orange Business, not with BT"));
  g_clear_object (&outcome);
  number = get_number (fixture, "+33170360102");
  g_assert_cmpstr (pv_phone_number_get_assigned_user_id (number), ==, JOSE);
  g_assert_cmpint (pv_phone_number_get_number_type (number), ==, PV_NUMBER_TYPE_CALLING_PLAN);
}

typedef struct
{
  GHashTable *steps;   /* item → number of steps that had an outcome */
} Touched;

static void
touched_cb (PvMoveSteps       *steps,
            const char        *item,
            guint              step,
            PvOperationResult *result,
            GHashTable        *touched)
{
  g_hash_table_insert (touched, g_strdup (item),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (touched, item)) + 1));
}

static void
cancel_after_jose_unassigned (PvMoveSteps       *steps,
                              const char        *item,
                              guint              step,
                              PvOperationResult *result,
                              GCancellable      *cancellable)
{
  if (g_strcmp0 (item, JOSE) == 0 && step == 1)
    g_cancellable_cancel (cancellable);
}

static void
run_resumed (PvMoveSteps *steps,
             const char  *journal,
             PvRunState  *state)
{
  g_auto(GStrv) items = pv_move_steps_dup_items (steps);
  g_autoptr(PvRunner) runner = pv_runner_new (PV_RUN_STEPS (steps), (const char * const *) items,
                                              pv_run_state_get_flow (state), journal, state);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pv_runner_run_async (runner, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_runner_run_finish (runner, pv_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

/* The read-only check of those who wait in @state: what they still
 * wait for, or NULL when the move is ready to finish. */
static char *
check_waiting (Fixture    *fixture,
               PvRunState *state)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *still = NULL;

  pv_move_steps_check_waiting_async (fixture->client, state, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_move_steps_check_waiting_finish (pv_test_wait_result (&result), &still, &error));
  g_assert_no_error (error);
  return still;
}

/* What a SIGKILL leaves of a journal: everything but its end. */
static void
forget_end (const char *journal)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *end;

  g_assert_true (g_file_get_contents (journal, &contents, NULL, &error));
  g_assert_no_error (error);
  end = strstr (contents, "{\"event\":\"end\"");
  g_assert_nonnull (end);
  *end = '\0';
  g_assert_true (g_file_set_contents (journal, contents, -1, &error));
  g_assert_no_error (error);
}

/* A Calling Plan run killed half way (Gaëlle waits for the operator's
 * upload, José cut after his Calling Plan number was unassigned, Seán
 * not started; its journal has no end), read back, the steps rebuilt
 * from the plan it records and the run resumed: Gaëlle is checked again
 * from the step where she waits, José goes on from step 3, Seán starts;
 * the run ends waiting, naming them, as a run read back from disk says
 * too. Once the operator has uploaded, continued again: Gaëlle and José
 * get their numbers, and the run still waits for Seán's port order. */
static void
test_resume_from_plan (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PvMoveSteps) steps = pv_move_steps_new (fixture->client, PV_MOVE_KIND_CALLING_PLAN,
                                                    "orange-business", "Orange Business");
  g_autoptr(PvMoveSteps) rebuilt = NULL;
  g_autoptr(PvMoveSteps) continued = NULL;
  g_autofree char *journal = g_build_filename (fixture->dir, "half.jsonl", NULL);
  g_autoptr(PvRunner) runner = NULL;
  g_autoptr(PvRunState) state = NULL;
  g_autoptr(PvRunState) waiting_state = NULL;
  g_autoptr(JsonNode) plan = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(PvPhoneNumber) number = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(JsonNode) completed = NULL;
  g_auto(GStrv) items = NULL;

  /* The operator takes an hour to upload a ported number. */
  pv_sandbox_server_set_upload_delay (fixture->server, 3600 * 1000);
  pv_move_steps_set_tenant_id (steps, "contoso-tenant-id");
  pv_move_steps_set_port_confirmed (steps, TRUE);
  pv_move_steps_add_person (steps, GAELLE, "+33170360101", "+33170360101");
  pv_move_steps_add_person (steps, JOSE, "+33170360102", "+33170360102");
  pv_move_steps_add_person (steps, SEAN, "+33170360105", "+33170360105");
  pv_move_steps_set_name (steps, GAELLE, "Gaëlle Boyer");
  pv_move_steps_set_name (steps, JOSE, "José Sørensen");
  pv_move_steps_set_name (steps, SEAN, "Seán Müller");

  items = pv_move_steps_dup_items (steps);
  g_signal_connect (steps, "step-finished", G_CALLBACK (cancel_after_jose_unassigned), cancellable);
  runner = pv_runner_new (PV_RUN_STEPS (steps), (const char * const *) items, "move-calling-plan", journal, NULL);
  pv_runner_set_concurrency (runner, 1);
  pv_runner_run_async (runner, cancellable, pv_test_store_result_cb, &result);
  g_assert_false (pv_runner_run_finish (runner, pv_test_wait_result (&result), &error));
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpint (pv_move_steps_get_waiting_step (steps, GAELLE), ==, 2);
  g_assert_cmpint (pv_move_steps_get_waiting_step (steps, JOSE), ==, -1);

  /* Killed rather than stopped: the journal loses its end. */
  forget_end (journal);

  /* The journal, read back: Gaëlle finished (waiting), José at step 3. */
  state = pv_run_state_load (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pv_run_state_get_status (state), ==, PV_RUN_STATUS_INTERRUPTED);
  g_assert_no_error (error);
  g_assert_nonnull (pv_run_state_get_final_result (state, GAELLE));
  g_assert_null (pv_run_state_get_final_result (state, JOSE));
  g_assert_cmpuint (pv_run_state_get_next_step (state, JOSE), ==, 2);
  g_assert_null (pv_run_state_get_final_result (state, SEAN));

  /* The same steps, from the plan alone. */
  rebuilt = pv_move_steps_new_from_plan (fixture->client, pv_run_state_get_plan (state), &error);
  g_assert_no_error (error);
  g_assert_nonnull (rebuilt);
  g_assert_cmpint (pv_move_steps_get_kind (rebuilt), ==, PV_MOVE_KIND_CALLING_PLAN);
  g_assert_cmpstr (pv_move_steps_get_operator_id (rebuilt), ==, "orange-business");
  g_assert_cmpstr (pv_move_steps_get_tenant_id (rebuilt), ==, "contoso-tenant-id");
  g_assert_true (pv_move_steps_get_port_confirmed (rebuilt));
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_assert_cmpstr (pv_move_steps_get_current_number (rebuilt, items[i]), ==,
                       pv_move_steps_get_current_number (steps, items[i]));
      g_assert_cmpstr (pv_move_steps_get_target_number (rebuilt, items[i]), ==,
                       pv_move_steps_get_target_number (steps, items[i]));
    }
  plan = pv_run_steps_dup_plan (PV_RUN_STEPS (rebuilt));
  g_assert_true (json_node_equal (plan, pv_run_state_get_plan (state)));

  g_signal_connect (rebuilt, "step-finished", G_CALLBACK (touched_cb), touched);
  run_resumed (rebuilt, journal, state);

  /* Gaëlle: checked again where she waits, and still waits. */
  g_assert_null (pv_move_steps_get_step_result (rebuilt, GAELLE, 0));
  g_assert_cmpint (status_of (rebuilt, GAELLE, 2), ==, PV_RESULT_STATUS_SKIPPED);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (touched, GAELLE)), ==, 1);
  /* José: from step 3, which waits for the upload. */
  g_assert_null (pv_move_steps_get_step_result (rebuilt, JOSE, 0));
  g_assert_null (pv_move_steps_get_step_result (rebuilt, JOSE, 1));
  g_assert_cmpint (status_of (rebuilt, JOSE, 2), ==, PV_RESULT_STATUS_SKIPPED);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (touched, JOSE)), ==, 1);
  /* Seán: his order is pending, nothing changed. */
  g_assert_cmpint (status_of (rebuilt, SEAN, 0), ==, PV_RESULT_STATUS_SKIPPED);
  g_assert_cmpint (pv_move_steps_get_waiting_step (rebuilt, JOSE), ==, 2);
  g_assert_cmpint (pv_move_steps_get_waiting_step (rebuilt, SEAN), ==, 0);

  /* The resumed run ended waiting, saying who waits: from its journal,
   * and as the steps say it of the journal. */
  waiting_state = pv_run_state_load (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pv_run_state_get_status (waiting_state), ==, PV_RUN_STATUS_WAITING);
  g_assert_cmpstr (pv_run_state_get_waiting (waiting_state), ==,
                   "3 people wait for Orange Business: Gaëlle Boyer, José Sørensen, Seán Müller.");
  reason = pv_run_steps_dup_state_waiting (PV_RUN_STEPS (rebuilt), waiting_state);
  g_assert_cmpstr (reason, ==, pv_run_state_get_waiting (waiting_state));
  g_assert_cmpuint (pv_run_state_get_next_step (waiting_state, GAELLE), ==, 2);
  g_assert_cmpuint (pv_run_state_get_next_step (waiting_state, SEAN), ==, 0);

  /* Checked again before the operator uploads: nobody is ready, and
   * nothing changed in the tenant. */
  g_clear_pointer (&reason, g_free);
  reason = check_waiting (fixture, waiting_state);
  g_assert_cmpstr (reason, ==, pv_run_state_get_waiting (waiting_state));
  number = get_number (fixture, "+33170360101");
  g_assert_null (pv_phone_number_get_assigned_user_id (number));
  g_clear_object (&number);

  /* The operator uploads: the check says only Seán still waits, for his
   * port order. */
  pv_sandbox_server_advance_clock (fixture->server, 3600 * 1000);
  g_clear_pointer (&reason, g_free);
  reason = check_waiting (fixture, waiting_state);
  g_assert_cmpstr (reason, ==, "Seán Müller waits for Orange Business to complete the port order of +33170360105.");
  number = get_number (fixture, "+33170360101");
  g_assert_null (pv_phone_number_get_assigned_user_id (number));
  g_clear_object (&number);

  /* The run is continued from its journal, by steps that know where
   * everyone stood. */
  continued = pv_move_steps_new_from_plan (fixture->client, pv_run_state_get_plan (waiting_state), &error);
  g_assert_no_error (error);
  pv_move_steps_restore (continued, waiting_state);
  g_assert_cmpint (pv_move_steps_get_waiting_step (continued, GAELLE), ==, 2);
  g_assert_cmpint (status_of (continued, GAELLE, 1), ==, PV_RESULT_STATUS_ALREADY_DONE);
  run_resumed (continued, journal, waiting_state);
  g_assert_cmpint (status_of (continued, GAELLE, 2), ==, PV_RESULT_STATUS_ALREADY_DONE);
  g_assert_cmpint (status_of (continued, GAELLE, 3), ==, PV_RESULT_STATUS_DONE);
  g_assert_cmpint (status_of (continued, JOSE, 3), ==, PV_RESULT_STATUS_DONE);
  number = get_number (fixture, "+33170360101");
  g_assert_cmpint (pv_phone_number_get_number_type (number), ==, PV_NUMBER_TYPE_OPERATOR_CONNECT);
  g_assert_cmpstr (pv_phone_number_get_assigned_user_id (number), ==, GAELLE);

  /* Seán alone still waits, for what one person waits for. */
  g_clear_object (&waiting_state);
  waiting_state = pv_run_state_load (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pv_run_state_get_status (waiting_state), ==, PV_RUN_STATUS_WAITING);
  g_assert_cmpstr (pv_run_state_get_waiting (waiting_state), ==,
                   "Seán Müller waits for Orange Business to complete the port order of +33170360105.");

  /* The operator completes his order: the check says the move is ready
   * to finish. */
  completed = post (fixture, "/provisio/v1/portOrders/FR-2026-00452/complete", "{}");
  g_clear_pointer (&reason, g_free);
  reason = check_waiting (fixture, waiting_state);
  g_assert_null (reason);
}

/* One pass in which a person comes to wait for the operator's upload
 * ends waiting, by itself, saying who waits and for what; one in which
 * nobody waits ends finished. */
static void
test_pass_ends_waiting (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PvMoveSteps) steps = pv_move_steps_new (fixture->client, PV_MOVE_KIND_CALLING_PLAN,
                                                    "orange-business", "Orange Business");
  g_autofree char *journal = g_build_filename (fixture->dir, "waits.jsonl", NULL);
  g_autoptr(PvRunner) runner = NULL;
  g_autoptr(PvRunState) state = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) items = NULL;
  const char *reason = "Gaëlle Boyer waits for Orange Business to upload +33170360101 into the tenant.";

  pv_sandbox_server_set_upload_delay (fixture->server, 3600 * 1000);
  pv_move_steps_set_port_confirmed (steps, TRUE);
  pv_move_steps_add_person (steps, GAELLE, "+33170360101", "+33170360101");
  pv_move_steps_set_name (steps, GAELLE, "Gaëlle Boyer");
  items = pv_move_steps_dup_items (steps);
  runner = pv_runner_new (PV_RUN_STEPS (steps), (const char * const *) items, "move-calling-plan", journal, NULL);
  pv_runner_run_async (runner, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_runner_run_finish (runner, pv_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpstr (pv_runner_get_waiting (runner), ==, reason);

  state = pv_run_state_load (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pv_run_state_get_status (state), ==, PV_RUN_STATUS_WAITING);
  g_assert_cmpstr (pv_run_state_get_waiting (state), ==, reason);
  g_clear_object (&state);

  /* Run again in the same run once the number is uploaded: finished. */
  pv_sandbox_server_advance_clock (fixture->server, 3600 * 1000);
  g_assert_cmpuint (pv_runner_run_unfinished_async (runner, NULL, pv_test_store_result_cb, &result), ==, 1);
  g_assert_true (pv_runner_run_unfinished_finish (runner, pv_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_null (pv_runner_get_waiting (runner));
  g_assert_cmpint (status_of (steps, GAELLE, 3), ==, PV_RESULT_STATUS_DONE);
  state = pv_run_state_load (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pv_run_state_get_status (state), ==, PV_RUN_STATUS_FINISHED);
}

/* A plan that is not one is refused, never half read. */
static void
test_plan_checked (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *plans[] = {
    "[]",
    "{\"version\":2}",
    "{\"version\":1,\"kind\":\"teleport\",\"operatorId\":\"o\",\"operatorName\":\"O\",\"portConfirmed\":false,\"people\":[]}",
    "{\"version\":1,\"kind\":\"callingPlan\",\"operatorName\":\"O\",\"portConfirmed\":false,\"people\":[]}",
    "{\"version\":1,\"kind\":\"callingPlan\",\"operatorId\":\"o\",\"operatorName\":\"O\",\"portConfirmed\":false,"
      "\"people\":[{\"id\":\"a\",\"currentNumber\":\"+1\",\"onPremises\":false,\"fromStep\":0}]}",
    "{\"version\":1,\"kind\":\"callingPlan\",\"operatorId\":\"o\",\"operatorName\":\"O\",\"portConfirmed\":false,"
      "\"people\":[{\"id\":\"a\",\"currentNumber\":\"+1\",\"targetNumber\":\"+2\",\"onPremises\":false,\"fromStep\":4}]}",
    "{\"version\":1,\"kind\":\"callingPlan\",\"operatorId\":\"o\",\"operatorName\":\"O\",\"portConfirmed\":false,"
      "\"people\":[{\"id\":\"a\",\"targetNumber\":\"+2\",\"onPremises\":false,\"fromStep\":0},"
      "{\"id\":\"a\",\"targetNumber\":\"+2\",\"onPremises\":false,\"fromStep\":0}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = json_from_string (plans[i], &error);
      g_autoptr(PvMoveSteps) steps = NULL;

      g_assert_no_error (error);
      steps = pv_move_steps_new_from_plan (fixture->client, node, &error);
      g_assert_null (steps);
      g_assert_error (error, PV_RUN_JOURNAL_ERROR, PV_RUN_JOURNAL_ERROR_CORRUPT);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/move-steps/" path, Fixture, NULL, fixture_set_up, func, pv_service_fixture_tear_down)

  ADD ("online-person-step-by-step", test_online_person_step_by_step);
  ADD ("on-premises-person-step-by-step", test_on_premises_person_step_by_step);
  ADD ("failures-stop-one-person", test_failures_stop_one_person);
  ADD ("resume-from-journal", test_resume_from_journal);
  ADD ("calling-plan", test_calling_plan);
  ADD ("calling-plan-port-orders", test_calling_plan_port_orders);
  ADD ("resume-from-plan", test_resume_from_plan);
  ADD ("pass-ends-waiting", test_pass_ends_waiting);
  ADD ("plan-checked", test_plan_checked);

  return g_test_run ();
}
