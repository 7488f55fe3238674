/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-application.h"
#include "pv-enable-finish-page.h"
#include "pv-enable-flow.h"
#include "pv-enable-pool-page.h"
#include "pv-enable-ready-page.h"
#include "pv-enable-sign-in-page.h"
#include "pv-enable-status-page.h"
#include "pv-enable-steps.h"
#include "pv-enable-users-page.h"
#include "pv-enable-welcome-page.h"
#include "pv-run-info.h"
#include "pv-service-calls.h"
#include "pv-sip-domain.h"
#include "pv-service-error.h"

/* The state the pages of "Enable users for a pool" share: the plan that
 * decides, and what the plan chooses from (the tenant's pools and its
 * directory), filled by whoever loads them from the service. Pages bind
 * to it and never to each other. */

struct _PvEnableFlow
{
  GObject       parent_instance;

  PvEnablePlan *plan;
  GListStore   *pools;
  GListStore   *directory;
  GListStore   *selection;
  gboolean      loading;
  PvServiceClient *client;
  PvRunner     *runner;     /* the run, once started */
  GCancellable *cancellable;
  gboolean      local_sandbox;
  /* When the flow continues a run that stopped before its end. */
  PvRunState   *resume;
  char         *journal;
  gboolean      retrying;   /* the failures of the resumed run are tried again */
  PvEnableSteps *steps;     /* the steps of the latest run */
  char         *load_error;
};

G_DEFINE_FINAL_TYPE (PvEnableFlow, pv_enable_flow, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_LOAD_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pv_enable_flow_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PvEnableFlow *self = PV_ENABLE_FLOW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_LOAD_ERROR:
      g_value_set_string (value, self->load_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_enable_flow_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PvEnableFlow *self = PV_ENABLE_FLOW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      pv_enable_flow_set_loading (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_enable_flow_finalize (GObject *object)
{
  PvEnableFlow *self = PV_ENABLE_FLOW (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->pools);
  g_clear_object (&self->directory);
  g_clear_object (&self->selection);
  g_clear_object (&self->client);
  if (self->runner != NULL)
    pv_runner_stop (self->runner);
  g_clear_object (&self->runner);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->resume);
  g_clear_pointer (&self->journal, g_free);
  g_clear_object (&self->steps);
  g_clear_pointer (&self->load_error, g_free);

  G_OBJECT_CLASS (pv_enable_flow_parent_class)->finalize (object);
}

static void
pv_enable_flow_class_init (PvEnableFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_enable_flow_finalize;
  object_class->get_property = pv_enable_flow_get_property;
  object_class->set_property = pv_enable_flow_set_property;

  /* Whether the directory is still arriving, page by page. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A translated sentence when the service could not be reached or read. */
  properties[PROP_LOAD_ERROR] =
    g_param_spec_string ("load-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pv_enable_flow_init (PvEnableFlow *self)
{
  self->plan = pv_enable_plan_new ();
  /* Large selections are worked out in a thread, so that the Sign-in
   * name page keeps drawing; below this size a pass takes less than a
   * frame. */
  pv_enable_plan_set_thread_threshold (self->plan, PV_ENABLE_FLOW_THREAD_THRESHOLD);
  self->pools = g_list_store_new (PV_TYPE_POOL);
  self->directory = g_list_store_new (PV_TYPE_USER);
  self->selection = g_list_store_new (PV_TYPE_USER);
  pv_enable_plan_set_selection (self->plan, G_LIST_MODEL (self->selection));
}

PvEnableFlow *
pv_enable_flow_new (void)
{
  return g_object_new (PV_TYPE_ENABLE_FLOW, NULL);
}

PvEnablePlan *
pv_enable_flow_get_plan (PvEnableFlow *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_FLOW (self), NULL);

  return self->plan;
}

/**
 * pv_enable_flow_get_pools:
 *
 * Returns: (transfer none): the Registrar pools (#PvPool) to choose from
 */
GListStore *
pv_enable_flow_get_pools (PvEnableFlow *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_FLOW (self), NULL);

  return self->pools;
}

/**
 * pv_enable_flow_get_directory:
 *
 * Returns: (transfer none): the people (#PvUser) to choose from
 */
GListStore *
pv_enable_flow_get_directory (PvEnableFlow *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_FLOW (self), NULL);

  return self->directory;
}

/**
 * pv_enable_flow_get_selection:
 *
 * Returns: (transfer none): the people chosen, the plan's selection
 */
GListStore *
pv_enable_flow_get_selection (PvEnableFlow *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_FLOW (self), NULL);

  return self->selection;
}

gboolean
pv_enable_flow_get_loading (PvEnableFlow *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_FLOW (self), FALSE);

  return self->loading;
}

void
pv_enable_flow_set_loading (PvEnableFlow *self,
                            gboolean      loading)
{
  g_return_if_fail (PV_IS_ENABLE_FLOW (self));

  loading = !!loading;
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * pv_enable_flow_get_client:
 *
 * Returns: (transfer none) (nullable): the service the run talks to
 */
PvServiceClient *
pv_enable_flow_get_client (PvEnableFlow *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_FLOW (self), NULL);

  return self->client;
}

void
pv_enable_flow_set_client (PvEnableFlow    *self,
                           PvServiceClient *client)
{
  g_return_if_fail (PV_IS_ENABLE_FLOW (self));
  g_return_if_fail (!client || PV_IS_SERVICE_CLIENT (client));

  g_set_object (&self->client, client);
}

/**
 * pv_enable_flow_get_results:
 *
 * Returns: (transfer none) (nullable): the outcome of each person of the
 *   run (the run's #PvRunResults), once it has started
 */
GListModel *
pv_enable_flow_get_results (PvEnableFlow *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_FLOW (self), NULL);

  return self->runner != NULL ? pv_runner_get_results (self->runner) : NULL;
}

/**
 * pv_enable_flow_get_runner:
 *
 * Returns: (transfer none) (nullable): the run, once started
 */
PvRunner *
pv_enable_flow_get_runner (PvEnableFlow *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_FLOW (self), NULL);

  return self->runner;
}

/**
 * pv_enable_flow_get_person_name:
 * @item: a user id, as results name people
 *
 * Returns: (transfer none): the person's display name, or @item when the
 *   run does not know it
 */
const char *
pv_enable_flow_get_person_name (PvEnableFlow *self,
                                const char   *item)
{
  g_return_val_if_fail (PV_IS_ENABLE_FLOW (self), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  return self->runner != NULL ? pv_run_results_get_name (pv_runner_get_run_results (self->runner), item) : item;
}

/* The results name people, for the pages and for the history. */
static void
name_people (PvEnableFlow *self,
             PvRunner     *runner)
{
  /* A resumed run has no selection: its people are in the directory. */
  GListModel *people = self->resume != NULL ? G_LIST_MODEL (self->directory) : G_LIST_MODEL (self->selection);
  PvRunResults *results = pv_runner_get_run_results (runner);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (people, i);

      pv_run_results_set_name (results, pv_user_get_id (user), pv_user_get_display_name (user));
    }
}

/**
 * pv_enable_flow_new_runner:
 *
 * Makes the run of the plan, with a journal of its own in the user's
 * runs folder, so that it can be resumed if it is interrupted, and its
 * facts and the people's names for the history. A flow that continues a
 * stopped run makes that run again, from its journal. The flow keeps the
 * run: Finish shows its results, retries its failures and exports them.
 *
 * Returns: (transfer none) (nullable): the run, or %NULL with @error
 */
PvRunner *
pv_enable_flow_new_runner (PvEnableFlow  *self,
                           GError       **error)
{
  g_auto(GStrv) items = NULL;
  g_autoptr(PvRunInfo) info = NULL;
  g_autoptr(PvRunner) runner = NULL;

  g_return_val_if_fail (PV_IS_ENABLE_FLOW (self), NULL);

  if (self->client == NULL)
    {
      g_set_error_literal (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_NETWORK,
                           _("No service to talk to: the run cannot start."));
      return NULL;
    }

  if (self->resume != NULL)
    {
      g_clear_object (&self->steps);
      self->steps = pv_enable_steps_new_from_plan (self->client, pv_run_state_get_plan (self->resume), error);
      if (self->steps == NULL)
        return NULL;
      items = pv_enable_steps_dup_items (self->steps);
      runner = pv_runner_new (PV_RUN_STEPS (self->steps), (const char * const *) items, "enable-users",
                              self->journal, self->resume);
    }
  else
    {
      /* A run is made of addresses worked out for the plan as it is now. */
      pv_enable_plan_set_deferred (self->plan, FALSE);
      pv_enable_plan_flush (self->plan);
      g_clear_object (&self->steps);
      self->steps = pv_enable_steps_new (self->client, self->plan);
      /* The sandbox listens on another port at each start: the journal
       * says it was the local one, so that the command line can resume
       * the run. */
      pv_enable_steps_set_local_sandbox (self->steps, self->local_sandbox);
      items = pv_enable_steps_dup_items (self->steps);
      runner = pv_runner_new (PV_RUN_STEPS (self->steps), (const char * const *) items, "enable-users",
                              NULL, NULL);
    }

  /* A journal of an earlier version has no facts: they are the plan's. */
  if (pv_runner_get_info (runner) == NULL)
    {
      info = pv_enable_flow_dup_run_info (self);
      pv_run_info_set_service (info, pv_service_client_get_base_url (self->client));
      pv_runner_set_info (runner, info);
    }
  name_people (self, runner);

  g_set_object (&self->runner, runner);
  /* Resumed once: a second run of this flow would start a new one. */
  g_clear_object (&self->resume);
  return self->runner;
}

/**
 * pv_enable_flow_dup_run_info:
 *
 * Returns: (transfer full): what the exports say about the run: its
 *   facts once it runs, or its pool, format and domain from the plan or,
 *   for a resumed run, from the run's journal
 */
PvRunInfo *
pv_enable_flow_dup_run_info (PvEnableFlow *self)
{
  PvRunInfo *info;

  g_return_val_if_fail (PV_IS_ENABLE_FLOW (self), NULL);

  /* What the run recorded, so that the exports now and from the history
   * say the same. */
  if (self->runner != NULL && pv_runner_get_info (self->runner) != NULL)
    return pv_run_info_copy (pv_runner_get_info (self->runner));
  if (self->steps == NULL || pv_enable_plan_get_pool (self->plan) != NULL)
    return pv_run_info_new_for_enable_plan (self->plan);

  info = pv_run_info_new (PV_FLOW_ENABLE_USERS);
  pv_run_info_set_pool (info, pv_enable_steps_get_pool (self->steps));
  pv_run_info_set_sip_format (info, pv_enable_steps_get_format (self->steps));
  pv_run_info_set_sip_domain (info, pv_enable_steps_get_domain (self->steps));
  return info;
}

/**
 * pv_enable_flow_get_resuming:
 *
 * Returns: whether the flow continues a run that stopped before its end
 */
gboolean
pv_enable_flow_get_resuming (PvEnableFlow *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_FLOW (self), FALSE);

  return self->journal != NULL;
}

const char *
pv_enable_flow_get_load_error (PvEnableFlow *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_FLOW (self), NULL);

  return self->load_error;
}

static void
load_failed (PvEnableFlow *self,
             const GError *error)
{
  if (pv_service_error_is_cancelled (error))
    return;

  g_free (self->load_error);
  /* Translators: %s says why, as a sentence. */
  self->load_error = g_strdup_printf (_("The directory could not be loaded. %s"), error->message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_ERROR]);
  pv_enable_flow_set_loading (self, FALSE);
}

static void
domains_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PvEnableFlow) self = user_data;
  g_autoptr(GListStore) domains = g_object_get_data (G_OBJECT (self), "pv-loading-domains");
  g_autoptr(GError) error = NULL;

  g_object_steal_data (G_OBJECT (self), "pv-loading-domains");
  if (!pv_service_client_list_sip_domains_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      load_failed (self, error);
      return;
    }

  pv_enable_plan_set_sip_domains (self->plan, G_LIST_MODEL (domains));
  pv_enable_flow_set_loading (self, FALSE);
}

static void
pools_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PvEnableFlow) self = user_data;
  g_autoptr(GError) error = NULL;
  GListStore *domains;

  if (!pv_service_client_list_pools_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      load_failed (self, error);
      return;
    }

  domains = g_list_store_new (PV_TYPE_SIP_DOMAIN);
  g_object_set_data (G_OBJECT (self), "pv-loading-domains", domains);
  pv_service_client_list_sip_domains_async (self->client, domains, self->cancellable,
                                            domains_loaded_cb, g_object_ref (self));
}

static void
users_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PvEnableFlow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_service_client_list_users_finish (PV_SERVICE_CLIENT (object), result, NULL, &error))
    {
      load_failed (self, error);
      return;
    }

  pv_service_client_list_pools_async (self->client, self->pools, self->cancellable,
                                      pools_loaded_cb, g_object_ref (self));
}

/**
 * pv_enable_flow_load:
 *
 * Fills the directory (page by page, so the list fills while it loads),
 * the pools and the SIP domains from the flow's service.
 */
void
pv_enable_flow_load (PvEnableFlow *self)
{
  g_return_if_fail (PV_IS_ENABLE_FLOW (self));
  g_return_if_fail (self->client != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  pv_enable_flow_set_loading (self, TRUE);
  pv_service_client_list_users_async (self->client, self->directory, self->cancellable,
                                      users_loaded_cb, g_object_ref (self));
}

/* Stops loading when the wizard goes away. */
void
pv_enable_flow_cancel (PvEnableFlow *self)
{
  g_return_if_fail (PV_IS_ENABLE_FLOW (self));

  g_cancellable_cancel (self->cancellable);
}

static void
client_ready (GObject         *object,
              PvApplication   *application,
              PvServiceClient *client,
              const GError    *error)
{
  PvEnableFlow *self = PV_ENABLE_FLOW (object);

  if (client == NULL)
    {
      load_failed (self, error);
      return;
    }

  pv_enable_flow_set_client (self, client);
  self->local_sandbox = pv_application_get_sandbox (application) != NULL;
  pv_enable_flow_load (self);
}

static GObject *
create_state (void)
{
  PvEnableFlow *self = pv_enable_flow_new ();

  /* The answer comes later: loading is on before it can end. */
  if (pv_application_load_client_for (G_OBJECT (self), client_ready))
    pv_enable_flow_set_loading (self, TRUE);

  return G_OBJECT (self);
}

static GObject *
create_resume_state (const char *journal_path,
                     PvRunState *run)
{
  PvEnableFlow *self = PV_ENABLE_FLOW (create_state ());

  self->resume = g_object_ref (run);
  self->journal = g_strdup (journal_path);

  return G_OBJECT (self);
}

/* The run is read back as for resuming it (what it had not reached is
 * done too), then its failures are tried again. */
static GObject *
create_retry_state (const char *journal_path,
                    PvRunState *run)
{
  PvEnableFlow *self = PV_ENABLE_FLOW (create_resume_state (journal_path, run));

  self->retrying = TRUE;

  return G_OBJECT (self);
}

/**
 * pv_enable_flow_get_retrying:
 *
 * Returns: whether the flow was opened to try again the failures of a
 *   run of the history
 */
gboolean
pv_enable_flow_get_retrying (PvEnableFlow *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_FLOW (self), FALSE);

  return self->retrying;
}

/* A resumed run was decided before it stopped: its wizard is the run and
 * its outcome. */
#define SKIPPED_WHEN_RESUMING(state) \
  G_STMT_START { \
    if (pv_enable_flow_get_resuming (PV_ENABLE_FLOW (state))) \
      return NULL; \
  } G_STMT_END

static PvPage *
create_welcome_page (GObject *state)
{
  SKIPPED_WHEN_RESUMING (state);
  return pv_enable_welcome_page_new ();
}

static PvPage *
create_users_page (GObject *state)
{
  SKIPPED_WHEN_RESUMING (state);
  return pv_enable_users_page_new (PV_ENABLE_FLOW (state));
}

static PvPage *
create_pool_page (GObject *state)
{
  SKIPPED_WHEN_RESUMING (state);
  return pv_enable_pool_page_new (PV_ENABLE_FLOW (state));
}

static PvPage *
create_sign_in_page (GObject *state)
{
  SKIPPED_WHEN_RESUMING (state);
  return pv_enable_sign_in_page_new (PV_ENABLE_FLOW (state));
}

static PvPage *
create_ready_page (GObject *state)
{
  SKIPPED_WHEN_RESUMING (state);
  return pv_enable_ready_page_new (PV_ENABLE_FLOW (state));
}

/* In the order of the OCS Enable Users wizard, with Select users first
 * (the original starts from a selection made in the directory). */
static PvPage *
create_status_page (GObject *state)
{
  return pv_enable_status_page_new (PV_ENABLE_FLOW (state));
}

static PvPage *
create_finish_page (GObject *state)
{
  return pv_enable_finish_page_new (PV_ENABLE_FLOW (state));
}

static const PvPageFactory enable_pages[] = {
  create_welcome_page,
  create_users_page,
  create_pool_page,
  create_sign_in_page,
  create_ready_page,
  create_status_page,
  create_finish_page,
  NULL
};

const PvFlowInfo pv_enable_flow_info = {
  .id = "enable-users",
  .title = N_("Enable users for a pool"),
  .description = N_("Choose people, a Standard Edition server or an Enterprise pool, and how their SIP addresses are made."),
  .icon_name = "system-users-symbolic",
  .create_state = create_state,
  .pages = enable_pages,
  .create_resume_state = create_resume_state,
  .create_retry_state = create_retry_state,
};
