/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pv-run-store.h"

/* Where runs live: one folder of the user's state, a journal ID.jsonl a
 * run (what it did, line by line, to resume it) and, once it has ended,
 * ID.results.json (its results as shown, to show and export them again).
 * Everything that names, lists, discards or prunes runs is here, so that
 * the app, the command line and the tests agree on it. Nothing here runs
 * on the main loop but the naming. */

#define JOURNAL_SUFFIX ".jsonl"
#define RESULTS_SUFFIX ".results.json"
#define DISCARDED_SUFFIX ".discarded"

/**
 * pv_run_store_dup_dir:
 *
 * Returns: (transfer full): the folder of the runs,
 *   $XDG_STATE_HOME/provisio/runs
 */
char *
pv_run_store_dup_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "provisio", "runs", NULL);
}

/**
 * pv_run_store_new_run_id:
 *
 * Returns: (transfer full): the id of a new run, unique among all runs
 */
char *
pv_run_store_new_run_id (void)
{
  return g_uuid_string_random ();
}

/* Whether @run_id can name a run: a person may type it, and it becomes a
 * file name, so nothing that could leave the folder. */
gboolean
pv_run_store_is_run_id (const char *run_id)
{
  if (run_id == NULL || *run_id == '\0' || strlen (run_id) > 128)
    return FALSE;
  for (const char *p = run_id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static char *
dup_path (const char *dir,
          const char *run_id,
          const char *suffix)
{
  g_autofree char *default_dir = dir == NULL ? pv_run_store_dup_dir () : NULL;
  g_autofree char *name = g_strconcat (run_id, suffix, NULL);

  return g_build_filename (dir != NULL ? dir : default_dir, name, NULL);
}

/**
 * pv_run_store_dup_journal_path:
 * @dir: (nullable): the folder of the runs, or %NULL for the user's
 *
 * Returns: (transfer full): the journal of the run @run_id
 */
char *
pv_run_store_dup_journal_path (const char *dir,
                               const char *run_id)
{
  g_return_val_if_fail (pv_run_store_is_run_id (run_id), NULL);

  return dup_path (dir, run_id, JOURNAL_SUFFIX);
}

/**
 * pv_run_store_dup_results_path:
 * @dir: (nullable): the folder of the runs, or %NULL for the user's
 *
 * Returns: (transfer full): where the results of the run @run_id are kept
 *   once it has ended
 */
char *
pv_run_store_dup_results_path (const char *dir,
                               const char *run_id)
{
  g_return_val_if_fail (pv_run_store_is_run_id (run_id), NULL);

  return dup_path (dir, run_id, RESULTS_SUFFIX);
}

/**
 * pv_run_store_dup_run_id:
 *
 * Returns: (transfer full) (nullable): the id of the run whose journal
 *   is @journal_path (its name without .jsonl), or %NULL when the name is
 *   not one of a run
 */
char *
pv_run_store_dup_run_id (const char *journal_path)
{
  g_autofree char *name = g_path_get_basename (journal_path);
  g_autofree char *id = NULL;

  if (!g_str_has_suffix (name, JOURNAL_SUFFIX))
    return NULL;
  id = g_strndup (name, strlen (name) - strlen (JOURNAL_SUFFIX));
  return pv_run_store_is_run_id (id) ? g_steal_pointer (&id) : NULL;
}

/* --- Listing. --- */

static gint
compare_started (gconstpointer a,
                 gconstpointer b)
{
  gint64 sa = pv_run_state_get_started (*(PvRunState **) a);
  gint64 sb = pv_run_state_get_started (*(PvRunState **) b);

  return sa < sb ? 1 : sa > sb ? -1 : 0;
}

static gboolean
is_resumable (PvRunState *state)
{
  PvRunStatus status = pv_run_state_get_status (state);

  return pv_run_state_get_plan (state) != NULL &&
         (status == PV_RUN_STATUS_STOPPED || status == PV_RUN_STATUS_INTERRUPTED) &&
         pv_run_state_get_n_finished (state) < pv_run_state_get_n_items (state);
}

/**
 * pv_run_store_list:
 * @dir: (nullable): the folder of the runs, or %NULL for the user's
 *
 * Reads the journals in @dir. Blocks: call it from a thread, or use
 * pv_run_store_list_async().
 *
 * Returns: (transfer full) (element-type PvRunState) (nullable): the
 *   runs, the most recent first; %NULL when @cancellable was cancelled,
 *   as a listing cut short is not the list of runs
 */
GPtrArray *
pv_run_store_list (const char     *dir,
                   PvRunStoreList  which,
                   GCancellable   *cancellable)
{
  g_autofree char *default_dir = dir == NULL ? pv_run_store_dup_dir () : NULL;
  const char *dir_path = dir != NULL ? dir : default_dir;
  g_autoptr(GDir) handle = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  /* No folder yet is no run yet. */
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(PvRunState) state = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        return NULL;
      if (!g_str_has_suffix (name, JOURNAL_SUFFIX))
        continue;

      /* A journal that cannot be read is not offered; the command line
       * names it when asked for by its id. */
      path = g_build_filename (dir_path, name, NULL);
      state = pv_run_state_load (path, cancellable, NULL);
      if (state == NULL)
        continue;
      if (which == PV_RUN_STORE_LIST_RESUMABLE && !is_resumable (state))
        continue;
      g_ptr_array_add (states, g_steal_pointer (&state));
    }

  if (g_cancellable_is_cancelled (cancellable))
    return NULL;
  g_ptr_array_sort (states, compare_started);
  return g_steal_pointer (&states);
}

typedef struct
{
  char           *dir;
  PvRunStoreList  which;
} ListData;

static void
list_data_free (ListData *data)
{
  g_free (data->dir);
  g_free (data);
}

static void
list_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ListData *data = task_data;
  GPtrArray *states = pv_run_store_list (data->dir, data->which, cancellable);

  if (g_task_return_error_if_cancelled (task))
    {
      g_clear_pointer (&states, g_ptr_array_unref);
      return;
    }
  g_task_return_pointer (task, states, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * pv_run_store_list_async:
 * @dir: (nullable): the folder of the runs, or %NULL for the user's
 *
 * Reads, off the main loop, the journals in @dir: every run, or only
 * those a resume would continue.
 */
void
pv_run_store_list_async (const char          *dir,
                         PvRunStoreList       which,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ListData *data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_run_store_list_async);
  data = g_new0 (ListData, 1);
  data->dir = g_strdup (dir);
  data->which = which;
  g_task_set_task_data (task, data, (GDestroyNotify) list_data_free);
  g_task_run_in_thread (task, list_in_thread);
}

/**
 * pv_run_store_list_finish:
 *
 * Returns: (transfer full) (element-type PvRunState): the runs, the most
 *   recent first
 */
GPtrArray *
pv_run_store_list_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_run_store_list_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- Discarding. --- */

static gboolean
set_aside (const char  *path,
           GError     **error)
{
  g_autofree char *kept = g_strconcat (path, DISCARDED_SUFFIX, NULL);
  int saved_errno;

  if (g_rename (path, kept) == 0)
    return TRUE;
  saved_errno = errno;
  if (saved_errno == ENOENT)
    return TRUE;
  /* Translators: the first %s is a file, the second why it failed. */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not set aside “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

static void
discard_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  char **paths = task_data;
  GError *error = NULL;

  for (guint i = 0; paths[i] != NULL; i++)
    if (!set_aside (paths[i], &error))
      {
        g_task_return_error (task, error);
        return;
      }
  g_task_return_boolean (task, TRUE);
}

/**
 * pv_run_store_discard_async:
 * @dir: (nullable): the folder of the runs, or %NULL for the user's
 *
 * Takes the run out of the history and out of what can be resumed. Its
 * files stay beside the others, renamed, as the record of what the run
 * did, until they are pruned.
 */
void
pv_run_store_discard_async (const char          *dir,
                            const char          *run_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  char **paths;

  g_return_if_fail (pv_run_store_is_run_id (run_id));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_run_store_discard_async);
  paths = g_new0 (char *, 3);
  paths[0] = pv_run_store_dup_journal_path (dir, run_id);
  paths[1] = pv_run_store_dup_results_path (dir, run_id);
  g_task_set_task_data (task, paths, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, discard_in_thread);
}

gboolean
pv_run_store_discard_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_run_store_discard_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- Pruning. --- */

typedef struct
{
  char   *path;
  gint64  mtime;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->path);
  g_free (entry);
}

static gint
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Entry *ea = *(Entry **) a;
  const Entry *eb = *(Entry **) b;

  return ea->mtime < eb->mtime ? 1 : ea->mtime > eb->mtime ? -1 : 0;
}

static void
remove_run_files (const char *journal_path,
                  const char *suffix)
{
  g_autofree char *stem = g_strndup (journal_path, strlen (journal_path) - strlen (JOURNAL_SUFFIX) - strlen (suffix));
  g_autofree char *results = g_strconcat (stem, RESULTS_SUFFIX, suffix, NULL);

  g_remove (journal_path);
  g_remove (results);
}

/**
 * pv_run_store_prune:
 * @dir: (nullable): the folder of the runs, or %NULL for the user's
 * @keep_runs: how many of the most recent runs are kept whatever their age
 * @keep_days: how many days a run is kept whatever their number
 * @now: the time to count days from, in seconds since the epoch
 *
 * Removes the runs that are neither among the @keep_runs most recent nor
 * younger than @keep_days (whichever keeps more), by the last time their
 * journal was written. A run that is not finished (stopped, interrupted,
 * or waiting for something) is never removed: someone still has to act
 * on it. Discarded runs go once they are older than @keep_days. Blocks:
 * call it from a thread, or use pv_run_store_prune_async().
 *
 * Returns: how many runs were removed
 */
guint
pv_run_store_prune (const char   *dir,
                    guint         keep_runs,
                    guint         keep_days,
                    gint64        now,
                    GCancellable *cancellable)
{
  g_autofree char *default_dir = dir == NULL ? pv_run_store_dup_dir () : NULL;
  const char *dir_path = dir != NULL ? dir : default_dir;
  g_autoptr(GDir) handle = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  gint64 oldest_kept = now - (gint64) keep_days * 24 * 3600;
  const char *name;
  guint removed = 0;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      GStatBuf buf;
      Entry *entry;

      if (g_cancellable_is_cancelled (cancellable))
        return removed;
      if (g_stat (path, &buf) != 0)
        continue;

      if (g_str_has_suffix (name, JOURNAL_SUFFIX DISCARDED_SUFFIX))
        {
          if ((gint64) buf.st_mtime < oldest_kept)
            {
              remove_run_files (path, DISCARDED_SUFFIX);
              removed++;
            }
          continue;
        }
      if (!g_str_has_suffix (name, JOURNAL_SUFFIX))
        continue;

      entry = g_new0 (Entry, 1);
      entry->path = g_steal_pointer (&path);
      entry->mtime = buf.st_mtime;
      g_ptr_array_add (runs, entry);
    }

  g_ptr_array_sort (runs, compare_newest_first);
  for (guint i = keep_runs; i < runs->len; i++)
    {
      Entry *entry = g_ptr_array_index (runs, i);
      g_autoptr(PvRunState) state = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (entry->mtime >= oldest_kept)
        continue;
      /* A journal that cannot be read is left for a person to look at. */
      state = pv_run_state_load (entry->path, cancellable, NULL);
      if (state == NULL || pv_run_state_get_status (state) != PV_RUN_STATUS_FINISHED)
        continue;
      remove_run_files (entry->path, "");
      removed++;
    }

  return removed;
}

static void
prune_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  const char *dir = g_object_get_data (G_OBJECT (task), "pv-dir");
  guint keep_days = GPOINTER_TO_UINT (task_data);

  g_task_return_int (task, pv_run_store_prune (dir, PV_RUN_STORE_KEEP_RUNS, keep_days,
                                               g_get_real_time () / G_USEC_PER_SEC, cancellable));
}

/**
 * pv_run_store_prune_async:
 * @dir: (nullable): the folder of the runs, or %NULL for the user's
 * @keep_days: how many days runs are kept; the last
 *   %PV_RUN_STORE_KEEP_RUNS are kept whatever their age
 *
 * Prunes the runs in a thread, as pv_run_store_prune() says.
 */
void
pv_run_store_prune_async (const char          *dir,
                          guint                keep_days,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_run_store_prune_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (keep_days), NULL);
  g_object_set_data_full (G_OBJECT (task), "pv-dir", g_strdup (dir), g_free);
  g_task_run_in_thread (task, prune_in_thread);
}

/**
 * pv_run_store_prune_finish:
 *
 * Returns: how many runs were removed
 */
guint
pv_run_store_prune_finish (GAsyncResult  *result,
                           GError       **error)
{
  gssize removed;

  g_return_val_if_fail (g_task_is_valid (result, NULL), 0);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_run_store_prune_async), 0);

  removed = g_task_propagate_int (G_TASK (result), error);
  return removed > 0 ? (guint) removed : 0;
}
