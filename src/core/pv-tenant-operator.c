/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pv-json.h"
#include "pv-tenant-operator.h"

/* An operator the tenant has added (My operators): its status, the
 * countries it serves the tenant in, and the contact and consent given
 * when it was added. */

G_DEFINE_ENUM_TYPE (PvOperatorStatus, pv_operator_status,
  G_DEFINE_ENUM_VALUE (PV_OPERATOR_STATUS_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (PV_OPERATOR_STATUS_SUSPENDED, "suspended"))

/**
 * pv_operator_status_get_label:
 *
 * Returns: (nullable): the status as shown to people, translated
 */
const char *
pv_operator_status_get_label (PvOperatorStatus status)
{
  switch (status)
    {
    case PV_OPERATOR_STATUS_ACTIVE:
      return C_("operator status", "Active");
    case PV_OPERATOR_STATUS_SUSPENDED:
      return C_("operator status", "Suspended");
    default:
      return NULL;
    }
}

struct _PvTenantOperator
{
  GObject parent_instance;

  char             *operator_id;
  PvOperatorStatus  status;
  GStrv             countries;
  PvContactDetails *contact;
  gboolean          consent_given;
};

G_DEFINE_FINAL_TYPE (PvTenantOperator, pv_tenant_operator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OPERATOR_ID,
  PROP_STATUS,
  PROP_COUNTRIES,
  PROP_CONTACT,
  PROP_CONSENT_GIVEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The contact is read on its own (below): the rest maps one to one. */
static const PvJsonField json_fields[] = {
  { "operatorId", "operator-id", PV_JSON_FIELD_REQUIRED, NULL, NULL },
  { "status", "status", PV_JSON_FIELD_REQUIRED, NULL, NULL },
  { "countries", "countries", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "consentGiven", "consent-given", PV_JSON_FIELD_NULLABLE, NULL, NULL },
};

static void
pv_tenant_operator_finalize (GObject *object)
{
  PvTenantOperator *self = (PvTenantOperator *) object;

  g_clear_pointer (&self->operator_id, g_free);
  g_clear_pointer (&self->countries, g_strfreev);
  g_clear_object (&self->contact);

  G_OBJECT_CLASS (pv_tenant_operator_parent_class)->finalize (object);
}

static void
pv_tenant_operator_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PvTenantOperator *self = PV_TENANT_OPERATOR (object);

  switch (prop_id)
    {
    case PROP_OPERATOR_ID:
      g_value_set_string (value, self->operator_id);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_COUNTRIES:
      g_value_set_boxed (value, self->countries);
      break;

    case PROP_CONTACT:
      g_value_set_object (value, self->contact);
      break;

    case PROP_CONSENT_GIVEN:
      g_value_set_boolean (value, self->consent_given);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_tenant_operator_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PvTenantOperator *self = PV_TENANT_OPERATOR (object);

  switch (prop_id)
    {
    case PROP_OPERATOR_ID:
      pv_tenant_operator_set_operator_id (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      pv_tenant_operator_set_status (self, g_value_get_enum (value));
      break;

    case PROP_COUNTRIES:
      pv_tenant_operator_set_countries (self, g_value_get_boxed (value));
      break;

    case PROP_CONTACT:
      pv_tenant_operator_set_contact (self, g_value_get_object (value));
      break;

    case PROP_CONSENT_GIVEN:
      pv_tenant_operator_set_consent_given (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_tenant_operator_class_init (PvTenantOperatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_tenant_operator_finalize;
  object_class->get_property = pv_tenant_operator_get_property;
  object_class->set_property = pv_tenant_operator_set_property;

  /* The id of the operator in the catalogue. */
  properties[PROP_OPERATOR_ID] =
    g_param_spec_string ("operator-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       PV_TYPE_OPERATOR_STATUS, PV_OPERATOR_STATUS_ACTIVE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* ISO 3166-1 alpha-2 codes of the countries the tenant uses it in. */
  properties[PROP_COUNTRIES] =
    g_param_spec_boxed ("countries", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Who the operator contacts. */
  properties[PROP_CONTACT] =
    g_param_spec_object ("contact", NULL, NULL, PV_TYPE_CONTACT_DETAILS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the data transfer notice was accepted. */
  properties[PROP_CONSENT_GIVEN] =
    g_param_spec_boolean ("consent-given", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pv_tenant_operator_init (PvTenantOperator *self)
{
  self->contact = pv_contact_details_new ();
}

PvTenantOperator *
pv_tenant_operator_new (void)
{
  return g_object_new (PV_TYPE_TENANT_OPERATOR, NULL);
}

/* The core writes companySize as a number; sandbox states seeded before
 * that wrote it as a string of digits. Both mean the same count, so a
 * string of digits is read as the number. */
static JsonNode *
normalize_contact (JsonNode *node)
{
  JsonNode *copy = json_node_copy (node);
  JsonObject *object;
  const char *size;
  gint64 value;

  if (!JSON_NODE_HOLDS_OBJECT (copy))
    return copy;
  object = json_node_get_object (copy);
  size = pv_json_object_get_string (object, "companySize");
  if (size != NULL && g_ascii_string_to_signed (size, 10, 0, G_MAXINT, &value, NULL))
    json_object_set_int_member (object, "companySize", value);
  return copy;
}

/**
 * pv_tenant_operator_new_from_json:
 * @node: a tenant operator as `/provisio/v1/tenantOperators` gives it
 * @path: (nullable): where @node sits, for error messages
 *
 * Returns: (transfer full) (nullable): the operator, or %NULL with a
 *   #PV_JSON_ERROR
 */
PvTenantOperator *
pv_tenant_operator_new_from_json (JsonNode    *node,
                                  const char  *path,
                                  GError     **error)
{
  g_autoptr(PvTenantOperator) self = pv_tenant_operator_new ();
  JsonNode *contact_node;

  if (!pv_json_read_fields (G_OBJECT (self), node, path,
                            json_fields, G_N_ELEMENTS (json_fields), error))
    return NULL;

  contact_node = json_object_get_member (json_node_get_object (node), "contact");
  if (contact_node != NULL && !JSON_NODE_HOLDS_NULL (contact_node))
    {
      g_autofree char *contact_path = pv_json_member_path (path, "contact");
      g_autoptr(JsonNode) normalized = normalize_contact (contact_node);
      g_autoptr(PvContactDetails) contact = pv_contact_details_new_from_json (normalized,
                                                                              contact_path,
                                                                              error);

      if (contact == NULL)
        return NULL;
      g_set_object (&self->contact, contact);
    }

  return g_steal_pointer (&self);
}

JsonNode *
pv_tenant_operator_to_json (PvTenantOperator *self)
{
  JsonNode *node;

  g_return_val_if_fail (PV_IS_TENANT_OPERATOR (self), NULL);

  node = pv_json_write_fields (G_OBJECT (self), json_fields, G_N_ELEMENTS (json_fields));
  json_object_set_member (json_node_get_object (node), "contact",
                          pv_contact_details_to_json (self->contact));
  return node;
}

const char *
pv_tenant_operator_get_operator_id (PvTenantOperator *self)
{
  g_return_val_if_fail (PV_IS_TENANT_OPERATOR (self), NULL);

  return self->operator_id;
}

void
pv_tenant_operator_set_operator_id (PvTenantOperator *self,
                                    const char       *operator_id)
{
  g_return_if_fail (PV_IS_TENANT_OPERATOR (self));

  if (g_strcmp0 (self->operator_id, operator_id) == 0)
    return;
  g_free (self->operator_id);
  self->operator_id = g_strdup (operator_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERATOR_ID]);
}

PvOperatorStatus
pv_tenant_operator_get_status (PvTenantOperator *self)
{
  g_return_val_if_fail (PV_IS_TENANT_OPERATOR (self), PV_OPERATOR_STATUS_ACTIVE);

  return self->status;
}

void
pv_tenant_operator_set_status (PvTenantOperator *self,
                               PvOperatorStatus  status)
{
  g_return_if_fail (PV_IS_TENANT_OPERATOR (self));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * pv_tenant_operator_get_countries:
 *
 * Returns: (transfer none): the country codes, never %NULL
 */
const char * const *
pv_tenant_operator_get_countries (PvTenantOperator *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (PV_IS_TENANT_OPERATOR (self), NULL);

  return self->countries != NULL ? (const char * const *) self->countries : none;
}

void
pv_tenant_operator_set_countries (PvTenantOperator   *self,
                                  const char * const *countries)
{
  g_return_if_fail (PV_IS_TENANT_OPERATOR (self));

  if (self->countries != NULL && countries != NULL &&
      g_strv_equal ((const char * const *) self->countries, countries))
    return;
  g_clear_pointer (&self->countries, g_strfreev);
  self->countries = g_strdupv ((char **) countries);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRIES]);
}

gboolean
pv_tenant_operator_has_country (PvTenantOperator *self,
                                const char       *code)
{
  g_return_val_if_fail (PV_IS_TENANT_OPERATOR (self), FALSE);

  return code != NULL && self->countries != NULL &&
         g_strv_contains ((const char * const *) self->countries, code);
}

/**
 * pv_tenant_operator_get_contact:
 *
 * Returns: (transfer none): the contact details, never %NULL
 */
PvContactDetails *
pv_tenant_operator_get_contact (PvTenantOperator *self)
{
  g_return_val_if_fail (PV_IS_TENANT_OPERATOR (self), NULL);

  return self->contact;
}

void
pv_tenant_operator_set_contact (PvTenantOperator *self,
                                PvContactDetails *contact)
{
  g_return_if_fail (PV_IS_TENANT_OPERATOR (self));
  g_return_if_fail (contact == NULL || PV_IS_CONTACT_DETAILS (contact));

  if (contact == NULL)
    {
      g_autoptr(PvContactDetails) empty = pv_contact_details_new ();

      g_set_object (&self->contact, empty);
    }
  else if (!g_set_object (&self->contact, contact))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT]);
}

gboolean
pv_tenant_operator_get_consent_given (PvTenantOperator *self)
{
  g_return_val_if_fail (PV_IS_TENANT_OPERATOR (self), FALSE);

  return self->consent_given;
}

void
pv_tenant_operator_set_consent_given (PvTenantOperator *self,
                                      gboolean          consent_given)
{
  g_return_if_fail (PV_IS_TENANT_OPERATOR (self));

  consent_given = !!consent_given;
  if (self->consent_given == consent_given)
    return;
  self->consent_given = consent_given;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSENT_GIVEN]);
}
