/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-enable-finish-page.h"
#include "pv-enable-flow.h"
#include "pv-enable-pool-page.h"
#include "pv-enable-ready-page.h"
#include "pv-enable-sign-in-page.h"
#include "pv-enable-status-page.h"
#include "pv-enable-users-page.h"
#include "pv-enable-welcome-page.h"

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
};

G_DEFINE_FINAL_TYPE (PvEnableFlow, pv_enable_flow, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADING,
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

static GObject *
create_state (void)
{
  return G_OBJECT (pv_enable_flow_new ());
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
