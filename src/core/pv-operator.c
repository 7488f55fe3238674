/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-json.h"
#include "pv-operator.h"

struct _PvOperator
{
  GObject parent_instance;

  char *id;
  char *name;
  GStrv regions;
  PvOperatorServices services;
  GStrv countries;
  PvEmergencyModel emergency_model;
};

G_DEFINE_FINAL_TYPE (PvOperator, pv_operator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_REGIONS,
  PROP_SERVICES,
  PROP_COUNTRIES,
  PROP_EMERGENCY_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const PvJsonField json_fields[] = {
  { "id", "id", PV_JSON_FIELD_REQUIRED, NULL, NULL },
  { "displayName", "name", PV_JSON_FIELD_REQUIRED, NULL, NULL },
  { "regions", "regions", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "services", "services", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "countries", "countries", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "emergencyAddressModel", "emergency-model", PV_JSON_FIELD_REQUIRED, NULL, NULL },
};

static void
pv_operator_finalize (GObject *object)
{
  PvOperator *self = (PvOperator *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->regions, g_strfreev);
  g_clear_pointer (&self->countries, g_strfreev);

  G_OBJECT_CLASS (pv_operator_parent_class)->finalize (object);
}

static void
pv_operator_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PvOperator *self = PV_OPERATOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_REGIONS:
      g_value_set_boxed (value, self->regions);
      break;

    case PROP_SERVICES:
      g_value_set_flags (value, self->services);
      break;

    case PROP_COUNTRIES:
      g_value_set_boxed (value, self->countries);
      break;

    case PROP_EMERGENCY_MODEL:
      g_value_set_enum (value, self->emergency_model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_operator_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PvOperator *self = PV_OPERATOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      pv_operator_set_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      pv_operator_set_name (self, g_value_get_string (value));
      break;

    case PROP_REGIONS:
      pv_operator_set_regions (self, g_value_get_boxed (value));
      break;

    case PROP_SERVICES:
      pv_operator_set_services (self, g_value_get_flags (value));
      break;

    case PROP_COUNTRIES:
      pv_operator_set_countries (self, g_value_get_boxed (value));
      break;

    case PROP_EMERGENCY_MODEL:
      pv_operator_set_emergency_model (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_operator_class_init (PvOperatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_operator_finalize;
  object_class->get_property = pv_operator_get_property;
  object_class->set_property = pv_operator_set_property;

  /* The operator id. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The operator name. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The regions the operator serves. */
  properties[PROP_REGIONS] =
    g_param_spec_boxed ("regions", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The services offered. */
  properties[PROP_SERVICES] =
    g_param_spec_flags ("services", NULL, NULL,
                        PV_TYPE_OPERATOR_SERVICES, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* ISO 3166-1 alpha-2 codes of the countries served. */
  properties[PROP_COUNTRIES] =
    g_param_spec_boxed ("countries", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* How emergency addresses are assigned. */
  properties[PROP_EMERGENCY_MODEL] =
    g_param_spec_enum ("emergency-model", NULL, NULL,
                       PV_TYPE_EMERGENCY_MODEL, PV_EMERGENCY_MODEL_OPERATOR_ASSIGNS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pv_operator_init (PvOperator *self)
{
  self->emergency_model = PV_EMERGENCY_MODEL_OPERATOR_ASSIGNS;
}

PvOperator *
pv_operator_new (void)
{
  return g_object_new (PV_TYPE_OPERATOR, NULL);
}

/**
 * pv_operator_new_from_json:
 * @node: a JSON object
 * @path: (nullable): where @node sits in its document, for error messages
 * @error: return location for a #PV_JSON_ERROR
 *
 * Returns: (transfer full) (nullable): the object, or %NULL when a member
 *   is missing, has the wrong type or an unknown value
 */
PvOperator *
pv_operator_new_from_json (JsonNode    *node,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(PvOperator) self = pv_operator_new ();

  if (!pv_json_read_fields (G_OBJECT (self), node, path,
                            json_fields, G_N_ELEMENTS (json_fields), error))
    return NULL;

  return g_steal_pointer (&self);
}

JsonNode *
pv_operator_to_json (PvOperator *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR (self), NULL);

  return pv_json_write_fields (G_OBJECT (self), json_fields, G_N_ELEMENTS (json_fields));
}

const char *
pv_operator_get_id (PvOperator *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR (self), NULL);

  return self->id;
}

void
pv_operator_set_id (PvOperator *self,
                    const char *id)
{
  g_return_if_fail (PV_IS_OPERATOR (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
pv_operator_get_name (PvOperator *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR (self), NULL);

  return self->name;
}

void
pv_operator_set_name (PvOperator *self,
                      const char *name)
{
  g_return_if_fail (PV_IS_OPERATOR (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char * const *
pv_operator_get_regions (PvOperator *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR (self), NULL);

  return (const char * const *) self->regions;
}

void
pv_operator_set_regions (PvOperator         *self,
                         const char * const *regions)
{
  g_return_if_fail (PV_IS_OPERATOR (self));

  if (self->regions == NULL && regions == NULL)
    return;
  if (self->regions != NULL && regions != NULL &&
      g_strv_equal ((const char * const *) self->regions, regions))
    return;

  g_strfreev (self->regions);
  self->regions = g_strdupv ((char **) regions);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGIONS]);
}

PvOperatorServices
pv_operator_get_services (PvOperator *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR (self), 0);

  return self->services;
}

void
pv_operator_set_services (PvOperator         *self,
                          PvOperatorServices  services)
{
  g_return_if_fail (PV_IS_OPERATOR (self));

  if (self->services == services)
    return;

  self->services = services;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICES]);
}

const char * const *
pv_operator_get_countries (PvOperator *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR (self), NULL);

  return (const char * const *) self->countries;
}

void
pv_operator_set_countries (PvOperator         *self,
                           const char * const *countries)
{
  g_return_if_fail (PV_IS_OPERATOR (self));

  if (self->countries == NULL && countries == NULL)
    return;
  if (self->countries != NULL && countries != NULL &&
      g_strv_equal ((const char * const *) self->countries, countries))
    return;

  g_strfreev (self->countries);
  self->countries = g_strdupv ((char **) countries);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRIES]);
}

PvEmergencyModel
pv_operator_get_emergency_model (PvOperator *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR (self), 0);

  return self->emergency_model;
}

void
pv_operator_set_emergency_model (PvOperator       *self,
                                 PvEmergencyModel  emergency_model)
{
  g_return_if_fail (PV_IS_OPERATOR (self));

  if (self->emergency_model == emergency_model)
    return;

  self->emergency_model = emergency_model;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMERGENCY_MODEL]);
}

gboolean
pv_operator_serves_country (PvOperator *self,
                            const char *code)
{
  g_return_val_if_fail (PV_IS_OPERATOR (self), FALSE);

  return code != NULL && self->countries != NULL &&
         g_strv_contains ((const char * const *) self->countries, code);
}

/**
 * pv_operator_find:
 * @operators: (element-type PvOperator): a catalogue, or part of one
 * @id: an operator's id
 *
 * Returns: (transfer full) (nullable): the operator with @id
 */
PvOperator *
pv_operator_find (GListModel *operators,
                  const char *id)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (operators), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (operators); i++)
    {
      g_autoptr(PvOperator) operator_ = g_list_model_get_item (operators, i);

      if (g_strcmp0 (operator_->id, id) == 0)
        return g_steal_pointer (&operator_);
    }
  return NULL;
}
