/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pv-json.h"
#include "pv-run-results.h"
#include "pv-run-store.h"

/* The results of a run: one #PvOperationResult a person, in the order
 * they first finished, a later outcome for the same person (a retry)
 * taking the earlier one's place. The counts per outcome are properties,
 * one per value of #PvResultStatus, made from the enum itself, so that a
 * status added later is counted (and can be bound to) without touching
 * the pages that show them. The display names of the people go with the
 * results, so that a run reopened from the history shows names, not
 * ids. */

struct _PvRunResults
{
  GObject     parent_instance;

  GPtrArray  *results;     /* PvOperationResult */
  GHashTable *positions;   /* item → position + 1 */
  GHashTable *names;       /* item → display name */
  guint      *counts;      /* by index of the status in its enum */
  guint       n_proposed;
  PvRunInfo  *info;
};

static void pv_run_results_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PvRunResults, pv_run_results, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, pv_run_results_model_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_N_PROPOSED,
  PROP_FIRST_COUNT,
};

static GParamSpec **properties;
static guint n_statuses;

#define RESULTS_VERSION 1

static guint
status_index (PvResultStatus status)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (PV_TYPE_RESULT_STATUS);
  GEnumValue *value = g_enum_get_value (klass, status);

  return value != NULL ? (guint) (value - klass->values) : G_MAXUINT;
}

static GType
pv_run_results_get_item_type (GListModel *model)
{
  return PV_TYPE_OPERATION_RESULT;
}

static guint
pv_run_results_get_n_items (GListModel *model)
{
  return PV_RUN_RESULTS (model)->results->len;
}

static gpointer
pv_run_results_get_item (GListModel *model,
                         guint       position)
{
  PvRunResults *self = PV_RUN_RESULTS (model);

  if (position >= self->results->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->results, position));
}

static void
pv_run_results_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pv_run_results_get_item_type;
  iface->get_n_items = pv_run_results_get_n_items;
  iface->get_item = pv_run_results_get_item;
}

static void
pv_run_results_finalize (GObject *object)
{
  PvRunResults *self = PV_RUN_RESULTS (object);

  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->counts, g_free);
  g_clear_object (&self->info);

  G_OBJECT_CLASS (pv_run_results_parent_class)->finalize (object);
}

static void
pv_run_results_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PvRunResults *self = PV_RUN_RESULTS (object);

  if (prop_id == PROP_N_ITEMS)
    g_value_set_uint (value, self->results->len);
  else if (prop_id == PROP_N_PROPOSED)
    g_value_set_uint (value, self->n_proposed);
  else if (prop_id >= PROP_FIRST_COUNT && prop_id < PROP_FIRST_COUNT + n_statuses)
    g_value_set_uint (value, self->counts[prop_id - PROP_FIRST_COUNT]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

/* "alreadyDone" → "n-already-done" */
static char *
count_property_name (const char *nick)
{
  GString *name = g_string_new ("n-");

  for (const char *p = nick; *p != '\0'; p++)
    {
      if (g_ascii_isupper (*p))
        {
          g_string_append_c (name, '-');
          g_string_append_c (name, g_ascii_tolower (*p));
        }
      else
        g_string_append_c (name, *p);
    }
  return g_string_free (name, FALSE);
}

static void
pv_run_results_class_init (PvRunResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  g_autoptr(GEnumClass) statuses = g_type_class_ref (PV_TYPE_RESULT_STATUS);

  object_class->finalize = pv_run_results_finalize;
  object_class->get_property = pv_run_results_get_property;

  n_statuses = statuses->n_values;
  properties = g_new0 (GParamSpec *, PROP_FIRST_COUNT + n_statuses);

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Skipped results that say what they would have done: a dry run's
   * proposals (they carry the value the change would set). */
  properties[PROP_N_PROPOSED] =
    g_param_spec_uint ("n-proposed", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* One count per outcome: n-done, n-already-done, n-skipped, n-failed… */
  for (guint i = 0; i < n_statuses; i++)
    {
      char *name = count_property_name (statuses->values[i].value_nick);

      /* The class lives as long as the program: so do its names. */
      properties[PROP_FIRST_COUNT + i] =
        g_param_spec_uint (g_intern_string (name), NULL, NULL, 0, G_MAXUINT, 0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_NAME |
                           G_PARAM_STATIC_NICK | G_PARAM_STATIC_BLURB);
      g_free (name);
    }
  g_object_class_install_properties (object_class, PROP_FIRST_COUNT + n_statuses, properties);
}

static void
pv_run_results_init (PvRunResults *self)
{
  self->results = g_ptr_array_new_with_free_func (g_object_unref);
  self->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->counts = g_new0 (guint, n_statuses);
}

PvRunResults *
pv_run_results_new (void)
{
  return g_object_new (PV_TYPE_RUN_RESULTS, NULL);
}

static gboolean
is_proposal (PvOperationResult *result)
{
  return pv_operation_result_get_status (result) == PV_RESULT_STATUS_SKIPPED &&
         pv_operation_result_get_after (result) != NULL;
}

static void
count (PvRunResults      *self,
       PvOperationResult *result,
       int                delta)
{
  guint index = status_index (pv_operation_result_get_status (result));

  if (index < n_statuses)
    self->counts[index] += delta;
  if (is_proposal (result))
    self->n_proposed += delta;
}

/**
 * pv_run_results_set:
 * @result: an outcome, naming its item
 *
 * Adds @result, or, when its item has an outcome already, puts it in
 * that one's place (#GListModel::items-changed at that position). The
 * counts that changed are notified after the list.
 */
void
pv_run_results_set (PvRunResults      *self,
                    PvOperationResult *result)
{
  g_autofree guint *before = NULL;
  guint n_proposed_before;
  const char *item;
  guint position;

  g_return_if_fail (PV_IS_RUN_RESULTS (self));
  g_return_if_fail (PV_IS_OPERATION_RESULT (result));
  item = pv_operation_result_get_item (result);
  g_return_if_fail (item != NULL);

  before = g_memdup2 (self->counts, sizeof (guint) * n_statuses);
  n_proposed_before = self->n_proposed;
  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, item));
  if (position > 0)
    {
      gpointer *slot = &g_ptr_array_index (self->results, position - 1);

      if (*slot == result)
        return;
      count (self, *slot, -1);
      g_object_unref (*slot);
      *slot = g_object_ref (result);
      count (self, result, +1);
      g_list_model_items_changed (G_LIST_MODEL (self), position - 1, 1, 1);
    }
  else
    {
      g_ptr_array_add (self->results, g_object_ref (result));
      g_hash_table_insert (self->positions, g_strdup (item), GUINT_TO_POINTER (self->results->len));
      count (self, result, +1);
      g_list_model_items_changed (G_LIST_MODEL (self), self->results->len - 1, 0, 1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }

  for (guint i = 0; i < n_statuses; i++)
    if (self->counts[i] != before[i])
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_COUNT + i]);
  if (self->n_proposed != n_proposed_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROPOSED]);
}

/**
 * pv_run_results_lookup:
 *
 * Returns: (transfer none) (nullable): the outcome of @item, if it has one
 */
PvOperationResult *
pv_run_results_lookup (PvRunResults *self,
                       const char   *item)
{
  guint position;

  g_return_val_if_fail (PV_IS_RUN_RESULTS (self), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, item));
  return position > 0 ? g_ptr_array_index (self->results, position - 1) : NULL;
}

/**
 * pv_run_results_get_count:
 *
 * Returns: how many items ended with @status
 */
guint
pv_run_results_get_count (PvRunResults   *self,
                          PvResultStatus  status)
{
  guint index;

  g_return_val_if_fail (PV_IS_RUN_RESULTS (self), 0);

  index = status_index (status);
  return index < n_statuses ? self->counts[index] : 0;
}

/**
 * pv_run_results_get_n_proposed:
 *
 * Returns: how many items were skipped with the value a change would have
 *   set: what a dry run proposes
 */
guint
pv_run_results_get_n_proposed (PvRunResults *self)
{
  g_return_val_if_fail (PV_IS_RUN_RESULTS (self), 0);

  return self->n_proposed;
}

/**
 * pv_run_results_dup_items:
 *
 * Returns: (transfer full): the items that ended with @status, in the
 *   order of the list
 */
char **
pv_run_results_dup_items (PvRunResults   *self,
                          PvResultStatus  status)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PV_IS_RUN_RESULTS (self), NULL);

  for (guint i = 0; i < self->results->len; i++)
    {
      PvOperationResult *result = g_ptr_array_index (self->results, i);

      if (pv_operation_result_get_status (result) == status)
        g_strv_builder_add (builder, pv_operation_result_get_item (result));
    }
  return g_strv_builder_end (builder);
}

/**
 * pv_run_results_get_name:
 *
 * Returns: (transfer none): the display name of @item, or @item when the
 *   run did not say it
 */
const char *
pv_run_results_get_name (PvRunResults *self,
                         const char   *item)
{
  const char *name;

  g_return_val_if_fail (PV_IS_RUN_RESULTS (self), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  name = g_hash_table_lookup (self->names, item);
  return name != NULL ? name : item;
}

void
pv_run_results_set_name (PvRunResults *self,
                         const char   *item,
                         const char   *name)
{
  g_return_if_fail (PV_IS_RUN_RESULTS (self));
  g_return_if_fail (item != NULL);

  if (name == NULL || g_strcmp0 (name, item) == 0)
    g_hash_table_remove (self->names, item);
  else
    g_hash_table_insert (self->names, g_strdup (item), g_strdup (name));
}

/**
 * pv_run_results_get_info:
 *
 * Returns: (transfer none) (nullable): the facts of the run these are the
 *   results of, as the exports say them
 */
PvRunInfo *
pv_run_results_get_info (PvRunResults *self)
{
  g_return_val_if_fail (PV_IS_RUN_RESULTS (self), NULL);

  return self->info;
}

void
pv_run_results_set_info (PvRunResults *self,
                         PvRunInfo    *info)
{
  g_return_if_fail (PV_IS_RUN_RESULTS (self));
  g_return_if_fail (!info || PV_IS_RUN_INFO (info));

  g_set_object (&self->info, info);
}

/**
 * pv_run_results_new_for_state:
 *
 * Returns: (transfer full): what the journal read back in @state says of
 *   each person's outcome, in the order they first finished, with the
 *   run's facts; without names, which journals do not hold
 */
PvRunResults *
pv_run_results_new_for_state (PvRunState *state)
{
  PvRunResults *self;
  g_autoptr(GPtrArray) finals = NULL;

  g_return_val_if_fail (PV_IS_RUN_STATE (state), NULL);

  self = pv_run_results_new ();
  finals = pv_run_state_dup_final_results (state);
  for (guint i = 0; i < finals->len; i++)
    pv_run_results_set (self, g_ptr_array_index (finals, i));
  pv_run_results_set_info (self, pv_run_state_get_info (state));
  return self;
}

/* --- Kept with the run. --- */

/**
 * pv_run_results_to_json:
 *
 * Returns: (transfer full): the results, names and facts, as kept in the
 *   run's folder
 */
JsonNode *
pv_run_results_to_json (PvRunResults *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (PV_IS_RUN_RESULTS (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RESULTS_VERSION);
  if (self->info != NULL)
    {
      json_builder_set_member_name (builder, "info");
      json_builder_add_value (builder, pv_run_info_to_json (self->info));
    }
  json_builder_set_member_name (builder, "names");
  json_builder_begin_object (builder);
  g_hash_table_iter_init (&iter, self->names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      json_builder_set_member_name (builder, key);
      json_builder_add_string_value (builder, value);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->results->len; i++)
    json_builder_add_value (builder, pv_operation_result_to_json (g_ptr_array_index (self->results, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * pv_run_results_new_from_json:
 *
 * Returns: (transfer full) (nullable): the results pv_run_results_to_json()
 *   wrote, or %NULL with @error
 */
PvRunResults *
pv_run_results_new_from_json (JsonNode  *node,
                              GError   **error)
{
  g_autoptr(PvRunResults) self = pv_run_results_new ();
  JsonObject *object;
  JsonNode *member;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, PV_JSON_ERROR, PV_JSON_ERROR_NOT_OBJECT,
                           _("The run’s results are damaged."));
      return NULL;
    }
  object = json_node_get_object (node);

  member = json_object_get_member (object, "info");
  if (member != NULL)
    self->info = pv_run_info_new_from_json (member, NULL);

  member = json_object_get_member (object, "names");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    {
      JsonObjectIter iter;
      const char *item;
      JsonNode *name;

      json_object_iter_init (&iter, json_node_get_object (member));
      while (json_object_iter_next (&iter, &item, &name))
        if (JSON_NODE_HOLDS_VALUE (name) && json_node_get_value_type (name) == G_TYPE_STRING)
          pv_run_results_set_name (self, item, json_node_get_string (name));
    }

  member = json_object_get_member (object, "results");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      g_set_error_literal (error, PV_JSON_ERROR, PV_JSON_ERROR_MISSING_MEMBER,
                           _("The run’s results are damaged."));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (member)); i++)
    {
      g_autofree char *path = pv_json_index_path ("results", i);
      g_autoptr(PvOperationResult) result =
        pv_operation_result_new_from_json (json_array_get_element (json_node_get_array (member), i), path, error);

      if (result == NULL)
        return NULL;
      if (pv_operation_result_get_item (result) != NULL)
        pv_run_results_set (self, result);
    }

  return g_steal_pointer (&self);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * pv_run_results_save_async:
 * @path: where (pv_run_store_dup_results_path())
 *
 * Writes the results whole or not at all, off the main loop.
 */
void
pv_run_results_save_async (PvRunResults        *self,
                           const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *text;

  g_return_if_fail (PV_IS_RUN_RESULTS (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_run_results_save_async);

  node = pv_run_results_to_json (self);
  text = json_to_string (node, FALSE);
  bytes = g_bytes_new_take (text, strlen (text));
  file = g_file_new_for_path (path);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_PRIVATE, cancellable,
                                       saved_cb, g_steal_pointer (&task));
}

gboolean
pv_run_results_save_finish (PvRunResults  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_run_results_save_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  char *dir;
  char *run_id;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->dir);
  g_free (data->run_id);
  g_free (data);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autofree char *path = pv_run_store_dup_results_path (data->dir, data->run_id);
  g_autofree char *journal = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(PvRunState) state = NULL;
  PvRunResults *results;
  GError *error = NULL;
  gsize length;

  if (g_file_get_contents (path, &contents, &length, NULL))
    {
      g_autoptr(JsonNode) node = pv_json_parse (contents, length, &error);

      results = node != NULL ? pv_run_results_new_from_json (node, &error) : NULL;
      if (results == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, results, g_object_unref);
      return;
    }

  /* A run that has not ended, or one kept before its results were: its
   * journal has each person's last outcome, in the order they finished,
   * but not their names. */
  journal = pv_run_store_dup_journal_path (data->dir, data->run_id);
  state = pv_run_state_load (journal, cancellable, &error);
  if (state == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  results = pv_run_results_new_for_state (state);
  g_task_return_pointer (task, results, g_object_unref);
}

/**
 * pv_run_results_load_async:
 * @dir: (nullable): the folder of the runs, or %NULL for the user's
 *
 * Reads the results of the run @run_id, off the main loop: those kept
 * when it ended or, when there are none, what its journal says.
 */
void
pv_run_results_load_async (const char          *dir,
                           const char          *run_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (pv_run_store_is_run_id (run_id));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_run_results_load_async);
  data = g_new0 (LoadData, 1);
  data->dir = g_strdup (dir);
  data->run_id = g_strdup (run_id);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * pv_run_results_load_finish:
 *
 * Returns: (transfer full) (nullable): the results
 */
PvRunResults *
pv_run_results_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_run_results_load_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
