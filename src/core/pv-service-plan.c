/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-json.h"
#include "pv-service-plan.h"

struct _PvServicePlan
{
  GObject parent_instance;

  char *service_plan_id;
  char *service_plan_name;
  char *provisioning_status;
  char *applies_to;
};

G_DEFINE_FINAL_TYPE (PvServicePlan, pv_service_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SERVICE_PLAN_ID,
  PROP_SERVICE_PLAN_NAME,
  PROP_PROVISIONING_STATUS,
  PROP_APPLIES_TO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const PvJsonField json_fields[] = {
  { "servicePlanId", "service-plan-id", PV_JSON_FIELD_REQUIRED, NULL, NULL },
  { "servicePlanName", "service-plan-name", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "provisioningStatus", "provisioning-status", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "appliesTo", "applies-to", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
};

static void
pv_service_plan_finalize (GObject *object)
{
  PvServicePlan *self = (PvServicePlan *) object;

  g_clear_pointer (&self->service_plan_id, g_free);
  g_clear_pointer (&self->service_plan_name, g_free);
  g_clear_pointer (&self->provisioning_status, g_free);
  g_clear_pointer (&self->applies_to, g_free);

  G_OBJECT_CLASS (pv_service_plan_parent_class)->finalize (object);
}

static void
pv_service_plan_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PvServicePlan *self = PV_SERVICE_PLAN (object);

  switch (prop_id)
    {
    case PROP_SERVICE_PLAN_ID:
      g_value_set_string (value, self->service_plan_id);
      break;

    case PROP_SERVICE_PLAN_NAME:
      g_value_set_string (value, self->service_plan_name);
      break;

    case PROP_PROVISIONING_STATUS:
      g_value_set_string (value, self->provisioning_status);
      break;

    case PROP_APPLIES_TO:
      g_value_set_string (value, self->applies_to);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_service_plan_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PvServicePlan *self = PV_SERVICE_PLAN (object);

  switch (prop_id)
    {
    case PROP_SERVICE_PLAN_ID:
      pv_service_plan_set_service_plan_id (self, g_value_get_string (value));
      break;

    case PROP_SERVICE_PLAN_NAME:
      pv_service_plan_set_service_plan_name (self, g_value_get_string (value));
      break;

    case PROP_PROVISIONING_STATUS:
      pv_service_plan_set_provisioning_status (self, g_value_get_string (value));
      break;

    case PROP_APPLIES_TO:
      pv_service_plan_set_applies_to (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_service_plan_class_init (PvServicePlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_service_plan_finalize;
  object_class->get_property = pv_service_plan_get_property;
  object_class->set_property = pv_service_plan_set_property;

  /* The service plan GUID. */
  properties[PROP_SERVICE_PLAN_ID] =
    g_param_spec_string ("service-plan-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The service plan name, such as MCOEV. */
  properties[PROP_SERVICE_PLAN_NAME] =
    g_param_spec_string ("service-plan-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* As Graph reports it. */
  properties[PROP_PROVISIONING_STATUS] =
    g_param_spec_string ("provisioning-status", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* User or Company. */
  properties[PROP_APPLIES_TO] =
    g_param_spec_string ("applies-to", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pv_service_plan_init (PvServicePlan *self)
{
}

PvServicePlan *
pv_service_plan_new (void)
{
  return g_object_new (PV_TYPE_SERVICE_PLAN, NULL);
}

/**
 * pv_service_plan_new_from_json:
 * @node: a JSON object
 * @path: (nullable): where @node sits in its document, for error messages
 * @error: return location for a #PV_JSON_ERROR
 *
 * Returns: (transfer full) (nullable): the object, or %NULL when a member
 *   is missing, has the wrong type or an unknown value
 */
PvServicePlan *
pv_service_plan_new_from_json (JsonNode    *node,
                               const char  *path,
                               GError     **error)
{
  g_autoptr(PvServicePlan) self = pv_service_plan_new ();

  if (!pv_json_read_fields (G_OBJECT (self), node, path,
                            json_fields, G_N_ELEMENTS (json_fields), error))
    return NULL;

  return g_steal_pointer (&self);
}

JsonNode *
pv_service_plan_to_json (PvServicePlan *self)
{
  g_return_val_if_fail (PV_IS_SERVICE_PLAN (self), NULL);

  return pv_json_write_fields (G_OBJECT (self), json_fields, G_N_ELEMENTS (json_fields));
}

const char *
pv_service_plan_get_service_plan_id (PvServicePlan *self)
{
  g_return_val_if_fail (PV_IS_SERVICE_PLAN (self), NULL);

  return self->service_plan_id;
}

void
pv_service_plan_set_service_plan_id (PvServicePlan *self,
                                     const char    *service_plan_id)
{
  g_return_if_fail (PV_IS_SERVICE_PLAN (self));

  if (g_strcmp0 (self->service_plan_id, service_plan_id) == 0)
    return;

  g_free (self->service_plan_id);
  self->service_plan_id = g_strdup (service_plan_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_PLAN_ID]);
}

const char *
pv_service_plan_get_service_plan_name (PvServicePlan *self)
{
  g_return_val_if_fail (PV_IS_SERVICE_PLAN (self), NULL);

  return self->service_plan_name;
}

void
pv_service_plan_set_service_plan_name (PvServicePlan *self,
                                       const char    *service_plan_name)
{
  g_return_if_fail (PV_IS_SERVICE_PLAN (self));

  if (g_strcmp0 (self->service_plan_name, service_plan_name) == 0)
    return;

  g_free (self->service_plan_name);
  self->service_plan_name = g_strdup (service_plan_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_PLAN_NAME]);
}

const char *
pv_service_plan_get_provisioning_status (PvServicePlan *self)
{
  g_return_val_if_fail (PV_IS_SERVICE_PLAN (self), NULL);

  return self->provisioning_status;
}

void
pv_service_plan_set_provisioning_status (PvServicePlan *self,
                                         const char    *provisioning_status)
{
  g_return_if_fail (PV_IS_SERVICE_PLAN (self));

  if (g_strcmp0 (self->provisioning_status, provisioning_status) == 0)
    return;

  g_free (self->provisioning_status);
  self->provisioning_status = g_strdup (provisioning_status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVISIONING_STATUS]);
}

const char *
pv_service_plan_get_applies_to (PvServicePlan *self)
{
  g_return_val_if_fail (PV_IS_SERVICE_PLAN (self), NULL);

  return self->applies_to;
}

void
pv_service_plan_set_applies_to (PvServicePlan *self,
                                const char    *applies_to)
{
  g_return_if_fail (PV_IS_SERVICE_PLAN (self));

  if (g_strcmp0 (self->applies_to, applies_to) == 0)
    return;

  g_free (self->applies_to);
  self->applies_to = g_strdup (applies_to);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLIES_TO]);
}
