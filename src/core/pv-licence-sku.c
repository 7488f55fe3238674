/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-json.h"
#include "pv-licence-sku.h"

struct _PvLicenceSku
{
  GObject parent_instance;

  char *sku_id;
  char *sku_part_number;
  int consumed_units;
  int enabled_units;
  int suspended_units;
  int warning_units;
  GListStore *service_plans;
};

G_DEFINE_FINAL_TYPE (PvLicenceSku, pv_licence_sku, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SKU_ID,
  PROP_SKU_PART_NUMBER,
  PROP_CONSUMED_UNITS,
  PROP_ENABLED_UNITS,
  PROP_SUSPENDED_UNITS,
  PROP_WARNING_UNITS,
  PROP_SERVICE_PLANS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GObject *
read_service_plan (JsonNode    *node,
                   const char  *path,
                   GError     **error)
{
  return G_OBJECT (pv_service_plan_new_from_json (node, path, error));
}

static JsonNode *
write_service_plan (gpointer item)
{
  return pv_service_plan_to_json (item);
}

static const PvJsonField json_fields[] = {
  { "skuId", "sku-id", PV_JSON_FIELD_REQUIRED, NULL, NULL },
  { "skuPartNumber", "sku-part-number", PV_JSON_FIELD_REQUIRED, NULL, NULL },
  { "consumedUnits", "consumed-units", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "prepaidUnits.enabled", "enabled-units", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "prepaidUnits.suspended", "suspended-units", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "prepaidUnits.warning", "warning-units", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "servicePlans", "service-plans",
    PV_JSON_FIELD_OPTIONAL, read_service_plan, write_service_plan },
};

static void
pv_licence_sku_finalize (GObject *object)
{
  PvLicenceSku *self = (PvLicenceSku *) object;

  g_clear_pointer (&self->sku_id, g_free);
  g_clear_pointer (&self->sku_part_number, g_free);
  g_clear_object (&self->service_plans);

  G_OBJECT_CLASS (pv_licence_sku_parent_class)->finalize (object);
}

static void
pv_licence_sku_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PvLicenceSku *self = PV_LICENCE_SKU (object);

  switch (prop_id)
    {
    case PROP_SKU_ID:
      g_value_set_string (value, self->sku_id);
      break;

    case PROP_SKU_PART_NUMBER:
      g_value_set_string (value, self->sku_part_number);
      break;

    case PROP_CONSUMED_UNITS:
      g_value_set_int (value, self->consumed_units);
      break;

    case PROP_ENABLED_UNITS:
      g_value_set_int (value, self->enabled_units);
      break;

    case PROP_SUSPENDED_UNITS:
      g_value_set_int (value, self->suspended_units);
      break;

    case PROP_WARNING_UNITS:
      g_value_set_int (value, self->warning_units);
      break;

    case PROP_SERVICE_PLANS:
      g_value_set_object (value, self->service_plans);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_licence_sku_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PvLicenceSku *self = PV_LICENCE_SKU (object);

  switch (prop_id)
    {
    case PROP_SKU_ID:
      pv_licence_sku_set_sku_id (self, g_value_get_string (value));
      break;

    case PROP_SKU_PART_NUMBER:
      pv_licence_sku_set_sku_part_number (self, g_value_get_string (value));
      break;

    case PROP_CONSUMED_UNITS:
      pv_licence_sku_set_consumed_units (self, g_value_get_int (value));
      break;

    case PROP_ENABLED_UNITS:
      pv_licence_sku_set_enabled_units (self, g_value_get_int (value));
      break;

    case PROP_SUSPENDED_UNITS:
      pv_licence_sku_set_suspended_units (self, g_value_get_int (value));
      break;

    case PROP_WARNING_UNITS:
      pv_licence_sku_set_warning_units (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_licence_sku_class_init (PvLicenceSkuClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_licence_sku_finalize;
  object_class->get_property = pv_licence_sku_get_property;
  object_class->set_property = pv_licence_sku_set_property;

  /* The SKU GUID. */
  properties[PROP_SKU_ID] =
    g_param_spec_string ("sku-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Such as ENTERPRISEPREMIUM. */
  properties[PROP_SKU_PART_NUMBER] =
    g_param_spec_string ("sku-part-number", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Licences assigned. */
  properties[PROP_CONSUMED_UNITS] =
    g_param_spec_int ("consumed-units", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Licences bought and active. */
  properties[PROP_ENABLED_UNITS] =
    g_param_spec_int ("enabled-units", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Licences suspended. */
  properties[PROP_SUSPENDED_UNITS] =
    g_param_spec_int ("suspended-units", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Licences in their grace period. */
  properties[PROP_WARNING_UNITS] =
    g_param_spec_int ("warning-units", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The plans the SKU carries. */
  properties[PROP_SERVICE_PLANS] =
    g_param_spec_object ("service-plans", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pv_licence_sku_init (PvLicenceSku *self)
{
  self->service_plans = g_list_store_new (PV_TYPE_SERVICE_PLAN);
}

PvLicenceSku *
pv_licence_sku_new (void)
{
  return g_object_new (PV_TYPE_LICENCE_SKU, NULL);
}

/**
 * pv_licence_sku_new_from_json:
 * @node: a JSON object
 * @path: (nullable): where @node sits in its document, for error messages
 * @error: return location for a #PV_JSON_ERROR
 *
 * Returns: (transfer full) (nullable): the object, or %NULL when a member
 *   is missing, has the wrong type or an unknown value
 */
PvLicenceSku *
pv_licence_sku_new_from_json (JsonNode    *node,
                              const char  *path,
                              GError     **error)
{
  g_autoptr(PvLicenceSku) self = pv_licence_sku_new ();

  if (!pv_json_read_fields (G_OBJECT (self), node, path,
                            json_fields, G_N_ELEMENTS (json_fields), error))
    return NULL;

  return g_steal_pointer (&self);
}

JsonNode *
pv_licence_sku_to_json (PvLicenceSku *self)
{
  g_return_val_if_fail (PV_IS_LICENCE_SKU (self), NULL);

  return pv_json_write_fields (G_OBJECT (self), json_fields, G_N_ELEMENTS (json_fields));
}

const char *
pv_licence_sku_get_sku_id (PvLicenceSku *self)
{
  g_return_val_if_fail (PV_IS_LICENCE_SKU (self), NULL);

  return self->sku_id;
}

void
pv_licence_sku_set_sku_id (PvLicenceSku *self,
                           const char   *sku_id)
{
  g_return_if_fail (PV_IS_LICENCE_SKU (self));

  if (g_strcmp0 (self->sku_id, sku_id) == 0)
    return;

  g_free (self->sku_id);
  self->sku_id = g_strdup (sku_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKU_ID]);
}

const char *
pv_licence_sku_get_sku_part_number (PvLicenceSku *self)
{
  g_return_val_if_fail (PV_IS_LICENCE_SKU (self), NULL);

  return self->sku_part_number;
}

void
pv_licence_sku_set_sku_part_number (PvLicenceSku *self,
                                    const char   *sku_part_number)
{
  g_return_if_fail (PV_IS_LICENCE_SKU (self));

  if (g_strcmp0 (self->sku_part_number, sku_part_number) == 0)
    return;

  g_free (self->sku_part_number);
  self->sku_part_number = g_strdup (sku_part_number);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKU_PART_NUMBER]);
}

int
pv_licence_sku_get_consumed_units (PvLicenceSku *self)
{
  g_return_val_if_fail (PV_IS_LICENCE_SKU (self), 0);

  return self->consumed_units;
}

void
pv_licence_sku_set_consumed_units (PvLicenceSku *self,
                                   int           consumed_units)
{
  g_return_if_fail (PV_IS_LICENCE_SKU (self));

  if (self->consumed_units == consumed_units)
    return;

  self->consumed_units = consumed_units;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSUMED_UNITS]);
}

int
pv_licence_sku_get_enabled_units (PvLicenceSku *self)
{
  g_return_val_if_fail (PV_IS_LICENCE_SKU (self), 0);

  return self->enabled_units;
}

void
pv_licence_sku_set_enabled_units (PvLicenceSku *self,
                                  int           enabled_units)
{
  g_return_if_fail (PV_IS_LICENCE_SKU (self));

  if (self->enabled_units == enabled_units)
    return;

  self->enabled_units = enabled_units;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED_UNITS]);
}

int
pv_licence_sku_get_suspended_units (PvLicenceSku *self)
{
  g_return_val_if_fail (PV_IS_LICENCE_SKU (self), 0);

  return self->suspended_units;
}

void
pv_licence_sku_set_suspended_units (PvLicenceSku *self,
                                    int           suspended_units)
{
  g_return_if_fail (PV_IS_LICENCE_SKU (self));

  if (self->suspended_units == suspended_units)
    return;

  self->suspended_units = suspended_units;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUSPENDED_UNITS]);
}

int
pv_licence_sku_get_warning_units (PvLicenceSku *self)
{
  g_return_val_if_fail (PV_IS_LICENCE_SKU (self), 0);

  return self->warning_units;
}

void
pv_licence_sku_set_warning_units (PvLicenceSku *self,
                                  int           warning_units)
{
  g_return_if_fail (PV_IS_LICENCE_SKU (self));

  if (self->warning_units == warning_units)
    return;

  self->warning_units = warning_units;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARNING_UNITS]);
}

/**
 * pv_licence_sku_get_service_plans:
 *
 * Returns: (transfer none): a list of #PvServicePlan
 */
GListModel *
pv_licence_sku_get_service_plans (PvLicenceSku *self)
{
  g_return_val_if_fail (PV_IS_LICENCE_SKU (self), NULL);

  return G_LIST_MODEL (self->service_plans);
}

void
pv_licence_sku_add_service_plan (PvLicenceSku  *self,
                                 PvServicePlan *service_plan)
{
  g_return_if_fail (PV_IS_LICENCE_SKU (self));
  g_return_if_fail (PV_IS_SERVICE_PLAN (service_plan));

  g_list_store_append (self->service_plans, service_plan);
}

/**
 * pv_licence_sku_get_available_units:
 *
 * Returns: the licences that can still be assigned, never negative (a
 *   tenant over its count reports more consumed than enabled)
 */
int
pv_licence_sku_get_available_units (PvLicenceSku *self)
{
  g_return_val_if_fail (PV_IS_LICENCE_SKU (self), 0);

  return MAX (self->enabled_units - self->consumed_units, 0);
}

gboolean
pv_licence_sku_has_service_plan (PvLicenceSku *self,
                                 const char   *service_plan_id)
{
  guint n;

  g_return_val_if_fail (PV_IS_LICENCE_SKU (self), FALSE);
  g_return_val_if_fail (service_plan_id != NULL, FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->service_plans));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PvServicePlan) plan = g_list_model_get_item (G_LIST_MODEL (self->service_plans), i);
      const char *id = pv_service_plan_get_service_plan_id (plan);

      if (id != NULL && g_ascii_strcasecmp (id, service_plan_id) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
pv_licence_sku_has_phone_system (PvLicenceSku *self)
{
  return pv_licence_sku_has_service_plan (self, PV_PHONE_SYSTEM_SERVICE_PLAN_ID);
}
