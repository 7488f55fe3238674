/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-json.h"
#include "pv-assigned-plan.h"

struct _PvAssignedPlan
{
  GObject parent_instance;

  char *service_plan_id;
  char *service;
  char *capability_status;
};

G_DEFINE_FINAL_TYPE (PvAssignedPlan, pv_assigned_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SERVICE_PLAN_ID,
  PROP_SERVICE,
  PROP_CAPABILITY_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const PvJsonField json_fields[] = {
  { "servicePlanId", "service-plan-id", PV_JSON_FIELD_REQUIRED, NULL, NULL },
  { "service", "service", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "capabilityStatus", "capability-status", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
};

static void
pv_assigned_plan_finalize (GObject *object)
{
  PvAssignedPlan *self = (PvAssignedPlan *) object;

  g_clear_pointer (&self->service_plan_id, g_free);
  g_clear_pointer (&self->service, g_free);
  g_clear_pointer (&self->capability_status, g_free);

  G_OBJECT_CLASS (pv_assigned_plan_parent_class)->finalize (object);
}

static void
pv_assigned_plan_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PvAssignedPlan *self = PV_ASSIGNED_PLAN (object);

  switch (prop_id)
    {
    case PROP_SERVICE_PLAN_ID:
      g_value_set_string (value, self->service_plan_id);
      break;

    case PROP_SERVICE:
      g_value_set_string (value, self->service);
      break;

    case PROP_CAPABILITY_STATUS:
      g_value_set_string (value, self->capability_status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_assigned_plan_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PvAssignedPlan *self = PV_ASSIGNED_PLAN (object);

  switch (prop_id)
    {
    case PROP_SERVICE_PLAN_ID:
      pv_assigned_plan_set_service_plan_id (self, g_value_get_string (value));
      break;

    case PROP_SERVICE:
      pv_assigned_plan_set_service (self, g_value_get_string (value));
      break;

    case PROP_CAPABILITY_STATUS:
      pv_assigned_plan_set_capability_status (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_assigned_plan_class_init (PvAssignedPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_assigned_plan_finalize;
  object_class->get_property = pv_assigned_plan_get_property;
  object_class->set_property = pv_assigned_plan_set_property;

  /* The service plan GUID. */
  properties[PROP_SERVICE_PLAN_ID] =
    g_param_spec_string ("service-plan-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The service name, such as MCOEV. */
  properties[PROP_SERVICE] =
    g_param_spec_string ("service", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Enabled, Warning, Suspended, Deleted or LockedOut. */
  properties[PROP_CAPABILITY_STATUS] =
    g_param_spec_string ("capability-status", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pv_assigned_plan_init (PvAssignedPlan *self)
{
}

PvAssignedPlan *
pv_assigned_plan_new (void)
{
  return g_object_new (PV_TYPE_ASSIGNED_PLAN, NULL);
}

/**
 * pv_assigned_plan_new_from_json:
 * @node: a JSON object
 * @path: (nullable): where @node sits in its document, for error messages
 * @error: return location for a #PV_JSON_ERROR
 *
 * Returns: (transfer full) (nullable): the object, or %NULL when a member
 *   is missing, has the wrong type or an unknown value
 */
PvAssignedPlan *
pv_assigned_plan_new_from_json (JsonNode    *node,
                                const char  *path,
                                GError     **error)
{
  g_autoptr(PvAssignedPlan) self = pv_assigned_plan_new ();

  if (!pv_json_read_fields (G_OBJECT (self), node, path,
                            json_fields, G_N_ELEMENTS (json_fields), error))
    return NULL;

  return g_steal_pointer (&self);
}

JsonNode *
pv_assigned_plan_to_json (PvAssignedPlan *self)
{
  g_return_val_if_fail (PV_IS_ASSIGNED_PLAN (self), NULL);

  return pv_json_write_fields (G_OBJECT (self), json_fields, G_N_ELEMENTS (json_fields));
}

const char *
pv_assigned_plan_get_service_plan_id (PvAssignedPlan *self)
{
  g_return_val_if_fail (PV_IS_ASSIGNED_PLAN (self), NULL);

  return self->service_plan_id;
}

void
pv_assigned_plan_set_service_plan_id (PvAssignedPlan *self,
                                      const char     *service_plan_id)
{
  g_return_if_fail (PV_IS_ASSIGNED_PLAN (self));

  if (g_strcmp0 (self->service_plan_id, service_plan_id) == 0)
    return;

  g_free (self->service_plan_id);
  self->service_plan_id = g_strdup (service_plan_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_PLAN_ID]);
}

const char *
pv_assigned_plan_get_service (PvAssignedPlan *self)
{
  g_return_val_if_fail (PV_IS_ASSIGNED_PLAN (self), NULL);

  return self->service;
}

void
pv_assigned_plan_set_service (PvAssignedPlan *self,
                              const char     *service)
{
  g_return_if_fail (PV_IS_ASSIGNED_PLAN (self));

  if (g_strcmp0 (self->service, service) == 0)
    return;

  g_free (self->service);
  self->service = g_strdup (service);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
}

const char *
pv_assigned_plan_get_capability_status (PvAssignedPlan *self)
{
  g_return_val_if_fail (PV_IS_ASSIGNED_PLAN (self), NULL);

  return self->capability_status;
}

void
pv_assigned_plan_set_capability_status (PvAssignedPlan *self,
                                        const char     *capability_status)
{
  g_return_if_fail (PV_IS_ASSIGNED_PLAN (self));

  if (g_strcmp0 (self->capability_status, capability_status) == 0)
    return;

  g_free (self->capability_status);
  self->capability_status = g_strdup (capability_status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPABILITY_STATUS]);
}
