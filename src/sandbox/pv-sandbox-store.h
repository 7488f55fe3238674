/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PV_SANDBOX_STORE_ERROR (pv_sandbox_store_error_quark ())

typedef enum
{
  PV_SANDBOX_STORE_ERROR_OPEN,
  PV_SANDBOX_STORE_ERROR_SQL,
  PV_SANDBOX_STORE_ERROR_SEED,
  PV_SANDBOX_STORE_ERROR_NOT_FOUND,
  PV_SANDBOX_STORE_ERROR_CONSTRAINT,
} PvSandboxStoreError;

GQuark pv_sandbox_store_error_quark (void);

/* The user columns a filter may name; the SQL column for each is chosen
 * from a fixed table, never from the request. */
typedef enum
{
  PV_SANDBOX_FIELD_DISPLAY_NAME,
  PV_SANDBOX_FIELD_GIVEN_NAME,
  PV_SANDBOX_FIELD_SURNAME,
  PV_SANDBOX_FIELD_MAIL,
  PV_SANDBOX_FIELD_USER_PRINCIPAL_NAME,
  PV_SANDBOX_FIELD_USAGE_LOCATION,
  PV_SANDBOX_FIELD_ON_PREMISES_SYNC_ENABLED,
} PvSandboxField;

typedef enum
{
  PV_SANDBOX_MATCH_STARTS_WITH,
  PV_SANDBOX_MATCH_EQUALS,
  PV_SANDBOX_MATCH_CONTAINS,
} PvSandboxMatch;

typedef struct
{
  PvSandboxField  field;
  PvSandboxMatch  match;
  /* For text fields; NULL with EQUALS matches a missing value. */
  char           *text;
  /* For the boolean field. */
  gboolean        flag;
} PvSandboxClause;

/* Clauses of one group are all joined with "and" or all with "or"; the
 * filter group and the search group are then joined with "and". */
typedef struct
{
  GArray   *filter;
  gboolean  filter_any;
  GArray   *search;
  gboolean  search_any;
} PvSandboxUserQuery;

PvSandboxUserQuery *pv_sandbox_user_query_new  (void);
void                pv_sandbox_user_query_free (PvSandboxUserQuery *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PvSandboxUserQuery, pv_sandbox_user_query_free)

#define PV_TYPE_SANDBOX_STORE (pv_sandbox_store_get_type ())

G_DECLARE_FINAL_TYPE (PvSandboxStore, pv_sandbox_store, PV, SANDBOX_STORE, GObject)

PvSandboxStore *pv_sandbox_store_new               (const char                *path,
                                                    GError                   **error);
const char     *pv_sandbox_store_get_path          (PvSandboxStore            *self);
gboolean        pv_sandbox_store_is_seeded         (PvSandboxStore            *self);
gboolean        pv_sandbox_store_load_seed         (PvSandboxStore            *self,
                                                    JsonNode                  *seed,
                                                    GError                   **error);

gboolean        pv_sandbox_store_begin             (PvSandboxStore            *self,
                                                    GError                   **error);
gboolean        pv_sandbox_store_commit            (PvSandboxStore            *self,
                                                    GError                   **error);
void            pv_sandbox_store_rollback          (PvSandboxStore            *self);

JsonNode       *pv_sandbox_store_get_user          (PvSandboxStore            *self,
                                                    const char                *id,
                                                    GError                   **error);
gboolean        pv_sandbox_store_put_user          (PvSandboxStore            *self,
                                                    JsonNode                  *user,
                                                    GError                   **error);
char           *pv_sandbox_store_find_sip_owner    (PvSandboxStore            *self,
                                                    const char                *sip_address);
GPtrArray      *pv_sandbox_store_query_users       (PvSandboxStore            *self,
                                                    const PvSandboxUserQuery  *query,
                                                    gint64                     after,
                                                    guint                      limit,
                                                    gint64                    *last_seq,
                                                    gboolean                  *more,
                                                    GError                   **error);
gint64          pv_sandbox_store_count_users       (PvSandboxStore            *self,
                                                    const PvSandboxUserQuery  *query,
                                                    GError                   **error);

JsonNode       *pv_sandbox_store_get_resource      (PvSandboxStore            *self,
                                                    const char                *kind,
                                                    const char                *id,
                                                    GError                   **error);
GPtrArray      *pv_sandbox_store_list_resources    (PvSandboxStore            *self,
                                                    const char                *kind,
                                                    GError                   **error);
typedef gboolean (*PvSandboxResourceMatch) (JsonObject *doc,
                                            gpointer    user_data);
GPtrArray      *pv_sandbox_store_list_resources_by_id (PvSandboxStore        *self,
                                                       const char            *kind,
                                                       const char            *after,
                                                       PvSandboxResourceMatch match,
                                                       gpointer               user_data,
                                                       guint                  limit,
                                                       gboolean              *more,
                                                       GError               **error);
gboolean        pv_sandbox_store_put_resource      (PvSandboxStore            *self,
                                                    const char                *kind,
                                                    const char                *id,
                                                    JsonNode                  *doc,
                                                    GError                   **error);
gboolean        pv_sandbox_store_delete_resource   (PvSandboxStore            *self,
                                                    const char                *kind,
                                                    const char                *id,
                                                    GError                   **error);

G_END_DECLS
