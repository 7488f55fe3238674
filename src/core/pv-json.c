/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pv-enums.h"
#include "pv-json.h"

G_DEFINE_QUARK (pv-json-error-quark, pv_json_error)

/* Error messages name the offending member by its path from the root of
 * the document ("servicePlans[2].servicePlanId"), which is what someone
 * debugging a service answer can search for. */
static const char *
display_path (const char *path)
{
  return path != NULL && *path != '\0' ? path : "$";
}

char *
pv_json_member_path (const char *path,
                     const char *member)
{
  if (path == NULL || *path == '\0')
    return g_strdup (member);
  return g_strconcat (path, ".", member, NULL);
}

char *
pv_json_index_path (const char *path,
                    guint       index)
{
  return g_strdup_printf ("%s[%u]", path != NULL ? path : "", index);
}

/* json-glib parses nested values by recursion: a document of a million
 * '[' exhausts the stack. Nothing Provisio reads nests deeper than a few
 * levels, so deeper documents are refused before parsing. */
#define MAX_JSON_DEPTH 64

/**
 * pv_json_nesting_within:
 *
 * Returns: whether the arrays and objects of @data nest at most
 *   @max_depth deep (strings are skipped; the document need not be valid)
 */
gboolean
pv_json_nesting_within (const char *data,
                        gsize       length,
                        guint       max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

JsonNode *
pv_json_parse (const char  *data,
               gssize       length,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (data);

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, PV_JSON_ERROR, PV_JSON_ERROR_PARSE,
                           _("The JSON document is not valid UTF-8."));
      return NULL;
    }

  if (!pv_json_nesting_within (data, (gsize) length, MAX_JSON_DEPTH))
    {
      /* Translators: %u is a number of levels. */
      g_set_error (error, PV_JSON_ERROR, PV_JSON_ERROR_PARSE,
                   _("The JSON document nests more than %u levels deep; it was not read."),
                   MAX_JSON_DEPTH);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* Translators: %s is the parser's own description of the problem. */
      g_set_error (error, PV_JSON_ERROR, PV_JSON_ERROR_PARSE,
                   _("The JSON document cannot be read: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, PV_JSON_ERROR, PV_JSON_ERROR_PARSE,
                           _("The JSON document is empty."));
      return NULL;
    }

  /* The immutable parser's tree can be shared rather than copied. */
  return json_node_ref (root);
}

/**
 * pv_json_object_get_string:
 * @object: (nullable): an object from hostile JSON
 *
 * Returns: (nullable): the string member @name, or %NULL when @object is
 *   %NULL, the member is missing, or it is not a string
 */
const char *
pv_json_object_get_string (JsonObject *object,
                           const char *name)
{
  JsonNode *member;

  if (object == NULL)
    return NULL;

  member = json_object_get_member (object, name);
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (member);
}

/**
 * pv_json_object_read_string:
 * @optional: whether the member may be absent, null or empty
 * @value: (out) (transfer full) (nullable): the string, %NULL when absent
 *   or null
 *
 * Reads a string member of something read back from disk or the wire,
 * where another type is never taken for "absent".
 *
 * Returns: whether the member is as expected
 */
gboolean
pv_json_object_read_string (JsonObject  *object,
                            const char  *name,
                            gboolean     optional,
                            char       **value)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return optional;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *value = g_strdup (json_node_get_string (node));
  return optional || **value != '\0';
}

/**
 * pv_json_object_read_boolean:
 * @value: (out): left as it was unless the member is a boolean
 *
 * Returns: whether the member is there and a boolean
 */
gboolean
pv_json_object_read_boolean (JsonObject *object,
                             const char *name,
                             gboolean   *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  *value = json_node_get_boolean (node);
  return TRUE;
}

char *
pv_json_to_string (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

JsonObject *
pv_json_expect_object (JsonNode    *node,
                       const char  *path,
                       GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Translators: %s is a JSON path such as “value[3]”. */
      g_set_error (error, PV_JSON_ERROR, PV_JSON_ERROR_NOT_OBJECT,
                   _("“%s” must be a JSON object."), display_path (path));
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
wrong_type (GError     **error,
            const char  *path,
            const char  *expected)
{
  /* Translators: the first %s is a JSON path, the second a JSON type name
   * such as “string” (left in English: it is the name in the JSON syntax). */
  g_set_error (error, PV_JSON_ERROR, PV_JSON_ERROR_WRONG_TYPE,
               _("“%s” must be a JSON %s."), path, expected);
  return FALSE;
}

static gboolean
read_string_array (JsonNode     *node,
                   const char   *path,
                   GStrv        *out,
                   GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (error, path, "array");

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        {
          g_autofree char *item_path = pv_json_index_path (path, i);
          return wrong_type (error, item_path, "string");
        }
      g_strv_builder_add (builder, json_node_get_string (item));
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
unknown_value (GError     **error,
               const char  *path,
               const char  *value,
               GType        type)
{
  g_autofree char *allowed = pv_enum_list_nicks (type);

  /* Translators: the first %s is a JSON path, the second the value found,
   * the third the list of accepted values. */
  g_set_error (error, PV_JSON_ERROR, PV_JSON_ERROR_UNKNOWN_VALUE,
               _("“%s” has the unknown value “%s”; accepted values are: %s."),
               path, value, allowed);
  return FALSE;
}

static gboolean
read_member (GObject            *object,
             GParamSpec         *pspec,
             JsonNode           *node,
             const char         *path,
             const PvJsonField  *field,
             GError            **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean is_null = JSON_NODE_HOLDS_NULL (node);

  if (is_null && (field->flags & PV_JSON_FIELD_REQUIRED) != 0)
    {
      /* Translators: %s is a JSON path. */
      g_set_error (error, PV_JSON_ERROR, PV_JSON_ERROR_MISSING_MEMBER,
                   _("“%s” is required and must not be null."), path);
      return FALSE;
    }

  if (type == G_TYPE_LIST_MODEL)
    {
      g_autoptr(GListModel) model = NULL;
      g_autoptr(GListStore) items = NULL;
      GType item_type;

      if (is_null)
        return TRUE;

      g_object_get (object, pspec->name, &model, NULL);
      g_return_val_if_fail (G_IS_LIST_STORE (model), FALSE);
      item_type = g_list_model_get_item_type (model);
      items = pv_json_read_array (node, path, item_type, field->read_item, error);
      if (items == NULL)
        return FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (items)); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (items), i);
          g_list_store_append (G_LIST_STORE (model), item);
        }
      return TRUE;
    }

  g_value_init (&value, type);

  if (type == G_TYPE_STRV)
    {
      GStrv strv = NULL;

      if (!is_null && !read_string_array (node, path, &strv, error))
        return FALSE;
      g_value_take_boxed (&value, strv);
    }
  else if (G_TYPE_IS_FLAGS (type))
    {
      g_auto(GStrv) nicks = NULL;
      g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
      guint flags = 0;

      if (!is_null && !read_string_array (node, path, &nicks, error))
        return FALSE;
      for (guint i = 0; nicks != NULL && nicks[i] != NULL; i++)
        {
          GFlagsValue *fv = g_flags_get_value_by_nick (klass, nicks[i]);
          g_autofree char *item_path = pv_json_index_path (path, i);

          if (fv == NULL)
            return unknown_value (error, item_path, nicks[i], type);
          flags |= fv->value;
        }
      g_value_set_flags (&value, flags);
    }
  else if (is_null && type == G_TYPE_STRING)
    {
      g_value_set_string (&value, NULL);
    }
  else if (is_null && (field->flags & PV_JSON_FIELD_NULLABLE) != 0)
    {
      g_param_value_set_default (pspec, &value);
    }
  else if (is_null)
    {
      /* A null boolean or number has no meaning we could guess; leaving
       * the default in place would be the silent default we refuse. */
      const char *expected = type == G_TYPE_BOOLEAN ? "boolean"
                             : (G_TYPE_IS_ENUM (type) || type == G_TYPE_STRING) ? "string"
                             : "number";
      return wrong_type (error, path, expected);
    }
  else if (type == G_TYPE_STRING || G_TYPE_IS_ENUM (type))
    {
      const char *s;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return wrong_type (error, path, "string");
      s = json_node_get_string (node);
      if ((field->flags & PV_JSON_FIELD_REQUIRED) != 0 && *s == '\0')
        {
          /* Translators: %s is a JSON path. */
          g_set_error (error, PV_JSON_ERROR, PV_JSON_ERROR_INVALID_VALUE,
                       _("“%s” must not be empty."), path);
          return FALSE;
        }
      if (type == G_TYPE_STRING)
        {
          g_value_set_string (&value, s);
        }
      else
        {
          int v;

          if (!pv_enum_from_nick (type, s, &v))
            return unknown_value (error, path, s, type);
          g_value_set_enum (&value, v);
        }
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return wrong_type (error, path, "boolean");
      g_value_set_boolean (&value, json_node_get_boolean (node));
    }
  else if (type == G_TYPE_INT || type == G_TYPE_UINT || type == G_TYPE_INT64)
    {
      gint64 v;
      gboolean in_range;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        return wrong_type (error, path, "integer");
      v = json_node_get_int (node);
      if (type == G_TYPE_INT)
        {
          GParamSpecInt *ip = G_PARAM_SPEC_INT (pspec);
          in_range = v >= ip->minimum && v <= ip->maximum;
          if (in_range)
            g_value_set_int (&value, (int) v);
        }
      else if (type == G_TYPE_UINT)
        {
          GParamSpecUInt *up = G_PARAM_SPEC_UINT (pspec);
          in_range = v >= up->minimum && v <= up->maximum;
          if (in_range)
            g_value_set_uint (&value, (guint) v);
        }
      else
        {
          GParamSpecInt64 *lp = G_PARAM_SPEC_INT64 (pspec);
          in_range = v >= lp->minimum && v <= lp->maximum;
          if (in_range)
            g_value_set_int64 (&value, v);
        }
      if (!in_range)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, v);

          /* Translators: the first %s is a JSON path, the second the number found. */
          g_set_error (error, PV_JSON_ERROR, PV_JSON_ERROR_INVALID_VALUE,
                       _("“%s” is out of range (%s)."), path, number);
          return FALSE;
        }
    }
  else
    {
      g_critical ("Property %s of type %s cannot be mapped to JSON",
                  pspec->name, g_type_name (type));
      return FALSE;
    }

  g_object_set_property (object, pspec->name, &value);
  return TRUE;
}

/* A member name with dots reaches into nested objects, as Graph nests
 * prepaidUnits.enabled inside a subscribedSku.  A missing parent is a
 * missing member; a parent of another type is a type error. */
static gboolean
lookup_member (JsonObject  *json,
               const char  *path,
               const char  *member,
               JsonNode   **found,
               GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (member, ".", -1);
  g_autofree char *walked = g_strdup (path);

  *found = NULL;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (json, parts[i]);
      char *next = pv_json_member_path (walked, parts[i]);

      g_free (walked);
      walked = next;
      if (node == NULL)
        return TRUE;
      if (parts[i + 1] == NULL)
        {
          *found = node;
          return TRUE;
        }
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return wrong_type (error, walked, "object");
      json = json_node_get_object (node);
    }

  return TRUE;
}

gboolean
pv_json_read_fields (GObject            *object,
                     JsonNode           *node,
                     const char         *path,
                     const PvJsonField  *fields,
                     guint               n_fields,
                     GError            **error)
{
  JsonObject *json;

  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  json = pv_json_expect_object (node, path, error);
  if (json == NULL)
    return FALSE;

  for (guint i = 0; i < n_fields; i++)
    {
      const PvJsonField *field = &fields[i];
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object),
                                                        field->property);
      g_autofree char *member_path = pv_json_member_path (path, field->member);
      JsonNode *member;

      g_return_val_if_fail (pspec != NULL, FALSE);

      if (!lookup_member (json, path, field->member, &member, error))
        return FALSE;
      if (member == NULL)
        {
          if ((field->flags & PV_JSON_FIELD_REQUIRED) != 0)
            {
              /* Translators: %s is a JSON path. */
              g_set_error (error, PV_JSON_ERROR, PV_JSON_ERROR_MISSING_MEMBER,
                           _("The required member “%s” is missing."), member_path);
              return FALSE;
            }
          continue;
        }

      if (!read_member (object, pspec, member, member_path, field, error))
        return FALSE;
    }

  return TRUE;
}

static JsonNode *
write_strv (const char * const *strv)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  json_node_take_array (node, array);
  return node;
}

JsonNode *
pv_json_write_array (GListModel      *model,
                     PvJsonWriteFunc  write_item)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      json_array_add_element (array, write_item (item));
    }
  json_node_take_array (node, array);
  return node;
}

/* The object that holds the last part of a dotted member name,
 * created on first use. */
static JsonObject *
parent_for (JsonObject *root,
            const char *member)
{
  g_auto(GStrv) parts = g_strsplit (member, ".", -1);
  JsonObject *json = root;

  for (guint i = 0; parts[i] != NULL && parts[i + 1] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (json, parts[i]);

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        {
          json_object_set_object_member (json, parts[i], json_object_new ());
          node = json_object_get_member (json, parts[i]);
        }
      json = json_node_get_object (node);
    }

  return json;
}

JsonNode *
pv_json_write_fields (GObject           *object,
                      const PvJsonField *fields,
                      guint              n_fields)
{
  JsonObject *root_object = json_object_new ();
  JsonNode *root = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < n_fields; i++)
    {
      const PvJsonField *field = &fields[i];
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object),
                                                        field->property);
      GType type;
      g_auto(GValue) value = G_VALUE_INIT;
      JsonObject *json = parent_for (root_object, field->member);
      const char *leaf = strrchr (field->member, '.');
      const char *member = leaf != NULL ? leaf + 1 : field->member;

      g_assert (pspec != NULL);
      type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_value_init (&value, type);
      g_object_get_property (object, pspec->name, &value);

      if (type == G_TYPE_STRING)
        {
          const char *s = g_value_get_string (&value);
          if (s != NULL)
            json_object_set_string_member (json, member, s);
          else
            json_object_set_null_member (json, member);
        }
      else if (type == G_TYPE_BOOLEAN)
        json_object_set_boolean_member (json, member, g_value_get_boolean (&value));
      else if (type == G_TYPE_INT)
        json_object_set_int_member (json, member, g_value_get_int (&value));
      else if (type == G_TYPE_UINT)
        json_object_set_int_member (json, member, g_value_get_uint (&value));
      else if (type == G_TYPE_INT64)
        json_object_set_int_member (json, member, g_value_get_int64 (&value));
      else if (G_TYPE_IS_ENUM (type))
        json_object_set_string_member (json, member,
                                       pv_enum_to_nick (type, g_value_get_enum (&value)));
      else if (G_TYPE_IS_FLAGS (type))
        {
          g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) nicks = NULL;
          guint flags = g_value_get_flags (&value);

          for (guint j = 0; j < klass->n_values; j++)
            if ((flags & klass->values[j].value) != 0)
              g_strv_builder_add (builder, klass->values[j].value_nick);
          nicks = g_strv_builder_end (builder);
          json_object_set_member (json, member, write_strv ((const char * const *) nicks));
        }
      else if (type == G_TYPE_STRV)
        json_object_set_member (json, member, write_strv (g_value_get_boxed (&value)));
      else if (type == G_TYPE_LIST_MODEL)
        json_object_set_member (json, member,
                                pv_json_write_array (g_value_get_object (&value),
                                                     field->write_item));
      else
        g_assert_not_reached ();
    }

  json_node_take_object (root, root_object);
  return root;
}

GListStore *
pv_json_read_array (JsonNode        *node,
                    const char      *path,
                    GType            item_type,
                    PvJsonReadFunc   read_item,
                    GError         **error)
{
  g_autoptr(GListStore) store = NULL;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (read_item != NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      wrong_type (error, display_path (path), "array");
      return NULL;
    }

  store = g_list_store_new (item_type);
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item_path = pv_json_index_path (path, i);
      g_autoptr(GObject) item = read_item (json_array_get_element (array, i), item_path, error);

      if (item == NULL)
        return NULL;
      g_list_store_append (store, item);
    }

  return g_steal_pointer (&store);
}
