/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-json.h"
#include "pv-contact-details.h"

struct _PvContactDetails
{
  GObject parent_instance;

  char *full_name;
  char *email;
  int company_size;
  char *phone;
};

G_DEFINE_FINAL_TYPE (PvContactDetails, pv_contact_details, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FULL_NAME,
  PROP_EMAIL,
  PROP_COMPANY_SIZE,
  PROP_PHONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const PvJsonField json_fields[] = {
  { "fullName", "full-name", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "email", "email", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "companySize", "company-size", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "phone", "phone", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
};

static void
pv_contact_details_finalize (GObject *object)
{
  PvContactDetails *self = (PvContactDetails *) object;

  g_clear_pointer (&self->full_name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);

  G_OBJECT_CLASS (pv_contact_details_parent_class)->finalize (object);
}

static void
pv_contact_details_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PvContactDetails *self = PV_CONTACT_DETAILS (object);

  switch (prop_id)
    {
    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_COMPANY_SIZE:
      g_value_set_int (value, self->company_size);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_contact_details_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PvContactDetails *self = PV_CONTACT_DETAILS (object);

  switch (prop_id)
    {
    case PROP_FULL_NAME:
      pv_contact_details_set_full_name (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      pv_contact_details_set_email (self, g_value_get_string (value));
      break;

    case PROP_COMPANY_SIZE:
      pv_contact_details_set_company_size (self, g_value_get_int (value));
      break;

    case PROP_PHONE:
      pv_contact_details_set_phone (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_contact_details_class_init (PvContactDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_contact_details_finalize;
  object_class->get_property = pv_contact_details_get_property;
  object_class->set_property = pv_contact_details_set_property;

  /* The contact person. */
  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The contact e-mail address. */
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Number of employees; 0 when not given. */
  properties[PROP_COMPANY_SIZE] =
    g_param_spec_int ("company-size", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* An optional E.164 phone number. */
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pv_contact_details_init (PvContactDetails *self)
{
}

PvContactDetails *
pv_contact_details_new (void)
{
  return g_object_new (PV_TYPE_CONTACT_DETAILS, NULL);
}

/**
 * pv_contact_details_new_from_json:
 * @node: a JSON object
 * @path: (nullable): where @node sits in its document, for error messages
 * @error: return location for a #PV_JSON_ERROR
 *
 * Returns: (transfer full) (nullable): the object, or %NULL when a member
 *   is missing, has the wrong type or an unknown value
 */
PvContactDetails *
pv_contact_details_new_from_json (JsonNode    *node,
                                  const char  *path,
                                  GError     **error)
{
  g_autoptr(PvContactDetails) self = pv_contact_details_new ();

  if (!pv_json_read_fields (G_OBJECT (self), node, path,
                            json_fields, G_N_ELEMENTS (json_fields), error))
    return NULL;

  return g_steal_pointer (&self);
}

JsonNode *
pv_contact_details_to_json (PvContactDetails *self)
{
  g_return_val_if_fail (PV_IS_CONTACT_DETAILS (self), NULL);

  return pv_json_write_fields (G_OBJECT (self), json_fields, G_N_ELEMENTS (json_fields));
}

const char *
pv_contact_details_get_full_name (PvContactDetails *self)
{
  g_return_val_if_fail (PV_IS_CONTACT_DETAILS (self), NULL);

  return self->full_name;
}

void
pv_contact_details_set_full_name (PvContactDetails *self,
                                  const char       *full_name)
{
  g_return_if_fail (PV_IS_CONTACT_DETAILS (self));

  if (g_strcmp0 (self->full_name, full_name) == 0)
    return;

  g_free (self->full_name);
  self->full_name = g_strdup (full_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL_NAME]);
}

const char *
pv_contact_details_get_email (PvContactDetails *self)
{
  g_return_val_if_fail (PV_IS_CONTACT_DETAILS (self), NULL);

  return self->email;
}

void
pv_contact_details_set_email (PvContactDetails *self,
                              const char       *email)
{
  g_return_if_fail (PV_IS_CONTACT_DETAILS (self));

  if (g_strcmp0 (self->email, email) == 0)
    return;

  g_free (self->email);
  self->email = g_strdup (email);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

int
pv_contact_details_get_company_size (PvContactDetails *self)
{
  g_return_val_if_fail (PV_IS_CONTACT_DETAILS (self), 0);

  return self->company_size;
}

void
pv_contact_details_set_company_size (PvContactDetails *self,
                                     int               company_size)
{
  g_return_if_fail (PV_IS_CONTACT_DETAILS (self));

  if (self->company_size == company_size)
    return;

  self->company_size = company_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY_SIZE]);
}

const char *
pv_contact_details_get_phone (PvContactDetails *self)
{
  g_return_val_if_fail (PV_IS_CONTACT_DETAILS (self), NULL);

  return self->phone;
}

void
pv_contact_details_set_phone (PvContactDetails *self,
                              const char       *phone)
{
  g_return_if_fail (PV_IS_CONTACT_DETAILS (self));

  if (g_strcmp0 (self->phone, phone) == 0)
    return;

  g_free (self->phone);
  self->phone = g_strdup (phone);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}
