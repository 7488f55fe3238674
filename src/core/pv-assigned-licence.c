/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-json.h"
#include "pv-assigned-licence.h"

struct _PvAssignedLicence
{
  GObject parent_instance;

  char *sku_id;
  GStrv disabled_plans;
};

G_DEFINE_FINAL_TYPE (PvAssignedLicence, pv_assigned_licence, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SKU_ID,
  PROP_DISABLED_PLANS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const PvJsonField json_fields[] = {
  { "skuId", "sku-id", PV_JSON_FIELD_REQUIRED, NULL, NULL },
  { "disabledPlans", "disabled-plans", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
};

static void
pv_assigned_licence_finalize (GObject *object)
{
  PvAssignedLicence *self = (PvAssignedLicence *) object;

  g_clear_pointer (&self->sku_id, g_free);
  g_clear_pointer (&self->disabled_plans, g_strfreev);

  G_OBJECT_CLASS (pv_assigned_licence_parent_class)->finalize (object);
}

static void
pv_assigned_licence_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PvAssignedLicence *self = PV_ASSIGNED_LICENCE (object);

  switch (prop_id)
    {
    case PROP_SKU_ID:
      g_value_set_string (value, self->sku_id);
      break;

    case PROP_DISABLED_PLANS:
      g_value_set_boxed (value, self->disabled_plans);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_assigned_licence_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PvAssignedLicence *self = PV_ASSIGNED_LICENCE (object);

  switch (prop_id)
    {
    case PROP_SKU_ID:
      pv_assigned_licence_set_sku_id (self, g_value_get_string (value));
      break;

    case PROP_DISABLED_PLANS:
      pv_assigned_licence_set_disabled_plans (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_assigned_licence_class_init (PvAssignedLicenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_assigned_licence_finalize;
  object_class->get_property = pv_assigned_licence_get_property;
  object_class->set_property = pv_assigned_licence_set_property;

  /* The SKU GUID. */
  properties[PROP_SKU_ID] =
    g_param_spec_string ("sku-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Service plan GUIDs switched off. */
  properties[PROP_DISABLED_PLANS] =
    g_param_spec_boxed ("disabled-plans", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pv_assigned_licence_init (PvAssignedLicence *self)
{
}

PvAssignedLicence *
pv_assigned_licence_new (void)
{
  return g_object_new (PV_TYPE_ASSIGNED_LICENCE, NULL);
}

/**
 * pv_assigned_licence_new_from_json:
 * @node: a JSON object
 * @path: (nullable): where @node sits in its document, for error messages
 * @error: return location for a #PV_JSON_ERROR
 *
 * Returns: (transfer full) (nullable): the object, or %NULL when a member
 *   is missing, has the wrong type or an unknown value
 */
PvAssignedLicence *
pv_assigned_licence_new_from_json (JsonNode    *node,
                                   const char  *path,
                                   GError     **error)
{
  g_autoptr(PvAssignedLicence) self = pv_assigned_licence_new ();

  if (!pv_json_read_fields (G_OBJECT (self), node, path,
                            json_fields, G_N_ELEMENTS (json_fields), error))
    return NULL;

  return g_steal_pointer (&self);
}

JsonNode *
pv_assigned_licence_to_json (PvAssignedLicence *self)
{
  g_return_val_if_fail (PV_IS_ASSIGNED_LICENCE (self), NULL);

  return pv_json_write_fields (G_OBJECT (self), json_fields, G_N_ELEMENTS (json_fields));
}

const char *
pv_assigned_licence_get_sku_id (PvAssignedLicence *self)
{
  g_return_val_if_fail (PV_IS_ASSIGNED_LICENCE (self), NULL);

  return self->sku_id;
}

void
pv_assigned_licence_set_sku_id (PvAssignedLicence *self,
                                const char        *sku_id)
{
  g_return_if_fail (PV_IS_ASSIGNED_LICENCE (self));

  if (g_strcmp0 (self->sku_id, sku_id) == 0)
    return;

  g_free (self->sku_id);
  self->sku_id = g_strdup (sku_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKU_ID]);
}

const char * const *
pv_assigned_licence_get_disabled_plans (PvAssignedLicence *self)
{
  g_return_val_if_fail (PV_IS_ASSIGNED_LICENCE (self), NULL);

  return (const char * const *) self->disabled_plans;
}

void
pv_assigned_licence_set_disabled_plans (PvAssignedLicence  *self,
                                        const char * const *disabled_plans)
{
  g_return_if_fail (PV_IS_ASSIGNED_LICENCE (self));

  if (self->disabled_plans == NULL && disabled_plans == NULL)
    return;
  if (self->disabled_plans != NULL && disabled_plans != NULL &&
      g_strv_equal ((const char * const *) self->disabled_plans, disabled_plans))
    return;

  g_strfreev (self->disabled_plans);
  self->disabled_plans = g_strdupv ((char **) disabled_plans);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISABLED_PLANS]);
}
