/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-country.h"
#include "pv-operator.h"
#include "pv-run-info.h"

/* What an export says about the run besides its items: which flow, on
 * which tenant and service, when, and with which settings.  The results
 * XML carries all of it so that a later session can rerun the failed
 * items with the same settings; the PowerShell export needs it to write
 * the cmdlets. */

struct _PvRunInfo
{
  GObject parent_instance;

  PvFlow flow;
  char *tenant;
  char *service;
  GDateTime *started;
  char *pool;
  PvSipFormat sip_format;
  char *sip_domain;
  char *voice_routing_policy;
  char *operator_id;
  char *operator_name;
  GStrv countries;
  PvContactDetails *contact;
  gboolean consent;
};

G_DEFINE_FINAL_TYPE (PvRunInfo, pv_run_info, G_TYPE_OBJECT)

static void
pv_run_info_finalize (GObject *object)
{
  PvRunInfo *self = (PvRunInfo *) object;

  g_clear_pointer (&self->tenant, g_free);
  g_clear_pointer (&self->service, g_free);
  g_clear_pointer (&self->started, g_date_time_unref);
  g_clear_pointer (&self->pool, g_free);
  g_clear_pointer (&self->sip_domain, g_free);
  g_clear_pointer (&self->voice_routing_policy, g_free);
  g_clear_pointer (&self->operator_id, g_free);
  g_clear_pointer (&self->operator_name, g_free);
  g_clear_pointer (&self->countries, g_strfreev);
  g_clear_object (&self->contact);

  G_OBJECT_CLASS (pv_run_info_parent_class)->finalize (object);
}

static void
pv_run_info_class_init (PvRunInfoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pv_run_info_finalize;
}

static void
pv_run_info_init (PvRunInfo *self)
{
  self->started = g_date_time_new_now_utc ();
  self->countries = g_new0 (char *, 1);
}

PvRunInfo *
pv_run_info_new (PvFlow flow)
{
  PvRunInfo *self = g_object_new (PV_TYPE_RUN_INFO, NULL);

  self->flow = flow;
  return self;
}

/**
 * pv_run_info_new_for_enable_plan:
 *
 * Returns: (transfer full): the settings of @plan, started now
 */
PvRunInfo *
pv_run_info_new_for_enable_plan (PvEnablePlan *plan)
{
  PvRunInfo *self;
  PvPool *pool;

  g_return_val_if_fail (PV_IS_ENABLE_PLAN (plan), NULL);

  self = pv_run_info_new (PV_FLOW_ENABLE_USERS);
  pool = pv_enable_plan_get_pool (plan);
  pv_run_info_set_pool (self, pool != NULL ? pv_pool_get_fqdn (pool) : NULL);
  pv_run_info_set_sip_format (self, pv_enable_plan_get_format (plan));
  pv_run_info_set_sip_domain (self, pv_enable_plan_get_domain (plan));
  return self;
}

/**
 * pv_run_info_new_for_operator_plan:
 *
 * Returns: (transfer full): the settings of @plan, started now
 */
PvRunInfo *
pv_run_info_new_for_operator_plan (PvOperatorPlan *plan)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  PvRunInfo *self;
  PvOperator *operator_;
  GListModel *countries;

  g_return_val_if_fail (PV_IS_OPERATOR_PLAN (plan), NULL);

  self = pv_run_info_new (PV_FLOW_CONNECT_OPERATOR);
  operator_ = pv_operator_plan_get_operator (plan);
  if (operator_ != NULL)
    pv_run_info_set_operator (self, pv_operator_get_id (operator_),
                              pv_operator_get_name (operator_));

  countries = pv_operator_plan_get_countries (plan);
  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(PvCountry) country = g_list_model_get_item (countries, i);
      g_ptr_array_add (codes, g_strdup (pv_country_get_code (country)));
    }
  g_ptr_array_add (codes, NULL);
  pv_run_info_set_countries (self, (const char * const *) codes->pdata);
  for (guint i = 0; i < codes->len; i++)
    g_free (g_ptr_array_index (codes, i));

  pv_run_info_set_contact (self, pv_operator_plan_get_contact (plan));
  pv_run_info_set_consent (self, pv_operator_plan_get_notice_accepted (plan));
  return self;
}

PvFlow
pv_run_info_get_flow (PvRunInfo *self)
{
  g_return_val_if_fail (PV_IS_RUN_INFO (self), 0);
  return self->flow;
}

void
pv_run_info_set_flow (PvRunInfo *self,
                      PvFlow     flow)
{
  g_return_if_fail (PV_IS_RUN_INFO (self));
  self->flow = flow;
}

static void
replace_string (char       **field,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

const char *
pv_run_info_get_tenant (PvRunInfo *self)
{
  g_return_val_if_fail (PV_IS_RUN_INFO (self), NULL);
  return self->tenant;
}

void
pv_run_info_set_tenant (PvRunInfo  *self,
                        const char *tenant)
{
  g_return_if_fail (PV_IS_RUN_INFO (self));
  replace_string (&self->tenant, tenant);
}

const char *
pv_run_info_get_service (PvRunInfo *self)
{
  g_return_val_if_fail (PV_IS_RUN_INFO (self), NULL);
  return self->service;
}

void
pv_run_info_set_service (PvRunInfo  *self,
                         const char *service)
{
  g_return_if_fail (PV_IS_RUN_INFO (self));
  replace_string (&self->service, service);
}

GDateTime *
pv_run_info_get_started (PvRunInfo *self)
{
  g_return_val_if_fail (PV_IS_RUN_INFO (self), NULL);
  return self->started;
}

void
pv_run_info_set_started (PvRunInfo *self,
                         GDateTime *started)
{
  g_return_if_fail (PV_IS_RUN_INFO (self));
  g_return_if_fail (started != NULL);

  g_date_time_ref (started);
  g_date_time_unref (self->started);
  self->started = started;
}

const char *
pv_run_info_get_pool (PvRunInfo *self)
{
  g_return_val_if_fail (PV_IS_RUN_INFO (self), NULL);
  return self->pool;
}

void
pv_run_info_set_pool (PvRunInfo  *self,
                      const char *pool)
{
  g_return_if_fail (PV_IS_RUN_INFO (self));
  replace_string (&self->pool, pool);
}

PvSipFormat
pv_run_info_get_sip_format (PvRunInfo *self)
{
  g_return_val_if_fail (PV_IS_RUN_INFO (self), 0);
  return self->sip_format;
}

void
pv_run_info_set_sip_format (PvRunInfo   *self,
                            PvSipFormat  format)
{
  g_return_if_fail (PV_IS_RUN_INFO (self));
  self->sip_format = format;
}

const char *
pv_run_info_get_sip_domain (PvRunInfo *self)
{
  g_return_val_if_fail (PV_IS_RUN_INFO (self), NULL);
  return self->sip_domain;
}

void
pv_run_info_set_sip_domain (PvRunInfo  *self,
                            const char *domain)
{
  g_return_if_fail (PV_IS_RUN_INFO (self));
  replace_string (&self->sip_domain, domain);
}

const char *
pv_run_info_get_voice_routing_policy (PvRunInfo *self)
{
  g_return_val_if_fail (PV_IS_RUN_INFO (self), NULL);
  return self->voice_routing_policy;
}

void
pv_run_info_set_voice_routing_policy (PvRunInfo  *self,
                                      const char *policy)
{
  g_return_if_fail (PV_IS_RUN_INFO (self));
  replace_string (&self->voice_routing_policy, policy);
}

const char *
pv_run_info_get_operator_id (PvRunInfo *self)
{
  g_return_val_if_fail (PV_IS_RUN_INFO (self), NULL);
  return self->operator_id;
}

const char *
pv_run_info_get_operator_name (PvRunInfo *self)
{
  g_return_val_if_fail (PV_IS_RUN_INFO (self), NULL);
  return self->operator_name;
}

void
pv_run_info_set_operator (PvRunInfo  *self,
                          const char *id,
                          const char *name)
{
  g_return_if_fail (PV_IS_RUN_INFO (self));
  replace_string (&self->operator_id, id);
  replace_string (&self->operator_name, name);
}

/**
 * pv_run_info_get_countries:
 *
 * Returns: (transfer none): ISO 3166-1 alpha-2 codes, never %NULL
 */
const char * const *
pv_run_info_get_countries (PvRunInfo *self)
{
  g_return_val_if_fail (PV_IS_RUN_INFO (self), NULL);
  return (const char * const *) self->countries;
}

void
pv_run_info_set_countries (PvRunInfo          *self,
                           const char * const *codes)
{
  GStrv copy;

  g_return_if_fail (PV_IS_RUN_INFO (self));

  copy = codes != NULL ? g_strdupv ((char **) codes) : g_new0 (char *, 1);
  g_strfreev (self->countries);
  self->countries = copy;
}

/**
 * pv_run_info_get_contact:
 *
 * Returns: (transfer none) (nullable): the contact details given to the
 *   operator
 */
PvContactDetails *
pv_run_info_get_contact (PvRunInfo *self)
{
  g_return_val_if_fail (PV_IS_RUN_INFO (self), NULL);
  return self->contact;
}

void
pv_run_info_set_contact (PvRunInfo        *self,
                         PvContactDetails *contact)
{
  g_return_if_fail (PV_IS_RUN_INFO (self));
  g_set_object (&self->contact, contact);
}

gboolean
pv_run_info_get_consent (PvRunInfo *self)
{
  g_return_val_if_fail (PV_IS_RUN_INFO (self), FALSE);
  return self->consent;
}

void
pv_run_info_set_consent (PvRunInfo *self,
                         gboolean   consent)
{
  g_return_if_fail (PV_IS_RUN_INFO (self));
  self->consent = !!consent;
}
