/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "pv-json.h"
#include "pv-sandbox-store.h"

/* The sandbox's state.  Users live in a table of their own with the
 * columns that filters and paging need, each indexed, next to the whole
 * document as the core mapping writes it; everything else (pools,
 * operators, numbers…) is a small document per resource.  Every mutation
 * is one transaction and WAL mode keeps readers off the writer's back. */

struct _PvSandboxStore
{
  GObject  parent_instance;

  char    *path;
  sqlite3 *db;
};

G_DEFINE_FINAL_TYPE (PvSandboxStore, pv_sandbox_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (pv-sandbox-store-error-quark, pv_sandbox_store_error)

static const char *schema =
  "CREATE TABLE IF NOT EXISTS meta ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT);"
  "CREATE TABLE IF NOT EXISTS users ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  id TEXT NOT NULL UNIQUE,"
  "  display_name TEXT,"
  "  given_name TEXT,"
  "  surname TEXT,"
  "  mail TEXT,"
  "  upn TEXT,"
  "  usage_location TEXT,"
  "  sync INTEGER NOT NULL DEFAULT 0,"
  "  sip_address TEXT UNIQUE,"
  "  doc TEXT NOT NULL);"
  /* NOCASE: Graph's startswith ignores case, and LIKE can only use an
   * index whose collation ignores case the way LIKE does. */
  "CREATE INDEX IF NOT EXISTS users_display_name ON users (display_name COLLATE NOCASE);"
  "CREATE INDEX IF NOT EXISTS users_given_name ON users (given_name COLLATE NOCASE);"
  "CREATE INDEX IF NOT EXISTS users_surname ON users (surname COLLATE NOCASE);"
  "CREATE INDEX IF NOT EXISTS users_mail ON users (mail COLLATE NOCASE);"
  "CREATE INDEX IF NOT EXISTS users_upn ON users (upn COLLATE NOCASE);"
  "CREATE INDEX IF NOT EXISTS users_usage_location ON users (usage_location, seq);"
  "CREATE INDEX IF NOT EXISTS users_sync ON users (sync, seq);"
  "CREATE TABLE IF NOT EXISTS resources ("
  "  kind TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  seq INTEGER NOT NULL,"
  "  doc TEXT NOT NULL,"
  "  PRIMARY KEY (kind, id));"
  "CREATE INDEX IF NOT EXISTS resources_kind_seq ON resources (kind, seq);";

static const char * const field_columns[] = {
  [PV_SANDBOX_FIELD_DISPLAY_NAME] = "display_name",
  [PV_SANDBOX_FIELD_GIVEN_NAME] = "given_name",
  [PV_SANDBOX_FIELD_SURNAME] = "surname",
  [PV_SANDBOX_FIELD_MAIL] = "mail",
  [PV_SANDBOX_FIELD_USER_PRINCIPAL_NAME] = "upn",
  [PV_SANDBOX_FIELD_USAGE_LOCATION] = "usage_location",
  [PV_SANDBOX_FIELD_ON_PREMISES_SYNC_ENABLED] = "sync",
};

static void
clause_clear (gpointer data)
{
  PvSandboxClause *clause = data;

  g_clear_pointer (&clause->text, g_free);
}

PvSandboxUserQuery *
pv_sandbox_user_query_new (void)
{
  PvSandboxUserQuery *query = g_new0 (PvSandboxUserQuery, 1);

  query->filter = g_array_new (FALSE, TRUE, sizeof (PvSandboxClause));
  g_array_set_clear_func (query->filter, clause_clear);
  query->search = g_array_new (FALSE, TRUE, sizeof (PvSandboxClause));
  g_array_set_clear_func (query->search, clause_clear);
  return query;
}

void
pv_sandbox_user_query_free (PvSandboxUserQuery *query)
{
  if (query == NULL)
    return;
  g_array_unref (query->filter);
  g_array_unref (query->search);
  g_free (query);
}

static gboolean
set_sql_error (PvSandboxStore  *self,
               int              rc,
               GError         **error)
{
  int code = PV_SANDBOX_STORE_ERROR_SQL;

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    code = PV_SANDBOX_STORE_ERROR_CONSTRAINT;
  g_set_error (error, PV_SANDBOX_STORE_ERROR, code,
               "%s: %s", self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
exec (PvSandboxStore  *self,
      const char      *sql,
      GError         **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sql_error (self, rc, error);
  return TRUE;
}

static sqlite3_stmt *
prepare (PvSandboxStore  *self,
         const char      *sql,
         GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_sql_error (self, rc, error);
      return NULL;
    }
  return stmt;
}

static void
finalize_stmt (sqlite3_stmt *stmt)
{
  sqlite3_finalize (stmt);
}

typedef sqlite3_stmt PvStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PvStmt, finalize_stmt)

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static void
pv_sandbox_store_finalize (GObject *object)
{
  PvSandboxStore *self = PV_SANDBOX_STORE (object);

  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (pv_sandbox_store_parent_class)->finalize (object);
}

static void
pv_sandbox_store_class_init (PvSandboxStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_sandbox_store_finalize;
}

static void
pv_sandbox_store_init (PvSandboxStore *self)
{
}

/**
 * pv_sandbox_store_new:
 * @path: the database file; its folder is created if missing
 *
 * Opens (or creates) the store.  It is not seeded yet: see
 * pv_sandbox_store_is_seeded().  A store is used from one thread at a time.
 */
PvSandboxStore *
pv_sandbox_store_new (const char  *path,
                      GError     **error)
{
  g_autoptr(PvSandboxStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *folder = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PV_SANDBOX_STORE_ERROR, PV_SANDBOX_STORE_ERROR_OPEN,
                   "%s: %s", folder, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (PV_TYPE_SANDBOX_STORE, NULL);
  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PV_SANDBOX_STORE_ERROR, PV_SANDBOX_STORE_ERROR_OPEN,
                   "%s: %s", path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);

  /* NORMAL in WAL mode: a commit is in the log before the answer leaves,
   * so killing the process loses nothing acknowledged; only a power cut
   * may lose the last commits, and never corrupts the file. */
  if (!exec (self, "PRAGMA journal_mode=WAL;", &local_error) ||
      !exec (self, "PRAGMA synchronous=NORMAL;", &local_error) ||
      !exec (self, schema, &local_error))
    {
      /* Not a database, or one we cannot write: an open failure. */
      g_set_error_literal (error, PV_SANDBOX_STORE_ERROR, PV_SANDBOX_STORE_ERROR_OPEN,
                           local_error->message);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
pv_sandbox_store_get_path (PvSandboxStore *self)
{
  g_return_val_if_fail (PV_IS_SANDBOX_STORE (self), NULL);

  return self->path;
}

gboolean
pv_sandbox_store_is_seeded (PvSandboxStore *self)
{
  g_autoptr(PvStmt) stmt = NULL;

  g_return_val_if_fail (PV_IS_SANDBOX_STORE (self), FALSE);

  stmt = prepare (self, "SELECT value FROM meta WHERE key = 'seeded'", NULL);
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW;
}

gboolean
pv_sandbox_store_begin (PvSandboxStore  *self,
                        GError         **error)
{
  /* IMMEDIATE: take the write lock now rather than fail half-way. */
  return exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
pv_sandbox_store_commit (PvSandboxStore  *self,
                         GError         **error)
{
  return exec (self, "COMMIT", error);
}

void
pv_sandbox_store_rollback (PvSandboxStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static gboolean
member_boolean (JsonObject *object,
                const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (node);
}

/**
 * pv_sandbox_store_put_user:
 * @user: a user object as pv_user_to_json() writes it
 *
 * Inserts or replaces the user with this id, keeping its place in the
 * paging order.  A SIP address held by someone else fails with
 * %PV_SANDBOX_STORE_ERROR_CONSTRAINT.
 */
gboolean
pv_sandbox_store_put_user (PvSandboxStore  *self,
                           JsonNode        *user,
                           GError         **error)
{
  g_autoptr(PvStmt) stmt = NULL;
  g_autofree char *doc = NULL;
  JsonObject *object;
  g_autofree char *sip = NULL;
  int rc;

  g_return_val_if_fail (PV_IS_SANDBOX_STORE (self), FALSE);
  g_return_val_if_fail (JSON_NODE_HOLDS_OBJECT (user), FALSE);

  object = json_node_get_object (user);
  if (member_string (object, "id") == NULL)
    {
      g_set_error_literal (error, PV_SANDBOX_STORE_ERROR, PV_SANDBOX_STORE_ERROR_SEED,
                           "A user has no id");
      return FALSE;
    }

  stmt = prepare (self,
                  "INSERT INTO users (id, display_name, given_name, surname, mail, upn,"
                  " usage_location, sync, sip_address, doc)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                  " ON CONFLICT (id) DO UPDATE SET display_name = ?2, given_name = ?3,"
                  " surname = ?4, mail = ?5, upn = ?6, usage_location = ?7, sync = ?8,"
                  " sip_address = ?9, doc = ?10",
                  error);
  if (stmt == NULL)
    return FALSE;

  /* Addresses compare without case: sip:Anne@x and sip:anne@x clash. */
  if (member_string (object, "sipAddress") != NULL)
    sip = g_utf8_strdown (member_string (object, "sipAddress"), -1);

  doc = json_to_string (user, FALSE);
  bind_text (stmt, 1, member_string (object, "id"));
  bind_text (stmt, 2, member_string (object, "displayName"));
  bind_text (stmt, 3, member_string (object, "givenName"));
  bind_text (stmt, 4, member_string (object, "surname"));
  bind_text (stmt, 5, member_string (object, "mail"));
  bind_text (stmt, 6, member_string (object, "userPrincipalName"));
  bind_text (stmt, 7, member_string (object, "usageLocation"));
  sqlite3_bind_int (stmt, 8, member_boolean (object, "onPremisesSyncEnabled"));
  bind_text (stmt, 9, sip);
  sqlite3_bind_text (stmt, 10, doc, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return set_sql_error (self, rc, error);
  return TRUE;
}

static JsonNode *
parse_doc (sqlite3_stmt  *stmt,
           int            column,
           GError       **error)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  int length = sqlite3_column_bytes (stmt, column);

  return pv_json_parse (text, length, error);
}

JsonNode *
pv_sandbox_store_get_user (PvSandboxStore  *self,
                           const char      *id,
                           GError         **error)
{
  g_autoptr(PvStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PV_IS_SANDBOX_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  /* Graph finds a user by id or by userPrincipalName. */
  stmt = prepare (self, "SELECT doc FROM users WHERE id = ?1 OR upn = ?1 COLLATE NOCASE"
                        " LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return parse_doc (stmt, 0, error);
  if (rc != SQLITE_DONE)
    set_sql_error (self, rc, error);
  else
    g_set_error (error, PV_SANDBOX_STORE_ERROR, PV_SANDBOX_STORE_ERROR_NOT_FOUND,
                 "Resource '%s' does not exist or one of its queried reference-property "
                 "objects are not present.", id);
  return NULL;
}

/* The id of the user holding @sip_address, or NULL. */
char *
pv_sandbox_store_find_sip_owner (PvSandboxStore *self,
                                 const char     *sip_address)
{
  g_autoptr(PvStmt) stmt = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (PV_IS_SANDBOX_STORE (self), NULL);

  if (sip_address == NULL)
    return NULL;
  stmt = prepare (self, "SELECT id FROM users WHERE sip_address = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  lower = g_utf8_strdown (sip_address, -1);
  sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return NULL;
}

static char *
escape_like (const char *text)
{
  GString *escaped = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *p);
    }
  return g_string_free (escaped, FALSE);
}

/* Appends the SQL of one group of clauses, with a placeholder for every
 * value; the values go to @values in the same order. */
static void
append_group (GString   *sql,
              GArray    *clauses,
              gboolean   any,
              int        first_index,
              GPtrArray *values)
{
  if (clauses->len == 0)
    return;

  g_string_append (sql, " AND (");
  for (guint i = 0; i < clauses->len; i++)
    {
      const PvSandboxClause *clause = &g_array_index (clauses, PvSandboxClause, i);
      const char *column = field_columns[clause->field];

      if (i > 0)
        g_string_append (sql, any ? " OR " : " AND ");

      if (clause->field == PV_SANDBOX_FIELD_ON_PREMISES_SYNC_ENABLED)
        {
          g_string_append_printf (sql, "%s = %d", column, clause->flag ? 1 : 0);
          continue;
        }

      switch (clause->match)
        {
        case PV_SANDBOX_MATCH_STARTS_WITH:
          {
            g_autofree char *escaped = escape_like (clause->text);

            g_string_append_printf (sql, "%s LIKE ?%u ESCAPE '\\'", column,
                                    first_index + values->len);
            g_ptr_array_add (values, g_strdup_printf ("%s%%", escaped));
          }
          break;
        case PV_SANDBOX_MATCH_CONTAINS:
          {
            g_autofree char *escaped = escape_like (clause->text);

            g_string_append_printf (sql, "%s LIKE ?%u ESCAPE '\\'", column,
                                    first_index + values->len);
            g_ptr_array_add (values, g_strdup_printf ("%%%s%%", escaped));
          }
          break;
        case PV_SANDBOX_MATCH_EQUALS:
          if (clause->text == NULL)
            g_string_append_printf (sql, "%s IS NULL", column);
          else
            {
              g_string_append_printf (sql, "%s = ?%u COLLATE NOCASE", column,
                                      first_index + values->len);
              g_ptr_array_add (values, g_strdup (clause->text));
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_string_append (sql, ")");
}

static sqlite3_stmt *
prepare_query (PvSandboxStore            *self,
               const char                *head,
               const PvSandboxUserQuery  *query,
               const char                *tail,
               int                        first_index,
               GError                   **error)
{
  g_autoptr(GString) sql = g_string_new (head);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  if (query != NULL)
    {
      append_group (sql, query->filter, query->filter_any, first_index, values);
      append_group (sql, query->search, query->search_any, first_index, values);
    }
  g_string_append (sql, tail);

  stmt = prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < values->len; i++)
    sqlite3_bind_text (stmt, first_index + (int) i, g_ptr_array_index (values, i), -1,
                       SQLITE_TRANSIENT);
  return stmt;
}

/**
 * pv_sandbox_store_query_users:
 * @after: the paging position: users after this sequence number
 * @limit: at most this many users
 * @last_seq: (out): the position of the last user returned
 * @more: (out): whether more users match after this page
 *
 * Returns: (transfer container) (element-type JsonNode): the users
 */
GPtrArray *
pv_sandbox_store_query_users (PvSandboxStore            *self,
                              const PvSandboxUserQuery  *query,
                              gint64                     after,
                              guint                      limit,
                              gint64                    *last_seq,
                              gboolean                  *more,
                              GError                   **error)
{
  g_autoptr(PvStmt) stmt = NULL;
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autofree char *tail = NULL;
  int rc;

  g_return_val_if_fail (PV_IS_SANDBOX_STORE (self), NULL);

  *more = FALSE;
  *last_seq = after;
  tail = g_strdup_printf (" ORDER BY seq LIMIT %u", limit + 1);
  stmt = prepare_query (self, "SELECT seq, doc FROM users WHERE seq > ?1", query, tail,
                        2, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, after);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonNode *node;

      if (users->len == limit)
        {
          *more = TRUE;
          break;
        }
      node = parse_doc (stmt, 1, error);
      if (node == NULL)
        return NULL;
      *last_seq = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (users, node);
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sql_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&users);
}

gint64
pv_sandbox_store_count_users (PvSandboxStore            *self,
                              const PvSandboxUserQuery  *query,
                              GError                   **error)
{
  g_autoptr(PvStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PV_IS_SANDBOX_STORE (self), -1);

  stmt = prepare_query (self, "SELECT count(*) FROM users WHERE 1", query, "", 1, error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sql_error (self, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

JsonNode *
pv_sandbox_store_get_resource (PvSandboxStore  *self,
                               const char      *kind,
                               const char      *id,
                               GError         **error)
{
  g_autoptr(PvStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PV_IS_SANDBOX_STORE (self), NULL);

  stmt = prepare (self, "SELECT doc FROM resources WHERE kind = ?1 AND id = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return parse_doc (stmt, 0, error);
  if (rc != SQLITE_DONE)
    set_sql_error (self, rc, error);
  else
    g_set_error (error, PV_SANDBOX_STORE_ERROR, PV_SANDBOX_STORE_ERROR_NOT_FOUND,
                 "Resource '%s' does not exist.", id);
  return NULL;
}

/* Returns: (transfer container) (element-type JsonNode): in insertion order */
GPtrArray *
pv_sandbox_store_list_resources (PvSandboxStore  *self,
                                 const char      *kind,
                                 GError         **error)
{
  g_autoptr(PvStmt) stmt = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  int rc;

  g_return_val_if_fail (PV_IS_SANDBOX_STORE (self), NULL);

  stmt = prepare (self, "SELECT doc FROM resources WHERE kind = ?1 ORDER BY seq", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonNode *node = parse_doc (stmt, 0, error);

      if (node == NULL)
        return NULL;
      g_ptr_array_add (docs, node);
    }
  if (rc != SQLITE_DONE)
    {
      set_sql_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&docs);
}

/**
 * pv_sandbox_store_list_resources_by_id:
 * @after: (nullable): the paging position: resources whose id sorts after it
 * @match: (nullable): keeps only the resources it accepts
 * @limit: how many resources at most
 * @more: (out): whether more resources match after the page
 *
 * A page of resources in the order of their ids. It walks the primary key
 * from @after and stops once the page is full, so reading a large kind
 * page by page costs each page its own length rather than the whole kind.
 *
 * Returns: (transfer container) (element-type JsonNode): the page
 */
GPtrArray *
pv_sandbox_store_list_resources_by_id (PvSandboxStore        *self,
                                       const char            *kind,
                                       const char            *after,
                                       PvSandboxResourceMatch match,
                                       gpointer               user_data,
                                       guint                  limit,
                                       gboolean              *more,
                                       GError               **error)
{
  g_autoptr(PvStmt) stmt = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  int rc;

  g_return_val_if_fail (PV_IS_SANDBOX_STORE (self), NULL);
  g_return_val_if_fail (more != NULL, NULL);

  *more = FALSE;
  stmt = prepare (self, "SELECT doc FROM resources WHERE kind = ?1 AND id > ?2 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, after != NULL ? after : "", -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonNode) node = parse_doc (stmt, 0, error);

      if (node == NULL)
        return NULL;
      if (match != NULL && !match (json_node_get_object (node), user_data))
        continue;
      if (docs->len == limit)
        {
          *more = TRUE;
          break;
        }
      g_ptr_array_add (docs, g_steal_pointer (&node));
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_sql_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&docs);
}

gboolean
pv_sandbox_store_put_resource (PvSandboxStore  *self,
                               const char      *kind,
                               const char      *id,
                               JsonNode        *doc,
                               GError         **error)
{
  g_autoptr(PvStmt) stmt = NULL;
  g_autofree char *text = NULL;
  int rc;

  g_return_val_if_fail (PV_IS_SANDBOX_STORE (self), FALSE);

  stmt = prepare (self,
                  "INSERT INTO resources (kind, id, seq, doc) VALUES (?1, ?2,"
                  " (SELECT coalesce (max (seq), 0) + 1 FROM resources WHERE kind = ?1), ?3)"
                  " ON CONFLICT (kind, id) DO UPDATE SET doc = ?3",
                  error);
  if (stmt == NULL)
    return FALSE;
  text = json_to_string (doc, FALSE);
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return set_sql_error (self, rc, error);
  return TRUE;
}

gboolean
pv_sandbox_store_delete_resource (PvSandboxStore  *self,
                                  const char      *kind,
                                  const char      *id,
                                  GError         **error)
{
  g_autoptr(PvStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PV_IS_SANDBOX_STORE (self), FALSE);

  stmt = prepare (self, "DELETE FROM resources WHERE kind = ?1 AND id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return set_sql_error (self, rc, error);
  return TRUE;
}

/* The members of the seed that hold lists of resources, with the member
 * of each item that is its id. */
static const struct
{
  const char *member;
  const char *id_member;
} seed_lists[] = {
  { "sipDomains", "name" },
  { "pools", "fqdn" },
  { "voiceRoutingPolicies", "identity" },
  { "subscribedSkus", "skuId" },
  { "operators", "id" },
  { "tenantOperators", "operatorId" },
  { "phoneNumbers", "telephoneNumber" },
  { "emergencyAddresses", "id" },
  { "portOrders", "id" },
};

/* The members of the seed that hold one object each. */
static const char * const seed_singletons[] = {
  "organization",
  "me",
  "federation",
  "readiness",
};

static gboolean
load_seed_locked (PvSandboxStore  *self,
                  JsonObject      *root,
                  GError         **error)
{
  JsonNode *users;

  if (!exec (self, "DELETE FROM users; DELETE FROM resources; DELETE FROM meta;"
                   " DELETE FROM sqlite_sequence WHERE name = 'users';", error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (seed_lists); i++)
    {
      JsonNode *list = json_object_get_member (root, seed_lists[i].member);

      if (list == NULL)
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (list))
        {
          g_set_error (error, PV_SANDBOX_STORE_ERROR, PV_SANDBOX_STORE_ERROR_SEED,
                       "%s: not an array", seed_lists[i].member);
          return FALSE;
        }
      for (guint j = 0; j < json_array_get_length (json_node_get_array (list)); j++)
        {
          JsonNode *item = json_array_get_element (json_node_get_array (list), j);
          const char *id = NULL;

          if (JSON_NODE_HOLDS_OBJECT (item))
            id = member_string (json_node_get_object (item), seed_lists[i].id_member);
          if (id == NULL)
            {
              g_set_error (error, PV_SANDBOX_STORE_ERROR, PV_SANDBOX_STORE_ERROR_SEED,
                           "%s[%u]: no %s", seed_lists[i].member, j,
                           seed_lists[i].id_member);
              return FALSE;
            }
          if (!pv_sandbox_store_put_resource (self, seed_lists[i].member, id, item, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (seed_singletons); i++)
    {
      JsonNode *item = json_object_get_member (root, seed_singletons[i]);

      if (item != NULL && JSON_NODE_HOLDS_OBJECT (item) &&
          !pv_sandbox_store_put_resource (self, "singletons", seed_singletons[i], item, error))
        return FALSE;
    }

  users = json_object_get_member (root, "users");
  if (users != NULL && JSON_NODE_HOLDS_ARRAY (users))
    {
      JsonArray *array = json_node_get_array (users);

      for (guint j = 0; j < json_array_get_length (array); j++)
        {
          JsonNode *user = json_array_get_element (array, j);

          if (!JSON_NODE_HOLDS_OBJECT (user))
            {
              g_set_error (error, PV_SANDBOX_STORE_ERROR, PV_SANDBOX_STORE_ERROR_SEED,
                           "users[%u]: not an object", j);
              return FALSE;
            }
          if (!pv_sandbox_store_put_user (self, user, error))
            {
              g_prefix_error (error, "users[%u]: ", j);
              return FALSE;
            }
        }
    }

  return exec (self, "INSERT INTO meta (key, value) VALUES ('seeded', '1')", error);
}

/**
 * pv_sandbox_store_load_seed:
 * @seed: the seed tenant (see data/sandbox/seed-tenant.json)
 *
 * Replaces the whole state by the seed, in one transaction: a failure
 * leaves the previous state as it was.
 */
gboolean
pv_sandbox_store_load_seed (PvSandboxStore  *self,
                            JsonNode        *seed,
                            GError         **error)
{
  g_return_val_if_fail (PV_IS_SANDBOX_STORE (self), FALSE);

  if (seed == NULL || !JSON_NODE_HOLDS_OBJECT (seed))
    {
      g_set_error_literal (error, PV_SANDBOX_STORE_ERROR, PV_SANDBOX_STORE_ERROR_SEED,
                           "The seed tenant is not a JSON object");
      return FALSE;
    }
  if (!pv_sandbox_store_begin (self, error))
    return FALSE;
  if (!load_seed_locked (self, json_node_get_object (seed), error))
    {
      pv_sandbox_store_rollback (self);
      return FALSE;
    }
  return pv_sandbox_store_commit (self, error);
}
