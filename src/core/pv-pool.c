/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-json.h"
#include "pv-pool.h"

struct _PvPool
{
  GObject parent_instance;

  char *fqdn;
  PvPoolKind kind;
  char *site;
  GStrv machines;
};

G_DEFINE_FINAL_TYPE (PvPool, pv_pool, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FQDN,
  PROP_KIND,
  PROP_SITE,
  PROP_MACHINES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const PvJsonField json_fields[] = {
  { "fqdn", "fqdn", PV_JSON_FIELD_REQUIRED, NULL, NULL },
  { "kind", "kind", PV_JSON_FIELD_REQUIRED, NULL, NULL },
  { "site", "site", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "machines", "machines", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
};

static void
pv_pool_finalize (GObject *object)
{
  PvPool *self = (PvPool *) object;

  g_clear_pointer (&self->fqdn, g_free);
  g_clear_pointer (&self->site, g_free);
  g_clear_pointer (&self->machines, g_strfreev);

  G_OBJECT_CLASS (pv_pool_parent_class)->finalize (object);
}

static void
pv_pool_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  PvPool *self = PV_POOL (object);

  switch (prop_id)
    {
    case PROP_FQDN:
      g_value_set_string (value, self->fqdn);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_SITE:
      g_value_set_string (value, self->site);
      break;

    case PROP_MACHINES:
      g_value_set_boxed (value, self->machines);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_pool_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  PvPool *self = PV_POOL (object);

  switch (prop_id)
    {
    case PROP_FQDN:
      pv_pool_set_fqdn (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      pv_pool_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_SITE:
      pv_pool_set_site (self, g_value_get_string (value));
      break;

    case PROP_MACHINES:
      pv_pool_set_machines (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_pool_class_init (PvPoolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_pool_finalize;
  object_class->get_property = pv_pool_get_property;
  object_class->set_property = pv_pool_set_property;

  /* The pool FQDN, lower case. */
  properties[PROP_FQDN] =
    g_param_spec_string ("fqdn", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* What the pool is. */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       PV_TYPE_POOL_KIND, PV_POOL_KIND_ENTERPRISE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The site the pool belongs to. */
  properties[PROP_SITE] =
    g_param_spec_string ("site", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The FQDNs of the machines in the pool. */
  properties[PROP_MACHINES] =
    g_param_spec_boxed ("machines", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pv_pool_init (PvPool *self)
{
  self->kind = PV_POOL_KIND_ENTERPRISE;
}

PvPool *
pv_pool_new (void)
{
  return g_object_new (PV_TYPE_POOL, NULL);
}

/**
 * pv_pool_new_from_json:
 * @node: a JSON object
 * @path: (nullable): where @node sits in its document, for error messages
 * @error: return location for a #PV_JSON_ERROR
 *
 * Returns: (transfer full) (nullable): the object, or %NULL when a member
 *   is missing, has the wrong type or an unknown value
 */
PvPool *
pv_pool_new_from_json (JsonNode    *node,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(PvPool) self = pv_pool_new ();

  if (!pv_json_read_fields (G_OBJECT (self), node, path,
                            json_fields, G_N_ELEMENTS (json_fields), error))
    return NULL;

  return g_steal_pointer (&self);
}

JsonNode *
pv_pool_to_json (PvPool *self)
{
  g_return_val_if_fail (PV_IS_POOL (self), NULL);

  return pv_json_write_fields (G_OBJECT (self), json_fields, G_N_ELEMENTS (json_fields));
}

const char *
pv_pool_get_fqdn (PvPool *self)
{
  g_return_val_if_fail (PV_IS_POOL (self), NULL);

  return self->fqdn;
}

void
pv_pool_set_fqdn (PvPool     *self,
                  const char *fqdn)
{
  g_return_if_fail (PV_IS_POOL (self));

  if (g_strcmp0 (self->fqdn, fqdn) == 0)
    return;

  g_free (self->fqdn);
  self->fqdn = g_strdup (fqdn);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FQDN]);
}

PvPoolKind
pv_pool_get_kind (PvPool *self)
{
  g_return_val_if_fail (PV_IS_POOL (self), 0);

  return self->kind;
}

void
pv_pool_set_kind (PvPool     *self,
                  PvPoolKind  kind)
{
  g_return_if_fail (PV_IS_POOL (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
pv_pool_get_site (PvPool *self)
{
  g_return_val_if_fail (PV_IS_POOL (self), NULL);

  return self->site;
}

void
pv_pool_set_site (PvPool     *self,
                  const char *site)
{
  g_return_if_fail (PV_IS_POOL (self));

  if (g_strcmp0 (self->site, site) == 0)
    return;

  g_free (self->site);
  self->site = g_strdup (site);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITE]);
}

const char * const *
pv_pool_get_machines (PvPool *self)
{
  g_return_val_if_fail (PV_IS_POOL (self), NULL);

  return (const char * const *) self->machines;
}

void
pv_pool_set_machines (PvPool             *self,
                      const char * const *machines)
{
  g_return_if_fail (PV_IS_POOL (self));

  if (self->machines == NULL && machines == NULL)
    return;
  if (self->machines != NULL && machines != NULL &&
      g_strv_equal ((const char * const *) self->machines, machines))
    return;

  g_strfreev (self->machines);
  self->machines = g_strdupv ((char **) machines);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MACHINES]);
}

/**
 * pv_pool_is_target:
 *
 * Returns: whether users can be homed on the pool; a Director only
 *   authenticates and redirects, it never hosts users
 */
gboolean
pv_pool_is_target (PvPool *self)
{
  g_return_val_if_fail (PV_IS_POOL (self), FALSE);

  return self->kind != PV_POOL_KIND_DIRECTOR;
}
