/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pv-json.h"
#include "pv-organization.h"

/* The tenant as Graph's /organization describes it: its id (which
 * operators ask for when numbers are ordered), its name and its verified
 * domains. Read only: Provisio never changes the organization. */

struct _PvOrganization
{
  GObject parent_instance;

  char *id;
  char *display_name;
  char *country_code;
  char *default_domain;
  char *initial_domain;
  GStrv verified_domains;
};

G_DEFINE_FINAL_TYPE (PvOrganization, pv_organization, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_NAME,
  PROP_COUNTRY_CODE,
  PROP_DEFAULT_DOMAIN,
  PROP_INITIAL_DOMAIN,
  PROP_VERIFIED_DOMAINS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pv_organization_finalize (GObject *object)
{
  PvOrganization *self = (PvOrganization *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->country_code, g_free);
  g_clear_pointer (&self->default_domain, g_free);
  g_clear_pointer (&self->initial_domain, g_free);
  g_clear_pointer (&self->verified_domains, g_strfreev);

  G_OBJECT_CLASS (pv_organization_parent_class)->finalize (object);
}

static void
pv_organization_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PvOrganization *self = PV_ORGANIZATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_COUNTRY_CODE:
      g_value_set_string (value, self->country_code);
      break;

    case PROP_DEFAULT_DOMAIN:
      g_value_set_string (value, self->default_domain);
      break;

    case PROP_INITIAL_DOMAIN:
      g_value_set_string (value, self->initial_domain);
      break;

    case PROP_VERIFIED_DOMAINS:
      g_value_set_boxed (value, self->verified_domains);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_organization_class_init (PvOrganizationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_organization_finalize;
  object_class->get_property = pv_organization_get_property;

  /* The tenant id, which operators need to order numbers. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* ISO 3166-1 alpha-2 code of the tenant's country. */
  properties[PROP_COUNTRY_CODE] =
    g_param_spec_string ("country-code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEFAULT_DOMAIN] =
    g_param_spec_string ("default-domain", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The *.onmicrosoft.com domain the tenant was created with. */
  properties[PROP_INITIAL_DOMAIN] =
    g_param_spec_string ("initial-domain", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERIFIED_DOMAINS] =
    g_param_spec_boxed ("verified-domains", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pv_organization_init (PvOrganization *self)
{
}

PvOrganization *
pv_organization_new (void)
{
  return g_object_new (PV_TYPE_ORGANIZATION, NULL);
}

static gboolean
read_optional_string (JsonObject  *object,
                      const char  *member,
                      const char  *path,
                      char       **out,
                      GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *member_path = pv_json_member_path (path, member);

      /* Translators: the first %s is a JSON path, the second a JSON type name
       * such as “string” (left in English: it is the name in the JSON syntax). */
      g_set_error (error, PV_JSON_ERROR, PV_JSON_ERROR_WRONG_TYPE,
                   _("“%s” must be a JSON %s."), member_path, "string");
      return FALSE;
    }
  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_boolean (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

/**
 * pv_organization_new_from_json:
 * @node: one organization, as an item of `/v1.0/organization`
 * @path: (nullable): where @node sits, for error messages
 *
 * Returns: (transfer full) (nullable): the organization, or %NULL with a
 *   #PV_JSON_ERROR when the id is missing or a member has the wrong type
 */
PvOrganization *
pv_organization_new_from_json (JsonNode    *node,
                               const char  *path,
                               GError     **error)
{
  g_autoptr(PvOrganization) self = pv_organization_new ();
  g_autoptr(GStrvBuilder) domains = g_strv_builder_new ();
  JsonObject *object = pv_json_expect_object (node, path, error);
  JsonNode *member;

  if (object == NULL ||
      !read_optional_string (object, "id", path, &self->id, error) ||
      !read_optional_string (object, "displayName", path, &self->display_name, error) ||
      !read_optional_string (object, "countryLetterCode", path, &self->country_code, error))
    return NULL;
  if (self->id == NULL || *self->id == '\0')
    {
      g_autofree char *member_path = pv_json_member_path (path, "id");

      /* Translators: %s is a JSON path. */
      g_set_error (error, PV_JSON_ERROR, PV_JSON_ERROR_MISSING_MEMBER,
                   _("“%s” is required and must not be null."), member_path);
      return NULL;
    }

  /* Domains that are not objects with a name are skipped rather than
   * refused: they only serve as hints. */
  member = json_object_get_member (object, "verifiedDomains");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *array = json_node_get_array (member);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          JsonObject *domain;
          const char *name;

          if (!JSON_NODE_HOLDS_OBJECT (item))
            continue;
          domain = json_node_get_object (item);
          name = pv_json_object_get_string (domain, "name");
          if (name == NULL || *name == '\0')
            continue;
          g_strv_builder_add (domains, name);
          if (read_boolean (domain, "isDefault") && self->default_domain == NULL)
            self->default_domain = g_strdup (name);
          if (read_boolean (domain, "isInitial") && self->initial_domain == NULL)
            self->initial_domain = g_strdup (name);
        }
    }
  self->verified_domains = g_strv_builder_end (domains);

  return g_steal_pointer (&self);
}

const char *
pv_organization_get_id (PvOrganization *self)
{
  g_return_val_if_fail (PV_IS_ORGANIZATION (self), NULL);

  return self->id;
}

const char *
pv_organization_get_display_name (PvOrganization *self)
{
  g_return_val_if_fail (PV_IS_ORGANIZATION (self), NULL);

  return self->display_name;
}

const char *
pv_organization_get_country_code (PvOrganization *self)
{
  g_return_val_if_fail (PV_IS_ORGANIZATION (self), NULL);

  return self->country_code;
}

const char *
pv_organization_get_default_domain (PvOrganization *self)
{
  g_return_val_if_fail (PV_IS_ORGANIZATION (self), NULL);

  return self->default_domain;
}

const char *
pv_organization_get_initial_domain (PvOrganization *self)
{
  g_return_val_if_fail (PV_IS_ORGANIZATION (self), NULL);

  return self->initial_domain;
}

/**
 * pv_organization_get_verified_domains:
 *
 * Returns: (transfer none): the names of the verified domains, never %NULL
 */
const char * const *
pv_organization_get_verified_domains (PvOrganization *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (PV_IS_ORGANIZATION (self), NULL);

  return self->verified_domains != NULL ? (const char * const *) self->verified_domains : none;
}
