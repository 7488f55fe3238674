/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-json.h"
#include "pv-sip-domain.h"

struct _PvSipDomain
{
  GObject parent_instance;

  char *name;
  gboolean is_default;
};

G_DEFINE_FINAL_TYPE (PvSipDomain, pv_sip_domain, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_IS_DEFAULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const PvJsonField json_fields[] = {
  { "name", "name", PV_JSON_FIELD_REQUIRED, NULL, NULL },
  { "isDefault", "is-default", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
};

static void
pv_sip_domain_finalize (GObject *object)
{
  PvSipDomain *self = (PvSipDomain *) object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (pv_sip_domain_parent_class)->finalize (object);
}

static void
pv_sip_domain_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PvSipDomain *self = PV_SIP_DOMAIN (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_IS_DEFAULT:
      g_value_set_boolean (value, self->is_default);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_sip_domain_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PvSipDomain *self = PV_SIP_DOMAIN (object);

  switch (prop_id)
    {
    case PROP_NAME:
      pv_sip_domain_set_name (self, g_value_get_string (value));
      break;

    case PROP_IS_DEFAULT:
      pv_sip_domain_set_is_default (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_sip_domain_class_init (PvSipDomainClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_sip_domain_finalize;
  object_class->get_property = pv_sip_domain_get_property;
  object_class->set_property = pv_sip_domain_set_property;

  /* The domain name, lower case. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether this is the default SIP domain. */
  properties[PROP_IS_DEFAULT] =
    g_param_spec_boolean ("is-default", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pv_sip_domain_init (PvSipDomain *self)
{
}

PvSipDomain *
pv_sip_domain_new (void)
{
  return g_object_new (PV_TYPE_SIP_DOMAIN, NULL);
}

/**
 * pv_sip_domain_new_from_json:
 * @node: a JSON object
 * @path: (nullable): where @node sits in its document, for error messages
 * @error: return location for a #PV_JSON_ERROR
 *
 * Returns: (transfer full) (nullable): the object, or %NULL when a member
 *   is missing, has the wrong type or an unknown value
 */
PvSipDomain *
pv_sip_domain_new_from_json (JsonNode    *node,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(PvSipDomain) self = pv_sip_domain_new ();

  if (!pv_json_read_fields (G_OBJECT (self), node, path,
                            json_fields, G_N_ELEMENTS (json_fields), error))
    return NULL;

  return g_steal_pointer (&self);
}

JsonNode *
pv_sip_domain_to_json (PvSipDomain *self)
{
  g_return_val_if_fail (PV_IS_SIP_DOMAIN (self), NULL);

  return pv_json_write_fields (G_OBJECT (self), json_fields, G_N_ELEMENTS (json_fields));
}

const char *
pv_sip_domain_get_name (PvSipDomain *self)
{
  g_return_val_if_fail (PV_IS_SIP_DOMAIN (self), NULL);

  return self->name;
}

void
pv_sip_domain_set_name (PvSipDomain *self,
                        const char  *name)
{
  g_return_if_fail (PV_IS_SIP_DOMAIN (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

gboolean
pv_sip_domain_get_is_default (PvSipDomain *self)
{
  g_return_val_if_fail (PV_IS_SIP_DOMAIN (self), 0);

  return self->is_default;
}

void
pv_sip_domain_set_is_default (PvSipDomain *self,
                              gboolean     is_default)
{
  g_return_if_fail (PV_IS_SIP_DOMAIN (self));

  is_default = !!is_default;

  if (self->is_default == is_default)
    return;

  self->is_default = is_default;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_DEFAULT]);
}
