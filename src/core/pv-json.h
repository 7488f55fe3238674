/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PV_JSON_ERROR (pv_json_error_quark ())

typedef enum
{
  PV_JSON_ERROR_PARSE,
  PV_JSON_ERROR_NOT_OBJECT,
  PV_JSON_ERROR_MISSING_MEMBER,
  PV_JSON_ERROR_WRONG_TYPE,
  PV_JSON_ERROR_UNKNOWN_VALUE,
  PV_JSON_ERROR_INVALID_VALUE,
} PvJsonError;

GQuark pv_json_error_quark (void);

/* Reads one list item; @path names the item in error messages. */
typedef GObject  *(*PvJsonReadFunc)  (JsonNode    *node,
                                      const char  *path,
                                      GError     **error);
typedef JsonNode *(*PvJsonWriteFunc) (gpointer     object);

typedef enum
{
  PV_JSON_FIELD_OPTIONAL = 0,
  /* Present, not null, and for strings not empty. */
  PV_JSON_FIELD_REQUIRED = 1 << 0,
  /* null stands for the property's default (Graph sends null for an
   * onPremisesSyncEnabled that was never set). */
  PV_JSON_FIELD_NULLABLE = 1 << 1,
} PvJsonFieldFlags;

/* One member of a JSON object mapped onto one GObject property.  The
 * property's type decides the JSON type: string, boolean, int, enum
 * (string nick), flags (array of nicks), GStrv (array of strings) and
 * GListModel (array of objects, read and written with the item functions
 * into the object's own GListStore). */
typedef struct
{
  const char       *member;
  const char       *property;
  PvJsonFieldFlags  flags;
  PvJsonReadFunc    read_item;
  PvJsonWriteFunc   write_item;
} PvJsonField;

gboolean    pv_json_nesting_within (const char *data,
                                    gsize       length,
                                    guint       max_depth);
JsonNode   *pv_json_parse        (const char         *data,
                                  gssize              length,
                                  GError            **error);
char       *pv_json_to_string    (JsonNode           *node);
const char *pv_json_object_get_string (JsonObject    *object,
                                       const char    *name);
gboolean    pv_json_object_read_string  (JsonObject  *object,
                                         const char  *name,
                                         gboolean     optional,
                                         char       **value);
gboolean    pv_json_object_read_boolean (JsonObject  *object,
                                         const char  *name,
                                         gboolean    *value);
char       *pv_json_member_path  (const char         *path,
                                  const char         *member);
char       *pv_json_index_path   (const char         *path,
                                  guint               index);
gboolean    pv_json_read_fields  (GObject            *object,
                                  JsonNode           *node,
                                  const char         *path,
                                  const PvJsonField  *fields,
                                  guint               n_fields,
                                  GError            **error);
JsonNode   *pv_json_write_fields (GObject            *object,
                                  const PvJsonField  *fields,
                                  guint               n_fields);
GListStore *pv_json_read_array   (JsonNode           *node,
                                  const char         *path,
                                  GType               item_type,
                                  PvJsonReadFunc      read_item,
                                  GError            **error);
JsonNode   *pv_json_write_array  (GListModel         *model,
                                  PvJsonWriteFunc     write_item);
JsonObject *pv_json_expect_object (JsonNode          *node,
                                   const char        *path,
                                   GError           **error);

G_END_DECLS
