/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-json.h"
#include "pv-emergency-address.h"

struct _PvEmergencyAddress
{
  GObject parent_instance;

  char *id;
  char *description;
  char *company_name;
  char *house_number;
  char *street_name;
  char *city;
  char *postal_code;
  char *state_or_province;
  char *country_code;
};

G_DEFINE_FINAL_TYPE (PvEmergencyAddress, pv_emergency_address, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DESCRIPTION,
  PROP_COMPANY_NAME,
  PROP_HOUSE_NUMBER,
  PROP_STREET_NAME,
  PROP_CITY,
  PROP_POSTAL_CODE,
  PROP_STATE_OR_PROVINCE,
  PROP_COUNTRY_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const PvJsonField json_fields[] = {
  { "id", "id", PV_JSON_FIELD_REQUIRED, NULL, NULL },
  { "description", "description", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "companyName", "company-name", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "houseNumber", "house-number", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "streetName", "street-name", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "city", "city", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "postalCode", "postal-code", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "stateOrProvince", "state-or-province", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "countryOrRegion", "country-code", PV_JSON_FIELD_REQUIRED, NULL, NULL },
};

static void
pv_emergency_address_finalize (GObject *object)
{
  PvEmergencyAddress *self = (PvEmergencyAddress *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->company_name, g_free);
  g_clear_pointer (&self->house_number, g_free);
  g_clear_pointer (&self->street_name, g_free);
  g_clear_pointer (&self->city, g_free);
  g_clear_pointer (&self->postal_code, g_free);
  g_clear_pointer (&self->state_or_province, g_free);
  g_clear_pointer (&self->country_code, g_free);

  G_OBJECT_CLASS (pv_emergency_address_parent_class)->finalize (object);
}

static void
pv_emergency_address_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PvEmergencyAddress *self = PV_EMERGENCY_ADDRESS (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_COMPANY_NAME:
      g_value_set_string (value, self->company_name);
      break;

    case PROP_HOUSE_NUMBER:
      g_value_set_string (value, self->house_number);
      break;

    case PROP_STREET_NAME:
      g_value_set_string (value, self->street_name);
      break;

    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;

    case PROP_POSTAL_CODE:
      g_value_set_string (value, self->postal_code);
      break;

    case PROP_STATE_OR_PROVINCE:
      g_value_set_string (value, self->state_or_province);
      break;

    case PROP_COUNTRY_CODE:
      g_value_set_string (value, self->country_code);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_emergency_address_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PvEmergencyAddress *self = PV_EMERGENCY_ADDRESS (object);

  switch (prop_id)
    {
    case PROP_ID:
      pv_emergency_address_set_id (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      pv_emergency_address_set_description (self, g_value_get_string (value));
      break;

    case PROP_COMPANY_NAME:
      pv_emergency_address_set_company_name (self, g_value_get_string (value));
      break;

    case PROP_HOUSE_NUMBER:
      pv_emergency_address_set_house_number (self, g_value_get_string (value));
      break;

    case PROP_STREET_NAME:
      pv_emergency_address_set_street_name (self, g_value_get_string (value));
      break;

    case PROP_CITY:
      pv_emergency_address_set_city (self, g_value_get_string (value));
      break;

    case PROP_POSTAL_CODE:
      pv_emergency_address_set_postal_code (self, g_value_get_string (value));
      break;

    case PROP_STATE_OR_PROVINCE:
      pv_emergency_address_set_state_or_province (self, g_value_get_string (value));
      break;

    case PROP_COUNTRY_CODE:
      pv_emergency_address_set_country_code (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_emergency_address_class_init (PvEmergencyAddressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_emergency_address_finalize;
  object_class->get_property = pv_emergency_address_get_property;
  object_class->set_property = pv_emergency_address_set_property;

  /* The civic address id. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Free text. */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The company at the address. */
  properties[PROP_COMPANY_NAME] =
    g_param_spec_string ("company-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The house number. */
  properties[PROP_HOUSE_NUMBER] =
    g_param_spec_string ("house-number", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The street. */
  properties[PROP_STREET_NAME] =
    g_param_spec_string ("street-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The city. */
  properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The postal code. */
  properties[PROP_POSTAL_CODE] =
    g_param_spec_string ("postal-code", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The state or province. */
  properties[PROP_STATE_OR_PROVINCE] =
    g_param_spec_string ("state-or-province", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* ISO 3166-1 alpha-2 code. */
  properties[PROP_COUNTRY_CODE] =
    g_param_spec_string ("country-code", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pv_emergency_address_init (PvEmergencyAddress *self)
{
}

PvEmergencyAddress *
pv_emergency_address_new (void)
{
  return g_object_new (PV_TYPE_EMERGENCY_ADDRESS, NULL);
}

/**
 * pv_emergency_address_new_from_json:
 * @node: a JSON object
 * @path: (nullable): where @node sits in its document, for error messages
 * @error: return location for a #PV_JSON_ERROR
 *
 * Returns: (transfer full) (nullable): the object, or %NULL when a member
 *   is missing, has the wrong type or an unknown value
 */
PvEmergencyAddress *
pv_emergency_address_new_from_json (JsonNode    *node,
                                    const char  *path,
                                    GError     **error)
{
  g_autoptr(PvEmergencyAddress) self = pv_emergency_address_new ();

  if (!pv_json_read_fields (G_OBJECT (self), node, path,
                            json_fields, G_N_ELEMENTS (json_fields), error))
    return NULL;

  return g_steal_pointer (&self);
}

JsonNode *
pv_emergency_address_to_json (PvEmergencyAddress *self)
{
  g_return_val_if_fail (PV_IS_EMERGENCY_ADDRESS (self), NULL);

  return pv_json_write_fields (G_OBJECT (self), json_fields, G_N_ELEMENTS (json_fields));
}

const char *
pv_emergency_address_get_id (PvEmergencyAddress *self)
{
  g_return_val_if_fail (PV_IS_EMERGENCY_ADDRESS (self), NULL);

  return self->id;
}

void
pv_emergency_address_set_id (PvEmergencyAddress *self,
                             const char         *id)
{
  g_return_if_fail (PV_IS_EMERGENCY_ADDRESS (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
pv_emergency_address_get_description (PvEmergencyAddress *self)
{
  g_return_val_if_fail (PV_IS_EMERGENCY_ADDRESS (self), NULL);

  return self->description;
}

void
pv_emergency_address_set_description (PvEmergencyAddress *self,
                                      const char         *description)
{
  g_return_if_fail (PV_IS_EMERGENCY_ADDRESS (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
pv_emergency_address_get_company_name (PvEmergencyAddress *self)
{
  g_return_val_if_fail (PV_IS_EMERGENCY_ADDRESS (self), NULL);

  return self->company_name;
}

void
pv_emergency_address_set_company_name (PvEmergencyAddress *self,
                                       const char         *company_name)
{
  g_return_if_fail (PV_IS_EMERGENCY_ADDRESS (self));

  if (g_strcmp0 (self->company_name, company_name) == 0)
    return;

  g_free (self->company_name);
  self->company_name = g_strdup (company_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY_NAME]);
}

const char *
pv_emergency_address_get_house_number (PvEmergencyAddress *self)
{
  g_return_val_if_fail (PV_IS_EMERGENCY_ADDRESS (self), NULL);

  return self->house_number;
}

void
pv_emergency_address_set_house_number (PvEmergencyAddress *self,
                                       const char         *house_number)
{
  g_return_if_fail (PV_IS_EMERGENCY_ADDRESS (self));

  if (g_strcmp0 (self->house_number, house_number) == 0)
    return;

  g_free (self->house_number);
  self->house_number = g_strdup (house_number);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOUSE_NUMBER]);
}

const char *
pv_emergency_address_get_street_name (PvEmergencyAddress *self)
{
  g_return_val_if_fail (PV_IS_EMERGENCY_ADDRESS (self), NULL);

  return self->street_name;
}

void
pv_emergency_address_set_street_name (PvEmergencyAddress *self,
                                      const char         *street_name)
{
  g_return_if_fail (PV_IS_EMERGENCY_ADDRESS (self));

  if (g_strcmp0 (self->street_name, street_name) == 0)
    return;

  g_free (self->street_name);
  self->street_name = g_strdup (street_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STREET_NAME]);
}

const char *
pv_emergency_address_get_city (PvEmergencyAddress *self)
{
  g_return_val_if_fail (PV_IS_EMERGENCY_ADDRESS (self), NULL);

  return self->city;
}

void
pv_emergency_address_set_city (PvEmergencyAddress *self,
                               const char         *city)
{
  g_return_if_fail (PV_IS_EMERGENCY_ADDRESS (self));

  if (g_strcmp0 (self->city, city) == 0)
    return;

  g_free (self->city);
  self->city = g_strdup (city);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITY]);
}

const char *
pv_emergency_address_get_postal_code (PvEmergencyAddress *self)
{
  g_return_val_if_fail (PV_IS_EMERGENCY_ADDRESS (self), NULL);

  return self->postal_code;
}

void
pv_emergency_address_set_postal_code (PvEmergencyAddress *self,
                                      const char         *postal_code)
{
  g_return_if_fail (PV_IS_EMERGENCY_ADDRESS (self));

  if (g_strcmp0 (self->postal_code, postal_code) == 0)
    return;

  g_free (self->postal_code);
  self->postal_code = g_strdup (postal_code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSTAL_CODE]);
}

const char *
pv_emergency_address_get_state_or_province (PvEmergencyAddress *self)
{
  g_return_val_if_fail (PV_IS_EMERGENCY_ADDRESS (self), NULL);

  return self->state_or_province;
}

void
pv_emergency_address_set_state_or_province (PvEmergencyAddress *self,
                                            const char         *state_or_province)
{
  g_return_if_fail (PV_IS_EMERGENCY_ADDRESS (self));

  if (g_strcmp0 (self->state_or_province, state_or_province) == 0)
    return;

  g_free (self->state_or_province);
  self->state_or_province = g_strdup (state_or_province);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE_OR_PROVINCE]);
}

const char *
pv_emergency_address_get_country_code (PvEmergencyAddress *self)
{
  g_return_val_if_fail (PV_IS_EMERGENCY_ADDRESS (self), NULL);

  return self->country_code;
}

void
pv_emergency_address_set_country_code (PvEmergencyAddress *self,
                                       const char         *country_code)
{
  g_return_if_fail (PV_IS_EMERGENCY_ADDRESS (self));

  if (g_strcmp0 (self->country_code, country_code) == 0)
    return;

  g_free (self->country_code);
  self->country_code = g_strdup (country_code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY_CODE]);
}
