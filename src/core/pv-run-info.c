/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pv-country.h"
#include "pv-json.h"
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
  GDateTime *ended;
  char *ran_by;
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
  g_clear_pointer (&self->ended, g_date_time_unref);
  g_clear_pointer (&self->ran_by, g_free);
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

/**
 * pv_run_info_dup_service_label:
 *
 * The sandbox tenant only ever listens on loopback, at a port chosen at
 * each start, so its address says nothing to a person: it is named
 * instead, with what it means.
 *
 * Returns: (transfer full) (nullable): the service the run talked to, as
 *   a person reads it, or %NULL when unknown
 */
char *
pv_run_info_dup_service_label (PvRunInfo *self)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;

  g_return_val_if_fail (PV_IS_RUN_INFO (self), NULL);

  if (self->service == NULL)
    return NULL;
  uri = g_uri_parse (self->service, G_URI_FLAGS_NONE, NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (host != NULL &&
      (g_str_equal (host, "127.0.0.1") || g_str_equal (host, "::1") || g_str_equal (host, "localhost")))
    return g_strdup (_("the sandbox tenant on this computer (nothing real was changed)"));
  return g_strdup (self->service);
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

/**
 * pv_run_info_get_ended:
 *
 * Returns: (transfer none) (nullable): when the run last ended (finished
 *   or stopped), or %NULL while it runs or when it was killed
 */
GDateTime *
pv_run_info_get_ended (PvRunInfo *self)
{
  g_return_val_if_fail (PV_IS_RUN_INFO (self), NULL);
  return self->ended;
}

void
pv_run_info_set_ended (PvRunInfo *self,
                       GDateTime *ended)
{
  g_return_if_fail (PV_IS_RUN_INFO (self));

  if (ended != NULL)
    g_date_time_ref (ended);
  g_clear_pointer (&self->ended, g_date_time_unref);
  self->ended = ended;
}

/* Who ran it: the account of the computer the run was made from. */
const char *
pv_run_info_get_ran_by (PvRunInfo *self)
{
  g_return_val_if_fail (PV_IS_RUN_INFO (self), NULL);
  return self->ran_by;
}

void
pv_run_info_set_ran_by (PvRunInfo  *self,
                        const char *ran_by)
{
  g_return_if_fail (PV_IS_RUN_INFO (self));
  replace_string (&self->ran_by, ran_by);
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

/* --- As the journal records it. --- */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_time (JsonBuilder *builder,
          const char  *member,
          GDateTime   *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, g_date_time_to_unix (value));
}

/**
 * pv_run_info_to_json:
 *
 * Returns: (transfer full): the facts of the run as a JSON object, read
 *   back by pv_run_info_new_from_json()
 */
JsonNode *
pv_run_info_to_json (PvRunInfo *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (PV_IS_RUN_INFO (self), NULL);

  json_builder_begin_object (builder);
  add_string (builder, "flow", pv_enum_to_nick (PV_TYPE_FLOW, self->flow));
  add_string (builder, "tenant", self->tenant);
  add_string (builder, "service", self->service);
  add_time (builder, "started", self->started);
  add_time (builder, "ended", self->ended);
  add_string (builder, "ranBy", self->ran_by);
  add_string (builder, "pool", self->pool);
  add_string (builder, "sipFormat", pv_enum_to_nick (PV_TYPE_SIP_FORMAT, self->sip_format));
  add_string (builder, "sipDomain", self->sip_domain);
  add_string (builder, "voiceRoutingPolicy", self->voice_routing_policy);
  add_string (builder, "operatorId", self->operator_id);
  add_string (builder, "operatorName", self->operator_name);
  json_builder_set_member_name (builder, "countries");
  json_builder_begin_array (builder);
  for (guint i = 0; self->countries[i] != NULL; i++)
    json_builder_add_string_value (builder, self->countries[i]);
  json_builder_end_array (builder);
  if (self->contact != NULL)
    {
      json_builder_set_member_name (builder, "contact");
      json_builder_add_value (builder, pv_contact_details_to_json (self->contact));
    }
  json_builder_set_member_name (builder, "consent");
  json_builder_add_boolean_value (builder, self->consent);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static GDateTime *
read_time (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return NULL;
  return g_date_time_new_from_unix_utc (json_node_get_int (node));
}

/**
 * pv_run_info_new_from_json:
 *
 * Reads what pv_run_info_to_json() wrote. Members it does not know are
 * ignored, and missing ones keep their default, so that a journal of
 * another version still reads.
 *
 * Returns: (transfer full) (nullable): the facts, or %NULL with @error
 *   when @node is not an object naming a known flow
 */
PvRunInfo *
pv_run_info_new_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(PvRunInfo) self = NULL;
  g_autoptr(GDateTime) started = NULL;
  g_autoptr(GDateTime) ended = NULL;
  JsonObject *object;
  JsonNode *member;
  const char *nick;
  int value;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, PV_JSON_ERROR, PV_JSON_ERROR_NOT_OBJECT, "run info: not an object");
      return NULL;
    }
  object = json_node_get_object (node);
  nick = pv_json_object_get_string (object, "flow");
  if (nick == NULL || !pv_enum_from_nick (PV_TYPE_FLOW, nick, &value))
    {
      g_set_error_literal (error, PV_JSON_ERROR, PV_JSON_ERROR_UNKNOWN_VALUE, "run info: unknown flow");
      return NULL;
    }

  self = pv_run_info_new ((PvFlow) value);
  replace_string (&self->tenant, pv_json_object_get_string (object, "tenant"));
  replace_string (&self->service, pv_json_object_get_string (object, "service"));
  started = read_time (object, "started");
  if (started != NULL)
    pv_run_info_set_started (self, started);
  ended = read_time (object, "ended");
  pv_run_info_set_ended (self, ended);
  replace_string (&self->ran_by, pv_json_object_get_string (object, "ranBy"));
  replace_string (&self->pool, pv_json_object_get_string (object, "pool"));
  nick = pv_json_object_get_string (object, "sipFormat");
  if (nick != NULL && pv_enum_from_nick (PV_TYPE_SIP_FORMAT, nick, &value))
    self->sip_format = (PvSipFormat) value;
  replace_string (&self->sip_domain, pv_json_object_get_string (object, "sipDomain"));
  replace_string (&self->voice_routing_policy, pv_json_object_get_string (object, "voiceRoutingPolicy"));
  replace_string (&self->operator_id, pv_json_object_get_string (object, "operatorId"));
  replace_string (&self->operator_name, pv_json_object_get_string (object, "operatorName"));

  member = json_object_get_member (object, "countries");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *array = json_node_get_array (member);
      g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (codes, json_node_get_string (element));
        }
      strv = g_strv_builder_end (codes);
      pv_run_info_set_countries (self, (const char * const *) strv);
    }

  member = json_object_get_member (object, "contact");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    {
      g_autoptr(PvContactDetails) contact = pv_contact_details_new_from_json (member, "contact", NULL);

      pv_run_info_set_contact (self, contact);
    }

  member = json_object_get_member (object, "consent");
  if (member != NULL && JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_BOOLEAN)
    self->consent = json_node_get_boolean (member);

  return g_steal_pointer (&self);
}

/**
 * pv_run_info_copy:
 *
 * Returns: (transfer full): a copy of @self
 */
PvRunInfo *
pv_run_info_copy (PvRunInfo *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (PV_IS_RUN_INFO (self), NULL);

  node = pv_run_info_to_json (self);
  return pv_run_info_new_from_json (node, NULL);
}
