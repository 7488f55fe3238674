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
  GListModel   *results;
  GHashTable   *names;      /* user id → display name, for the results */
  GCancellable *cancellable;
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
  g_clear_object (&self->results);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_object (&self->cancellable);
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
 *   run, once it has started
 */
GListModel *
pv_enable_flow_get_results (PvEnableFlow *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_FLOW (self), NULL);

  return self->results;
}

void
pv_enable_flow_set_results (PvEnableFlow *self,
                            GListModel   *results)
{
  g_return_if_fail (PV_IS_ENABLE_FLOW (self));

  g_set_object (&self->results, results);
}

/**
 * pv_enable_flow_get_person_name:
 * @item: a user id, as results name people
 *
 * Returns: (transfer none): the person's display name, or @item when the
 *   selection does not hold them
 */
const char *
pv_enable_flow_get_person_name (PvEnableFlow *self,
                                const char   *item)
{
  const char *name;

  g_return_val_if_fail (PV_IS_ENABLE_FLOW (self), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  /* Built once, on the first result: by then the selection is final, and
   * a table spares a scan of the selection for every row drawn. */
  if (self->names == NULL)
    {
      self->names = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->selection)); i++)
        {
          g_autoptr(PvUser) user = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

          /* The selection holds its people, and so their strings, for as
           * long as the flow lives. */
          g_hash_table_insert (self->names, (gpointer) pv_user_get_id (user),
                               (gpointer) pv_user_get_display_name (user));
        }
    }

  name = g_hash_table_lookup (self->names, item);

  return name != NULL ? name : item;
}

/**
 * pv_enable_flow_new_runner:
 * @items: (nullable): the user ids to run, or %NULL for every person the
 *   plan enables
 *
 * Makes a run of the plan with a journal of its own in the user's state
 * directory, so that it can be resumed if it is interrupted.
 *
 * Returns: (transfer full) (nullable): the runner, or %NULL without a
 *   service to talk to
 */
PvRunner *
pv_enable_flow_new_runner (PvEnableFlow       *self,
                           const char * const *items)
{
  g_autoptr(PvEnableSteps) steps = NULL;
  g_auto(GStrv) all_items = NULL;
  g_autofree char *run_id = g_uuid_string_random ();
  g_autofree char *name = g_strconcat (run_id, ".jsonl", NULL);
  g_autofree char *journal = NULL;

  g_return_val_if_fail (PV_IS_ENABLE_FLOW (self), NULL);

  if (self->client == NULL)
    return NULL;

  journal = g_build_filename (g_get_user_state_dir (), "provisio", "runs", name, NULL);
  /* A run is made of addresses worked out for the plan as it is now. */
  pv_enable_plan_set_deferred (self->plan, FALSE);
  steps = pv_enable_steps_new (self->client, self->plan);
  if (items == NULL)
    {
      all_items = pv_enable_steps_dup_items (steps);
      items = (const char * const *) all_items;
    }

  return pv_runner_new (PV_RUN_STEPS (steps), items, "enable-users", journal, NULL);
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
  if (g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
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
client_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PvEnableFlow) self = user_data;
  g_autoptr(PvServiceClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = pv_application_get_client_finish (PV_APPLICATION (object), result, &error);
  if (client == NULL)
    {
      load_failed (self, error);
      return;
    }

  pv_enable_flow_set_client (self, client);
  pv_enable_flow_load (self);
}

static GObject *
create_state (void)
{
  PvEnableFlow *self = pv_enable_flow_new ();
  GApplication *application = g_application_get_default ();

  /* In the app, the flow talks to the application's service (the
   * sandbox tenant by default) and starts loading at once. */
  if (PV_IS_APPLICATION (application))
    {
      pv_enable_flow_set_loading (self, TRUE);
      pv_application_get_client_async (PV_APPLICATION (application), NULL,
                                       client_ready_cb, g_object_ref (self));
    }

  return G_OBJECT (self);
}

static PvPage *
create_welcome_page (GObject *state)
{
  return pv_enable_welcome_page_new ();
}

static PvPage *
create_users_page (GObject *state)
{
  return pv_enable_users_page_new (PV_ENABLE_FLOW (state));
}

static PvPage *
create_pool_page (GObject *state)
{
  return pv_enable_pool_page_new (PV_ENABLE_FLOW (state));
}

static PvPage *
create_sign_in_page (GObject *state)
{
  return pv_enable_sign_in_page_new (PV_ENABLE_FLOW (state));
}

static PvPage *
create_ready_page (GObject *state)
{
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
};
