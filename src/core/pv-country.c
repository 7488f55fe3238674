/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pv-country.h"
#include "pv-iso-codes.h"
#include "pv-json.h"

struct _PvCountry
{
  GObject parent_instance;

  char *code;
};

G_DEFINE_FINAL_TYPE (PvCountry, pv_country, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pv_country_finalize (GObject *object)
{
  PvCountry *self = (PvCountry *) object;

  g_clear_pointer (&self->code, g_free);

  G_OBJECT_CLASS (pv_country_parent_class)->finalize (object);
}

static void
pv_country_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PvCountry *self = PV_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, pv_country_get_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_country_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PvCountry *self = PV_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      self->code = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_country_class_init (PvCountryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_country_finalize;
  object_class->get_property = pv_country_get_property;
  object_class->set_property = pv_country_set_property;

  /* The ISO 3166-1 alpha-2 code; a country never changes its code, so
   * the property is set once. */
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The name in the user's language, from iso-codes. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pv_country_init (PvCountry *self)
{
}

/**
 * pv_country_new:
 * @code: an ISO 3166-1 alpha-2 code; the caller checks it with
 *   pv_iso_codes_is_country() when it comes from outside
 */
PvCountry *
pv_country_new (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  return g_object_new (PV_TYPE_COUNTRY, "code", code, NULL);
}

PvCountry *
pv_country_new_from_json (JsonNode    *node,
                          const char  *path,
                          GError     **error)
{
  g_autofree char *member_path = pv_json_member_path (path, "code");
  JsonObject *object = pv_json_expect_object (node, path, error);
  JsonNode *code;

  if (object == NULL)
    return NULL;

  code = json_object_get_member (object, "code");
  if (code == NULL)
    {
      g_set_error (error, PV_JSON_ERROR, PV_JSON_ERROR_MISSING_MEMBER,
                   _("The required member “%s” is missing."), member_path);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (code) || json_node_get_value_type (code) != G_TYPE_STRING)
    {
      g_set_error (error, PV_JSON_ERROR, PV_JSON_ERROR_WRONG_TYPE,
                   _("“%s” must be a JSON %s."), member_path, "string");
      return NULL;
    }
  if (!pv_iso_codes_is_country (json_node_get_string (code)))
    {
      /* Translators: the first %s is a JSON path, the second the value found. */
      g_set_error (error, PV_JSON_ERROR, PV_JSON_ERROR_UNKNOWN_VALUE,
                   _("“%s” has the value “%s”, which is not an ISO 3166-1 alpha-2 country code "
                     "(two capital letters such as FR)."),
                   member_path, json_node_get_string (code));
      return NULL;
    }

  return pv_country_new (json_node_get_string (code));
}

JsonNode *
pv_country_to_json (PvCountry *self)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  g_return_val_if_fail (PV_IS_COUNTRY (self), NULL);

  json_object_set_string_member (object, "code", self->code);
  json_node_take_object (node, object);
  return node;
}

const char *
pv_country_get_code (PvCountry *self)
{
  g_return_val_if_fail (PV_IS_COUNTRY (self), NULL);

  return self->code;
}

/**
 * pv_country_get_name:
 *
 * Returns: the name in the user's language; the code itself when
 *   iso-codes does not know it, so that the UI never shows an empty row
 */
const char *
pv_country_get_name (PvCountry *self)
{
  const char *name;

  g_return_val_if_fail (PV_IS_COUNTRY (self), NULL);

  name = pv_iso_codes_get_country_name (self->code);
  return name != NULL ? name : self->code;
}

int
pv_country_compare (PvCountry *a,
                    PvCountry *b)
{
  return g_utf8_collate (pv_country_get_name (a), pv_country_get_name (b));
}
