/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pv-csv.h"
#include "pv-user-list.h"

/* A CSV list of users, as an administrator keeps one in a spreadsheet or
 * exports it from Active Directory: the columns provisio-cli sip reads,
 * in any order, unknown ones ignored.  provisio-cli sip and the Select
 * users page share this reader, so a file that works for one works for
 * the other.
 *
 * Matching a list against the directory never drops a row silently:
 * every row that matches no user comes back as a translated line naming
 * the file, the line and the value looked for. */

static const char * const columns[] = {
  "id", "displayName", "givenName", "surname", "mail", "userPrincipalName", "sAMAccountName",
  NULL
};

enum {
  COL_ID,
  COL_DISPLAY_NAME,
  COL_GIVEN_NAME,
  COL_SURNAME,
  COL_MAIL,
  COL_UPN,
  COL_SAM,
  N_COLS
};

struct _PvUserList
{
  GObject parent_instance;

  char *name;
  GListStore *users;
  GArray *lines;
};

G_DEFINE_FINAL_TYPE (PvUserList, pv_user_list, G_TYPE_OBJECT)

static void
pv_user_list_finalize (GObject *object)
{
  PvUserList *self = (PvUserList *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->users);
  g_clear_pointer (&self->lines, g_array_unref);

  G_OBJECT_CLASS (pv_user_list_parent_class)->finalize (object);
}

static void
pv_user_list_class_init (PvUserListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pv_user_list_finalize;
}

static void
pv_user_list_init (PvUserList *self)
{
  self->users = g_list_store_new (PV_TYPE_USER);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * pv_user_list_get_columns:
 *
 * Returns: (transfer none): the column names the list reads
 */
const char * const *
pv_user_list_get_columns (void)
{
  return columns;
}

/**
 * pv_user_list_required_for_format:
 *
 * Returns: (transfer none): the columns provisio-cli sip needs to build
 *   addresses in @format: id and the ones the format uses
 */
const char * const *
pv_user_list_required_for_format (PvSipFormat format)
{
  static const char * const email[] = { "id", "mail", NULL };
  static const char * const upn[] = { "id", "userPrincipalName", NULL };
  static const char * const first_last[] = { "id", "givenName", "surname", NULL };
  static const char * const sam[] = { "id", "sAMAccountName", NULL };

  switch (format)
    {
    case PV_SIP_FORMAT_EMAIL:
      return email;
    case PV_SIP_FORMAT_UPN:
      return upn;
    case PV_SIP_FORMAT_FIRST_LAST:
      return first_last;
    case PV_SIP_FORMAT_SAM:
      return sam;
    default:
      g_return_val_if_reached (email);
    }
}

/* Spreadsheets set to languages with decimal commas export with
 * semicolons; pv-csv says so when required columns are missing, and this
 * says the same when the list has none of the columns to match by. */
static gboolean
uses_semicolons (GBytes *data)
{
  gsize size;
  const char *text = g_bytes_get_data (data, &size);
  const char *end;

  if (text == NULL)
    return FALSE;
  end = memchr (text, '\n', size);
  if (end == NULL)
    end = text + size;
  return memchr (text, ';', end - text) != NULL && memchr (text, ',', end - text) == NULL;
}

/**
 * pv_user_list_new_from_bytes:
 * @data: UTF-8 CSV (RFC 4180) with a header row
 * @name: the file name, for error messages
 * @required: (nullable): columns that must be present; with %NULL, at
 *   least one of id, userPrincipalName and mail, to match users by
 *
 * Returns: (transfer full): the list, or %NULL with a #PV_CSV_ERROR
 *   naming the file and line
 */
PvUserList *
pv_user_list_new_from_bytes (GBytes              *data,
                             const char          *name,
                             const char * const  *required,
                             GError             **error)
{
  g_autoptr(PvUserList) self = NULL;
  g_autoptr(PvCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  int column[N_COLS];
  GStrv row = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  reader = pv_csv_reader_new (data, name);
  if (!pv_csv_reader_read_header (reader, required, error))
    return NULL;
  for (guint i = 0; i < N_COLS; i++)
    column[i] = pv_csv_reader_get_column (reader, columns[i]);

  if (required == NULL && column[COL_ID] < 0 && column[COL_UPN] < 0 && column[COL_MAIL] < 0 &&
      uses_semicolons (data))
    {
      g_set_error (error, PV_CSV_ERROR, PV_CSV_ERROR_MISSING_COLUMN,
                   /* Translators: %s is a file name, %u a line number. */
                   _("%s, line %u: the columns are separated by semicolons; export the file "
                     "again as CSV with commas."), name, 1u);
      return NULL;
    }
  if (required == NULL && column[COL_ID] < 0 && column[COL_UPN] < 0 && column[COL_MAIL] < 0)
    {
      g_set_error (error, PV_CSV_ERROR, PV_CSV_ERROR_MISSING_COLUMN,
                   /* Translators: %s is a file name; keep the column names in English. */
                   _("%s, line 1: the header needs an id, userPrincipalName or mail column to "
                     "find each user in the directory."), name);
      return NULL;
    }

  self = g_object_new (PV_TYPE_USER_LIST, NULL);
  self->name = g_strdup (name);

  while (pv_csv_reader_read_row (reader, &row, &local_error))
    {
      g_autoptr(PvUser) user = pv_user_new ();
      guint line = pv_csv_reader_get_line (reader);
      const char * const *r = (const char * const *) row;

      pv_user_set_id (user, pv_csv_row_get (r, column[COL_ID]));
      pv_user_set_display_name (user, pv_csv_row_get (r, column[COL_DISPLAY_NAME]));
      pv_user_set_given_name (user, pv_csv_row_get (r, column[COL_GIVEN_NAME]));
      pv_user_set_surname (user, pv_csv_row_get (r, column[COL_SURNAME]));
      pv_user_set_mail (user, pv_csv_row_get (r, column[COL_MAIL]));
      pv_user_set_user_principal_name (user, pv_csv_row_get (r, column[COL_UPN]));
      pv_user_set_on_premises_sam_account_name (user, pv_csv_row_get (r, column[COL_SAM]));
      g_strfreev (row);

      g_list_store_append (self->users, user);
      g_array_append_val (self->lines, line);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* A user list is small next to the limits of memory, but a file chosen by
 * mistake (a database dump) should not be read whole. */
#define MAX_SIZE ((goffset) 256 * 1024 * 1024)

PvUserList *
pv_user_list_load (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (MAX_SIZE);

      g_set_error (error, PV_CSV_ERROR, PV_CSV_ERROR_TOO_LARGE,
                   /* Translators: %s is a file name, the second %s a size such as “256 MB”. */
                   _("%s is larger than %s, the most Provisio reads; check that it is the right "
                     "file."), name, limit);
      return NULL;
    }
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  data = g_bytes_new_take (g_steal_pointer (&contents), length);
  return pv_user_list_new_from_bytes (data, name, NULL, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  PvUserList *list = pv_user_list_load (task_data, cancellable, &error);

  if (list == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, list, g_object_unref);
}

/**
 * pv_user_list_load_async:
 *
 * Reads and parses @file in a worker thread.
 */
void
pv_user_list_load_async (GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_user_list_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

PvUserList *
pv_user_list_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pv_user_list_load_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
pv_user_list_get_name (PvUserList *self)
{
  g_return_val_if_fail (PV_IS_USER_LIST (self), NULL);
  return self->name;
}

/**
 * pv_user_list_get_users:
 *
 * Returns: (transfer none): one #PvUser per row, with the values of the
 *   file; a missing column gives empty strings
 */
GListModel *
pv_user_list_get_users (PvUserList *self)
{
  g_return_val_if_fail (PV_IS_USER_LIST (self), NULL);
  return G_LIST_MODEL (self->users);
}

/**
 * pv_user_list_get_line:
 *
 * Returns: the line of the file on which the row at @position starts
 */
guint
pv_user_list_get_line (PvUserList *self,
                       guint       position)
{
  g_return_val_if_fail (PV_IS_USER_LIST (self), 0);
  g_return_val_if_fail (position < self->lines->len, 0);

  return g_array_index (self->lines, guint, position);
}

static void
index_by (GHashTable *table,
          const char *key,
          PvUser     *user)
{
  if (key != NULL && *key != '\0')
    g_hash_table_insert (table, g_utf8_casefold (key, -1), user);
}

static PvUser *
lookup (GHashTable *table,
        const char *key)
{
  g_autofree char *folded = NULL;

  if (key == NULL || *key == '\0')
    return NULL;
  folded = g_utf8_casefold (key, -1);
  return g_hash_table_lookup (table, folded);
}

/**
 * pv_user_list_match:
 * @directory: a model of #PvUser
 * @unmatched: (out) (transfer full) (element-type utf8) (optional): a
 *   translated line for each row that matches no user
 *
 * Finds each row in @directory by id, then userPrincipalName, then mail
 * (the last two without regard to case).  A user listed twice is
 * returned once.
 *
 * Returns: (transfer full): the users of @directory the rows name, in the
 *   order of the file
 */
GListModel *
pv_user_list_match (PvUserList  *self,
                    GListModel  *directory,
                    GPtrArray  **unmatched)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_upn = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_mail = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *matched;
  guint n;

  g_return_val_if_fail (PV_IS_USER_LIST (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (directory), NULL);

  n = g_list_model_get_n_items (directory);
  for (guint i = 0; i < n; i++)
    {
      PvUser *user = g_list_model_get_item (directory, i);

      g_ptr_array_add (keep, user);
      if (pv_user_get_id (user) != NULL && *pv_user_get_id (user) != '\0')
        g_hash_table_insert (by_id, (gpointer) pv_user_get_id (user), user);
      index_by (by_upn, pv_user_get_user_principal_name (user), user);
      index_by (by_mail, pv_user_get_mail (user), user);
    }

  matched = g_list_store_new (PV_TYPE_USER);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->users));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PvUser) row = g_list_model_get_item (G_LIST_MODEL (self->users), i);
      const char *id = pv_user_get_id (row);
      const char *upn = pv_user_get_user_principal_name (row);
      const char *mail = pv_user_get_mail (row);
      PvUser *user = NULL;

      if (id != NULL && *id != '\0')
        user = g_hash_table_lookup (by_id, id);
      if (user == NULL)
        user = lookup (by_upn, upn);
      if (user == NULL)
        user = lookup (by_mail, mail);

      if (user == NULL)
        {
          const char *key = id != NULL && *id != '\0' ? id
                            : upn != NULL && *upn != '\0' ? upn
                            : mail != NULL ? mail : "";

          if (*key == '\0')
            g_ptr_array_add (missing,
                             /* Translators: %s is a file name, %u a line number. */
                             g_strdup_printf (_("%s, line %u: the row has no id, "
                                                "userPrincipalName or mail to find the user "
                                                "by."),
                                              self->name, pv_user_list_get_line (self, i)));
          else
            g_ptr_array_add (missing,
                             /* Translators: %s is a file name, %u a line number, the last %s
                              * the id, userPrincipalName or e-mail address looked for. */
                             g_strdup_printf (_("%s, line %u: no user in the directory has the "
                                                "id, userPrincipalName or e-mail address “%s”."),
                                              self->name, pv_user_list_get_line (self, i), key));
          continue;
        }

      if (g_hash_table_add (seen, user))
        g_list_store_append (matched, user);
    }

  if (unmatched != NULL)
    *unmatched = g_steal_pointer (&missing);
  return G_LIST_MODEL (matched);
}
