/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <libsoup/soup.h>

#include "bench-util.h"
#include "pv-enable-plan.h"
#include "pv-enable-steps.h"
#include "pv-runner.h"
#include "pv-service-calls.h"
#include "pv-sip-domain.h"

/* Enabling 10 000 people with PvRunner and PvEnableSteps against the
 * in-process sandbox, as a ratio to what the sandbox itself serves when
 * enable requests are sent to it directly with the same number in
 * flight (measured in the same run, on fresh people each time), and the
 * same at one request at a time.  Figures only. */

#define N_GENERATED 30000
#define N_RUN 10000
#define N_RUN_SERIAL 2000
#define N_RAW 2500          /* before the run, and as many after */
#define N_RAW_SERIAL 1000
#define CONCURRENCY 8       /* PvRunner's and provisio-cli's default */

typedef struct
{
  SoupSession *session;
  const char  *base;
  const char  *body;
  GPtrArray   *ids;
  guint        first;
  guint        end;
  guint        next;
  guint        in_flight;
  guint        pending;
  guint        succeeded;
  guint        refused;
  gboolean     finished;
} Hammer;

static void hammer_next (Hammer *hammer);

static void
hammer_sent_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Hammer *hammer = user_data;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);

  if (bytes != NULL && soup_message_get_status (message) == SOUP_STATUS_OK)
    hammer->succeeded++;
  else
    hammer->refused++;
  hammer->pending--;
  hammer_next (hammer);
  if (hammer->pending == 0 && hammer->next == hammer->end)
    hammer->finished = TRUE;
}

static void
hammer_next (Hammer *hammer)
{
  while (hammer->pending < hammer->in_flight && hammer->next < hammer->end)
    {
      g_autofree char *url = g_strdup_printf ("%s/provisio/v1/users/%s/enable", hammer->base,
                                              (const char *) g_ptr_array_index (hammer->ids, hammer->next));
      g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_POST, url);
      g_autoptr(GBytes) body = g_bytes_new_static (hammer->body, strlen (hammer->body));

      soup_message_set_request_body_from_bytes (message, "application/json", body);
      hammer->next++;
      hammer->pending++;
      soup_session_send_and_read_async (hammer->session, message, G_PRIORITY_DEFAULT, NULL,
                                        hammer_sent_cb, hammer);
    }
}

/* Enable requests straight to the sandbox, @in_flight at a time, for
 * people @first to @end of @ids; returns requests per second. */
static double
hammer (const char *base,
        const char *pool,
        GPtrArray  *ids,
        guint       first,
        guint       end,
        guint       in_flight,
        guint      *succeeded)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("max-conns", in_flight,
                                                                  "max-conns-per-host", in_flight,
                                                                  NULL);
  g_autofree char *body = g_strdup_printf ("{\"registrarPool\":\"%s\","
                                           "\"sipAddressType\":\"UserPrincipalName\"}", pool);
  Hammer hammer = { session, base, body, ids, first, end, first, in_flight };
  gint64 start = g_get_monotonic_time ();

  hammer_next (&hammer);
  while (!hammer.finished)
    g_main_context_iteration (NULL, TRUE);
  *succeeded = hammer.succeeded;
  return (end - first) / ((g_get_monotonic_time () - start) / 1e6);
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

typedef struct
{
  double per_second;
  guint  n_done;
  guint  n_other;
  double max_stall;
  double p99_stall;
} RunFigures;

static RunFigures
run_enable (PvServiceClient *client,
            const char      *folder,
            PvPool          *pool,
            GListModel      *domains,
            GPtrArray       *people,
            guint            first,
            guint            end,
            guint            concurrency,
            BenchStallWatch *watch)
{
  g_autoptr(PvEnablePlan) plan = pv_enable_plan_new ();
  g_autoptr(GListStore) selection = g_list_store_new (PV_TYPE_USER);
  g_autoptr(PvEnableSteps) steps = NULL;
  g_auto(GStrv) items = NULL;
  g_autofree char *name = g_strdup_printf ("run-%u.jsonl", concurrency);
  g_autofree char *journal = g_build_filename (folder, name, NULL);
  g_autoptr(PvRunner) runner = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *results;
  RunFigures figures = { 0 };
  gint64 start;

  g_list_store_splice (selection, 0, 0, people->pdata + first, end - first);
  pv_enable_plan_set_pool (plan, pool);
  pv_enable_plan_set_sip_domains (plan, domains);
  pv_enable_plan_set_selection (plan, G_LIST_MODEL (selection));
  pv_enable_plan_set_format (plan, PV_SIP_FORMAT_UPN);
  pv_enable_plan_set_skip_problems (plan, TRUE);

  steps = pv_enable_steps_new (client, plan);
  items = pv_enable_steps_dup_items (steps);
  runner = pv_runner_new (PV_RUN_STEPS (steps), (const char *const *) items, "enable-users", journal, NULL);
  pv_runner_set_concurrency (runner, concurrency);

  bench_stall_watch_reset (watch);
  start = g_get_monotonic_time ();
  pv_runner_run_async (runner, NULL, store_result_cb, &result);
  if (!pv_runner_run_finish (runner, wait (&result), &error))
    g_error ("The run failed: %s", error->message);
  figures.per_second = (end - first) / ((g_get_monotonic_time () - start) / 1e6);
  figures.max_stall = bench_stall_watch_quantile (watch, 1.0);
  figures.p99_stall = bench_stall_watch_quantile (watch, 0.99);

  results = pv_runner_get_results (runner);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PvOperationResult) outcome = g_list_model_get_item (results, i);

      if (pv_operation_result_get_status (outcome) == PV_RESULT_STATUS_DONE)
        figures.n_done++;
      else
        figures.n_other++;
    }
  return figures;
}

int
main (int   argc,
      char *argv[])
{
  BenchSandbox sandbox = { 0 };
  g_autoptr(PvServiceClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) users = g_list_store_new (PV_TYPE_USER);
  g_autoptr(GListStore) pools = g_list_store_new (PV_TYPE_POOL);
  g_autoptr(GListStore) domains = g_list_store_new (PV_TYPE_SIP_DOMAIN);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GAsyncResult) result = NULL;
  PvPool *pool = NULL;
  const char *base;
  BenchStallWatch *watch;
  guint next = 0;
  guint ok_before, ok_after, ok_serial;
  double raw_before, raw_after, raw_mean, raw_serial;
  RunFigures run, serial;

  setlocale (LC_ALL, "");
  bench_sandbox_start (&sandbox, PV_SANDBOX_SEED, N_GENERATED);
  base = pv_sandbox_server_get_base_url (sandbox.server);
  client = pv_service_client_new (base, NULL, &error);
  g_assert_no_error (error);

  pv_service_client_list_users_async (client, users, NULL, store_result_cb, &result);
  if (!pv_service_client_list_users_finish (client, wait (&result), NULL, &error))
    g_error ("Listing failed: %s", error->message);
  g_clear_object (&result);
  pv_service_client_list_pools_async (client, pools, NULL, store_result_cb, &result);
  if (!pv_service_client_list_pools_finish (client, wait (&result), &error))
    g_error ("Listing pools failed: %s", error->message);
  g_clear_object (&result);
  pv_service_client_list_sip_domains_async (client, domains, NULL, store_result_cb, &result);
  if (!pv_service_client_list_sip_domains_finish (client, wait (&result), &error))
    g_error ("Listing SIP domains failed: %s", error->message);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pools)) && pool == NULL; i++)
    {
      g_autoptr(PvPool) candidate = g_list_model_get_item (G_LIST_MODEL (pools), i);

      if (pv_pool_get_kind (candidate) == PV_POOL_KIND_ENTERPRISE)
        pool = candidate;
    }
  g_assert_nonnull (pool);

  /* Synchronised people with a UPN and no address yet: every request
   * below enables somebody, none is a cheap refusal. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (users)); i++)
    {
      PvUser *user = g_list_model_get_item (G_LIST_MODEL (users), i);

      if (pv_user_get_on_premises_sync_enabled (user) && pv_user_get_sip_address (user) == NULL &&
          pv_user_get_user_principal_name (user) != NULL)
        {
          g_ptr_array_add (people, user);
          g_ptr_array_add (ids, (gpointer) pv_user_get_id (user));
        }
      else
        g_object_unref (user);
    }
  if (people->len < 2 * N_RAW + N_RUN + N_RAW_SERIAL + N_RUN_SERIAL)
    g_error ("Only %u people to enable in the generated tenant", people->len);

  watch = bench_stall_watch_new ();

  printf ("Enabling people: PvRunner + PvEnableSteps ← in-process sandbox over loopback\n");
  printf ("  (%d generated people, %u of them synchronised and not enabled; "
          "every request below enables a different person)\n\n", N_GENERATED, people->len);

  raw_before = hammer (base, pv_pool_get_fqdn (pool), ids, next, next + N_RAW, CONCURRENCY, &ok_before);
  next += N_RAW;
  run = run_enable (client, sandbox.folder, pool, G_LIST_MODEL (domains), people, next, next + N_RUN,
                    CONCURRENCY, watch);
  next += N_RUN;
  raw_after = hammer (base, pv_pool_get_fqdn (pool), ids, next, next + N_RAW, CONCURRENCY, &ok_after);
  next += N_RAW;
  raw_serial = hammer (base, pv_pool_get_fqdn (pool), ids, next, next + N_RAW_SERIAL, 1, &ok_serial);
  next += N_RAW_SERIAL;
  serial = run_enable (client, sandbox.folder, pool, G_LIST_MODEL (domains), people, next,
                       next + N_RUN_SERIAL, 1, watch);
  raw_mean = (raw_before + raw_after) / 2;

  printf ("%-46s %8s %10s %9s %14s\n", "", "people", "enabled", "per s", "ratio to raw");
  printf ("%-46s %8d %10u %9.0f\n", "sandbox alone, 8 in flight (before the run)", N_RAW, ok_before, raw_before);
  printf ("%-46s %8d %10u %9.0f %14.2f\n", "PvRunner, concurrency 8", N_RUN, run.n_done, run.per_second,
          run.per_second / raw_mean);
  printf ("%-46s %8d %10u %9.0f\n", "sandbox alone, 8 in flight (after the run)", N_RAW, ok_after, raw_after);
  printf ("%-46s %8d %10u %9.0f\n", "sandbox alone, 1 in flight", N_RAW_SERIAL, ok_serial, raw_serial);
  printf ("%-46s %8d %10u %9.0f %14.2f\n", "PvRunner, concurrency 1", N_RUN_SERIAL, serial.n_done,
          serial.per_second, serial.per_second / raw_serial);
  printf ("\nPvRunner at 8 / sandbox alone at 8 (mean of before and after): %.2f\n",
          run.per_second / raw_mean);
  printf ("PvRunner at 8 / PvRunner at 1 (one request at a time):          %.2f\n",
          run.per_second / serial.per_second);
  printf ("outcomes other than done: %u at concurrency 8, %u at 1\n", run.n_other, serial.n_other);
  printf ("main loop during the run at 8: max stall %.1f ms, p99 %.2f ms (a frame: %.1f ms)\n",
          run.max_stall, run.p99_stall, BENCH_FRAME_MS);

  bench_stall_watch_free (watch);
  g_clear_object (&client);
  bench_sandbox_stop (&sandbox);
  return 0;
}
