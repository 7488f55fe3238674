/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pv-json.h"
#include "pv-phone-number.h"
#include "pv-validate.h"

struct _PvPhoneNumber
{
  GObject parent_instance;

  char *telephone_number;
  PvNumberType number_type;
  char *operator_id;
  char *country_code;
  PvNumberStatus status;
  char *assigned_user_id;
  char *emergency_location_id;
};

G_DEFINE_FINAL_TYPE (PvPhoneNumber, pv_phone_number, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TELEPHONE_NUMBER,
  PROP_NUMBER_TYPE,
  PROP_OPERATOR_ID,
  PROP_COUNTRY_CODE,
  PROP_STATUS,
  PROP_ASSIGNED_USER_ID,
  PROP_EMERGENCY_LOCATION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const PvJsonField json_fields[] = {
  { "telephoneNumber", "telephone-number", PV_JSON_FIELD_REQUIRED, NULL, NULL },
  { "numberType", "number-type", PV_JSON_FIELD_REQUIRED, NULL, NULL },
  { "operatorId", "operator-id", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "isoCountryCode", "country-code", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "assignmentStatus", "status", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "assignmentTargetId", "assigned-user-id", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "locationId", "emergency-location-id", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
};

static void
pv_phone_number_finalize (GObject *object)
{
  PvPhoneNumber *self = (PvPhoneNumber *) object;

  g_clear_pointer (&self->telephone_number, g_free);
  g_clear_pointer (&self->operator_id, g_free);
  g_clear_pointer (&self->country_code, g_free);
  g_clear_pointer (&self->assigned_user_id, g_free);
  g_clear_pointer (&self->emergency_location_id, g_free);

  G_OBJECT_CLASS (pv_phone_number_parent_class)->finalize (object);
}

static void
pv_phone_number_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PvPhoneNumber *self = PV_PHONE_NUMBER (object);

  switch (prop_id)
    {
    case PROP_TELEPHONE_NUMBER:
      g_value_set_string (value, self->telephone_number);
      break;

    case PROP_NUMBER_TYPE:
      g_value_set_enum (value, self->number_type);
      break;

    case PROP_OPERATOR_ID:
      g_value_set_string (value, self->operator_id);
      break;

    case PROP_COUNTRY_CODE:
      g_value_set_string (value, self->country_code);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_ASSIGNED_USER_ID:
      g_value_set_string (value, self->assigned_user_id);
      break;

    case PROP_EMERGENCY_LOCATION_ID:
      g_value_set_string (value, self->emergency_location_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_phone_number_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PvPhoneNumber *self = PV_PHONE_NUMBER (object);

  switch (prop_id)
    {
    case PROP_TELEPHONE_NUMBER:
      pv_phone_number_set_telephone_number (self, g_value_get_string (value));
      break;

    case PROP_NUMBER_TYPE:
      pv_phone_number_set_number_type (self, g_value_get_enum (value));
      break;

    case PROP_OPERATOR_ID:
      pv_phone_number_set_operator_id (self, g_value_get_string (value));
      break;

    case PROP_COUNTRY_CODE:
      pv_phone_number_set_country_code (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      pv_phone_number_set_status (self, g_value_get_enum (value));
      break;

    case PROP_ASSIGNED_USER_ID:
      pv_phone_number_set_assigned_user_id (self, g_value_get_string (value));
      break;

    case PROP_EMERGENCY_LOCATION_ID:
      pv_phone_number_set_emergency_location_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_phone_number_class_init (PvPhoneNumberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_phone_number_finalize;
  object_class->get_property = pv_phone_number_get_property;
  object_class->set_property = pv_phone_number_set_property;

  /* The number in E.164. */
  properties[PROP_TELEPHONE_NUMBER] =
    g_param_spec_string ("telephone-number", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Direct Routing, Calling Plan or Operator Connect. */
  properties[PROP_NUMBER_TYPE] =
    g_param_spec_enum ("number-type", NULL, NULL,
                       PV_TYPE_NUMBER_TYPE, PV_NUMBER_TYPE_OPERATOR_CONNECT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The operator for Operator Connect numbers. */
  properties[PROP_OPERATOR_ID] =
    g_param_spec_string ("operator-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* ISO 3166-1 alpha-2 code. */
  properties[PROP_COUNTRY_CODE] =
    g_param_spec_string ("country-code", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether the number is assigned. */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       PV_TYPE_NUMBER_STATUS, PV_NUMBER_STATUS_UNASSIGNED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The user holding the number. */
  properties[PROP_ASSIGNED_USER_ID] =
    g_param_spec_string ("assigned-user-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The emergency location. */
  properties[PROP_EMERGENCY_LOCATION_ID] =
    g_param_spec_string ("emergency-location-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pv_phone_number_init (PvPhoneNumber *self)
{
  self->number_type = PV_NUMBER_TYPE_OPERATOR_CONNECT;
  self->status = PV_NUMBER_STATUS_UNASSIGNED;
}

PvPhoneNumber *
pv_phone_number_new (void)
{
  return g_object_new (PV_TYPE_PHONE_NUMBER, NULL);
}

/**
 * pv_phone_number_new_from_json:
 * @node: a JSON object
 * @path: (nullable): where @node sits in its document, for error messages
 * @error: return location for a #PV_JSON_ERROR
 *
 * Returns: (transfer full) (nullable): the object, or %NULL when a member
 *   is missing, has the wrong type or an unknown value
 */
PvPhoneNumber *
pv_phone_number_new_from_json (JsonNode    *node,
                               const char  *path,
                               GError     **error)
{
  g_autoptr(PvPhoneNumber) self = pv_phone_number_new ();
  g_autoptr(GError) local_error = NULL;

  if (!pv_json_read_fields (G_OBJECT (self), node, path,
                            json_fields, G_N_ELEMENTS (json_fields), error))
    return NULL;

  /* A number that is not E.164 would fail later, at assignment, far from
   * where it came in; refuse it where it enters. */
  if (!pv_validate_e164 (self->telephone_number, &local_error))
    {
      g_autofree char *member_path = pv_json_member_path (path, "telephoneNumber");

      /* Translators: the first %s is a JSON path, the second the reason. */
      g_set_error (error, PV_JSON_ERROR, PV_JSON_ERROR_INVALID_VALUE,
                   _("“%s” is not a valid E.164 number: %s"), member_path, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&self);
}

JsonNode *
pv_phone_number_to_json (PvPhoneNumber *self)
{
  g_return_val_if_fail (PV_IS_PHONE_NUMBER (self), NULL);

  return pv_json_write_fields (G_OBJECT (self), json_fields, G_N_ELEMENTS (json_fields));
}

const char *
pv_phone_number_get_telephone_number (PvPhoneNumber *self)
{
  g_return_val_if_fail (PV_IS_PHONE_NUMBER (self), NULL);

  return self->telephone_number;
}

void
pv_phone_number_set_telephone_number (PvPhoneNumber *self,
                                      const char    *telephone_number)
{
  g_return_if_fail (PV_IS_PHONE_NUMBER (self));

  if (g_strcmp0 (self->telephone_number, telephone_number) == 0)
    return;

  g_free (self->telephone_number);
  self->telephone_number = g_strdup (telephone_number);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TELEPHONE_NUMBER]);
}

PvNumberType
pv_phone_number_get_number_type (PvPhoneNumber *self)
{
  g_return_val_if_fail (PV_IS_PHONE_NUMBER (self), 0);

  return self->number_type;
}

void
pv_phone_number_set_number_type (PvPhoneNumber *self,
                                 PvNumberType   number_type)
{
  g_return_if_fail (PV_IS_PHONE_NUMBER (self));

  if (self->number_type == number_type)
    return;

  self->number_type = number_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER_TYPE]);
}

const char *
pv_phone_number_get_operator_id (PvPhoneNumber *self)
{
  g_return_val_if_fail (PV_IS_PHONE_NUMBER (self), NULL);

  return self->operator_id;
}

void
pv_phone_number_set_operator_id (PvPhoneNumber *self,
                                 const char    *operator_id)
{
  g_return_if_fail (PV_IS_PHONE_NUMBER (self));

  if (g_strcmp0 (self->operator_id, operator_id) == 0)
    return;

  g_free (self->operator_id);
  self->operator_id = g_strdup (operator_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERATOR_ID]);
}

const char *
pv_phone_number_get_country_code (PvPhoneNumber *self)
{
  g_return_val_if_fail (PV_IS_PHONE_NUMBER (self), NULL);

  return self->country_code;
}

void
pv_phone_number_set_country_code (PvPhoneNumber *self,
                                  const char    *country_code)
{
  g_return_if_fail (PV_IS_PHONE_NUMBER (self));

  if (g_strcmp0 (self->country_code, country_code) == 0)
    return;

  g_free (self->country_code);
  self->country_code = g_strdup (country_code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY_CODE]);
}

PvNumberStatus
pv_phone_number_get_status (PvPhoneNumber *self)
{
  g_return_val_if_fail (PV_IS_PHONE_NUMBER (self), 0);

  return self->status;
}

void
pv_phone_number_set_status (PvPhoneNumber  *self,
                            PvNumberStatus  status)
{
  g_return_if_fail (PV_IS_PHONE_NUMBER (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
pv_phone_number_get_assigned_user_id (PvPhoneNumber *self)
{
  g_return_val_if_fail (PV_IS_PHONE_NUMBER (self), NULL);

  return self->assigned_user_id;
}

void
pv_phone_number_set_assigned_user_id (PvPhoneNumber *self,
                                      const char    *assigned_user_id)
{
  g_return_if_fail (PV_IS_PHONE_NUMBER (self));

  if (g_strcmp0 (self->assigned_user_id, assigned_user_id) == 0)
    return;

  g_free (self->assigned_user_id);
  self->assigned_user_id = g_strdup (assigned_user_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIGNED_USER_ID]);
}

const char *
pv_phone_number_get_emergency_location_id (PvPhoneNumber *self)
{
  g_return_val_if_fail (PV_IS_PHONE_NUMBER (self), NULL);

  return self->emergency_location_id;
}

void
pv_phone_number_set_emergency_location_id (PvPhoneNumber *self,
                                           const char    *emergency_location_id)
{
  g_return_if_fail (PV_IS_PHONE_NUMBER (self));

  if (g_strcmp0 (self->emergency_location_id, emergency_location_id) == 0)
    return;

  g_free (self->emergency_location_id);
  self->emergency_location_id = g_strdup (emergency_location_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMERGENCY_LOCATION_ID]);
}
