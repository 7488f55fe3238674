/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "pv-run-journal.h"

/* The journal of a run: one JSON object a line, appended as the run goes
 * (run → started/finished per step → end). Lines are written by a thread
 * of the journal's own, so the main loop never waits for the disk, and
 * synced in groups: a sync per line would cap a run at the disk's sync
 * rate. A crash may lose the last group; that is safe, because resuming
 * checks every unfinished item against the service before sending
 * anything, so the journal only has to be right about what it says, not
 * complete. */

#define SYNC_EVERY_LINES 256
#define SYNC_EVERY_US (200 * G_TIME_SPAN_MILLISECOND)

G_DEFINE_QUARK (pv-run-journal-error-quark, pv_run_journal_error)

struct _PvRunJournal
{
  GObject      parent_instance;

  char        *path;
  gboolean     append;
  GAsyncQueue *queue;     /* char * lines; the empty string closes */
  GThread     *writer;

  GMutex       lock;
  GError      *write_error;
};

G_DEFINE_FINAL_TYPE (PvRunJournal, pv_run_journal, G_TYPE_OBJECT)

static void
set_write_error (PvRunJournal *self,
                 int           saved_errno)
{
  g_mutex_lock (&self->lock);
  if (self->write_error == NULL)
    /* Translators: the first %s is a file, the second why it failed. */
    self->write_error = g_error_new (PV_RUN_JOURNAL_ERROR, PV_RUN_JOURNAL_ERROR_WRITE,
                                     _("Could not record the run’s progress in “%s”: %s. The changes themselves are not affected; free some disk space so the run can be resumed if it stops."),
                                     self->path, g_strerror (saved_errno));
  g_mutex_unlock (&self->lock);
}

static gboolean
sync_file (FILE *file)
{
  return fflush (file) == 0 && fdatasync (fileno (file)) == 0;
}

static gpointer
writer_thread (gpointer data)
{
  PvRunJournal *self = data;
  g_autofree char *dir = g_path_get_dirname (self->path);
  FILE *file = NULL;
  guint unsynced = 0;
  gint64 last_sync = g_get_monotonic_time ();

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      (file = g_fopen (self->path, self->append ? "a+e" : "we")) == NULL)
    set_write_error (self, errno);

  /* A killed run may have left its last line cut short; continuing on
   * that line would damage the next one too. */
  if (file != NULL && self->append &&
      fseek (file, -1, SEEK_END) == 0 && fgetc (file) != '\n' &&
      fputc ('\n', file) == EOF)
    set_write_error (self, errno);

  for (;;)
    {
      char *line = g_async_queue_timeout_pop (self->queue, SYNC_EVERY_US);
      gboolean closing = line != NULL && *line == '\0';

      if (line != NULL && !closing && file != NULL)
        {
          if (fputs (line, file) == EOF || fputc ('\n', file) == EOF)
            set_write_error (self, errno);
          unsynced++;
        }
      g_free (line);

      if (file != NULL && unsynced > 0 &&
          (closing || unsynced >= SYNC_EVERY_LINES ||
           g_get_monotonic_time () - last_sync >= SYNC_EVERY_US))
        {
          if (!sync_file (file))
            set_write_error (self, errno);
          unsynced = 0;
          last_sync = g_get_monotonic_time ();
        }

      if (closing)
        break;
    }

  if (file != NULL && fclose (file) != 0)
    set_write_error (self, errno);

  return NULL;
}

static void
pv_run_journal_finalize (GObject *object)
{
  PvRunJournal *self = PV_RUN_JOURNAL (object);

  /* Closing is the caller's job; if it was skipped, do it here rather than
   * leave a thread behind. */
  if (self->writer != NULL)
    {
      g_async_queue_push (self->queue, g_strdup (""));
      g_thread_join (self->writer);
    }

  g_clear_pointer (&self->queue, g_async_queue_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_error (&self->write_error);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (pv_run_journal_parent_class)->finalize (object);
}

static void
pv_run_journal_class_init (PvRunJournalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pv_run_journal_finalize;
}

static void
pv_run_journal_init (PvRunJournal *self)
{
  g_mutex_init (&self->lock);
  self->queue = g_async_queue_new_full (g_free);
}

/**
 * pv_run_journal_new:
 * @path: the journal file; its folder is made if needed
 * @append: %TRUE to continue the journal of a resumed run
 *
 * Starts the journal's writer. Nothing here touches the disk on the
 * caller's thread; write errors are reported by pv_run_journal_close_async().
 */
PvRunJournal *
pv_run_journal_new (const char *path,
                    gboolean    append)
{
  PvRunJournal *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (PV_TYPE_RUN_JOURNAL, NULL);
  self->path = g_strdup (path);
  self->append = append;
  self->writer = g_thread_new ("pv-run-journal", writer_thread, self);

  return self;
}

const char *
pv_run_journal_get_path (PvRunJournal *self)
{
  g_return_val_if_fail (PV_IS_RUN_JOURNAL (self), NULL);

  return self->path;
}

static void
push_event (PvRunJournal *self,
            JsonBuilder  *builder)
{
  g_autoptr(JsonNode) node = NULL;

  json_builder_set_member_name (builder, "time");
  json_builder_add_int_value (builder, g_get_real_time () / G_USEC_PER_SEC);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  g_return_if_fail (self->writer != NULL);
  g_async_queue_push (self->queue, json_to_string (node, FALSE));
}

static JsonBuilder *
begin_event (const char *event)
{
  JsonBuilder *builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "event");
  json_builder_add_string_value (builder, event);
  return builder;
}

/**
 * pv_run_journal_begin:
 * @plan: (nullable): what the flow needs to run the same items again (its
 *   settings and each item's target), recorded once, by the run that
 *   starts the journal; readers that do not know it ignore it
 * @info: (nullable): the run's facts (settings, service, who, when), for
 *   the history; recorded like @plan
 */
void
pv_run_journal_begin (PvRunJournal *self,
                      const char   *run_id,
                      const char   *flow,
                      guint         n_items,
                      JsonNode     *plan,
                      PvRunInfo    *info)
{
  g_autoptr(JsonBuilder) builder = begin_event ("run");

  g_return_if_fail (PV_IS_RUN_JOURNAL (self));
  g_return_if_fail (plan == NULL || JSON_NODE_HOLDS_OBJECT (plan));

  json_builder_set_member_name (builder, "run");
  json_builder_add_string_value (builder, run_id);
  json_builder_set_member_name (builder, "flow");
  json_builder_add_string_value (builder, flow);
  json_builder_set_member_name (builder, "items");
  json_builder_add_int_value (builder, n_items);
  if (plan != NULL)
    {
      json_builder_set_member_name (builder, "plan");
      json_builder_add_value (builder, json_node_copy (plan));
    }
  if (info != NULL)
    {
      json_builder_set_member_name (builder, "info");
      json_builder_add_value (builder, pv_run_info_to_json (info));
    }
  push_event (self, builder);
}

void
pv_run_journal_step_started (PvRunJournal *self,
                             const char   *item,
                             guint         step)
{
  g_autoptr(JsonBuilder) builder = begin_event ("started");

  g_return_if_fail (PV_IS_RUN_JOURNAL (self));

  json_builder_set_member_name (builder, "item");
  json_builder_add_string_value (builder, item);
  json_builder_set_member_name (builder, "step");
  json_builder_add_int_value (builder, step);
  push_event (self, builder);
}

/**
 * pv_run_journal_step_finished:
 * @result: the outcome of the step, for the item it names
 * @final: whether the item is finished (its last step, or a failed or
 *   skipped one)
 */
void
pv_run_journal_step_finished (PvRunJournal      *self,
                              guint              step,
                              PvOperationResult *result,
                              gboolean           final)
{
  g_autoptr(JsonBuilder) builder = begin_event ("finished");

  g_return_if_fail (PV_IS_RUN_JOURNAL (self));
  g_return_if_fail (PV_IS_OPERATION_RESULT (result));

  json_builder_set_member_name (builder, "step");
  json_builder_add_int_value (builder, step);
  json_builder_set_member_name (builder, "final");
  json_builder_add_boolean_value (builder, final);
  json_builder_set_member_name (builder, "result");
  json_builder_add_value (builder, pv_operation_result_to_json (result));
  push_event (self, builder);
}

/**
 * pv_run_journal_end:
 * @cancelled: whether the run was stopped before its end
 * @waiting: (nullable): when the run is over for now but its flow still
 *   waits for something (an operator's upload), what, in words
 */
void
pv_run_journal_end (PvRunJournal *self,
                    gboolean      cancelled,
                    const char   *waiting)
{
  g_autoptr(JsonBuilder) builder = begin_event ("end");

  g_return_if_fail (PV_IS_RUN_JOURNAL (self));

  json_builder_set_member_name (builder, "cancelled");
  json_builder_add_boolean_value (builder, cancelled);
  if (waiting != NULL)
    {
      json_builder_set_member_name (builder, "waiting");
      json_builder_add_string_value (builder, waiting);
    }
  push_event (self, builder);
}

static void
close_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  PvRunJournal *self = source_object;
  GError *error = NULL;

  if (self->writer != NULL)
    {
      g_async_queue_push (self->queue, g_strdup (""));
      g_thread_join (self->writer);
      self->writer = NULL;
    }

  g_mutex_lock (&self->lock);
  if (self->write_error != NULL)
    error = g_error_copy (self->write_error);
  g_mutex_unlock (&self->lock);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * pv_run_journal_close_async:
 *
 * Writes and syncs what is queued, and closes the file. The result is
 * the first write error, if any happened.
 */
void
pv_run_journal_close_async (PvRunJournal        *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PV_IS_RUN_JOURNAL (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_run_journal_close_async);
  /* Closing must finish even when the run was cancelled. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, close_in_thread);
}

gboolean
pv_run_journal_close_finish (PvRunJournal  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (PV_IS_RUN_JOURNAL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- Reading a journal back. --- */

typedef struct
{
  guint              next_step;
  gint               in_flight_step;
  PvOperationResult *final_result;
} ItemState;

static void
item_state_free (ItemState *state)
{
  g_clear_object (&state->final_result);
  g_free (state);
}

struct _PvRunState
{
  GObject     parent_instance;

  char       *run_id;
  char       *flow;
  gboolean    ended;
  gboolean    cancelled;
  gint64      started;
  gint64      ended_time;
  char       *waiting;
  guint       n_items;
  guint       n_finished;
  JsonNode   *plan;
  PvRunInfo  *info;
  GHashTable *items;  /* item id → ItemState */
  GPtrArray  *order;  /* item ids, in the order they first finished */
};

G_DEFINE_FINAL_TYPE (PvRunState, pv_run_state, G_TYPE_OBJECT)

static void
pv_run_state_finalize (GObject *object)
{
  PvRunState *self = PV_RUN_STATE (object);

  g_clear_pointer (&self->run_id, g_free);
  g_clear_pointer (&self->flow, g_free);
  g_clear_pointer (&self->plan, json_node_unref);
  g_clear_pointer (&self->waiting, g_free);
  g_clear_object (&self->info);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);

  G_OBJECT_CLASS (pv_run_state_parent_class)->finalize (object);
}

static void
pv_run_state_class_init (PvRunStateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pv_run_state_finalize;
}

static void
pv_run_state_init (PvRunState *self)
{
  self->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) item_state_free);
  self->order = g_ptr_array_new_with_free_func (g_free);
}

static ItemState *
lookup_item (PvRunState *self,
             const char *item,
             gboolean    create)
{
  ItemState *state = g_hash_table_lookup (self->items, item);

  if (state == NULL && create)
    {
      state = g_new0 (ItemState, 1);
      state->in_flight_step = -1;
      g_hash_table_insert (self->items, g_strdup (item), state);
    }

  return state;
}

const char *
pv_run_state_get_run_id (PvRunState *self)
{
  g_return_val_if_fail (PV_IS_RUN_STATE (self), NULL);
  return self->run_id;
}

const char *
pv_run_state_get_flow (PvRunState *self)
{
  g_return_val_if_fail (PV_IS_RUN_STATE (self), NULL);
  return self->flow;
}

/* Whether the run reached its end (finished or cancelled) rather than
 * being killed. */
gboolean
pv_run_state_get_ended (PvRunState *self)
{
  g_return_val_if_fail (PV_IS_RUN_STATE (self), FALSE);
  return self->ended;
}

/* Whether the run's last end was a cancellation. */
gboolean
pv_run_state_get_cancelled (PvRunState *self)
{
  g_return_val_if_fail (PV_IS_RUN_STATE (self), FALSE);
  return self->ended && self->cancelled;
}

/**
 * pv_run_state_get_started:
 *
 * Returns: when the run first started, in seconds since the epoch, or 0
 *   when the journal does not say
 */
gint64
pv_run_state_get_started (PvRunState *self)
{
  g_return_val_if_fail (PV_IS_RUN_STATE (self), 0);
  return self->started;
}

/**
 * pv_run_state_get_ended_time:
 *
 * Returns: when the run last ended (finished or stopped), in seconds
 *   since the epoch, or 0 when it did not record an end since it last
 *   started
 */
gint64
pv_run_state_get_ended_time (PvRunState *self)
{
  g_return_val_if_fail (PV_IS_RUN_STATE (self), 0);
  return self->ended ? self->ended_time : 0;
}

PvRunStatus
pv_run_state_get_status (PvRunState *self)
{
  g_return_val_if_fail (PV_IS_RUN_STATE (self), PV_RUN_STATUS_INTERRUPTED);

  if (!self->ended)
    return PV_RUN_STATUS_INTERRUPTED;
  if (self->cancelled)
    return PV_RUN_STATUS_STOPPED;
  if (self->waiting != NULL)
    return PV_RUN_STATUS_WAITING;
  return PV_RUN_STATUS_FINISHED;
}

/**
 * pv_run_state_get_waiting:
 *
 * Returns: (nullable): what the run waits for, as its flow said it when
 *   it last ended, or %NULL
 */
const char *
pv_run_state_get_waiting (PvRunState *self)
{
  g_return_val_if_fail (PV_IS_RUN_STATE (self), NULL);
  return self->ended && !self->cancelled ? self->waiting : NULL;
}

/**
 * pv_run_state_get_info:
 *
 * Returns: (transfer none) (nullable): the run's facts as recorded when
 *   it started, with when it last ended; for a journal written before
 *   they were recorded, its flow and times; %NULL for a flow this version
 *   does not know
 */
PvRunInfo *
pv_run_state_get_info (PvRunState *self)
{
  g_return_val_if_fail (PV_IS_RUN_STATE (self), NULL);
  return self->info;
}

/**
 * pv_run_state_dup_final_results:
 *
 * Returns: (transfer container) (element-type PvOperationResult): the
 *   outcome of each finished item, in the order they first finished
 */
GPtrArray *
pv_run_state_dup_final_results (PvRunState *self)
{
  GPtrArray *results;

  g_return_val_if_fail (PV_IS_RUN_STATE (self), NULL);

  results = g_ptr_array_new_full (self->order->len, g_object_unref);
  for (guint i = 0; i < self->order->len; i++)
    {
      ItemState *state = lookup_item (self, g_ptr_array_index (self->order, i), FALSE);

      g_ptr_array_add (results, g_object_ref (state->final_result));
    }
  return results;
}

/* How many items the run had when it started. */
guint
pv_run_state_get_n_items (PvRunState *self)
{
  g_return_val_if_fail (PV_IS_RUN_STATE (self), 0);
  return self->n_items;
}

/* How many items the journal records as finished. */
guint
pv_run_state_get_n_finished (PvRunState *self)
{
  g_return_val_if_fail (PV_IS_RUN_STATE (self), 0);
  return self->n_finished;
}

/**
 * pv_run_state_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan the run recorded when it
 *   started (a JSON object whose members belong to the flow), or %NULL for
 *   a journal written before plans were recorded
 */
JsonNode *
pv_run_state_get_plan (PvRunState *self)
{
  g_return_val_if_fail (PV_IS_RUN_STATE (self), NULL);
  return self->plan;
}

/**
 * pv_run_state_get_next_step:
 *
 * Returns: the first step of @item not known to have succeeded
 */
guint
pv_run_state_get_next_step (PvRunState *self,
                            const char *item)
{
  ItemState *state;

  g_return_val_if_fail (PV_IS_RUN_STATE (self), 0);

  state = lookup_item (self, item, FALSE);
  return state != NULL ? state->next_step : 0;
}

/**
 * pv_run_state_get_in_flight:
 *
 * Returns: whether a step of @item was started and its outcome never
 *   recorded: it may or may not have taken effect, and must be checked
 *   against the service before anything is sent again
 */
gboolean
pv_run_state_get_in_flight (PvRunState *self,
                            const char *item)
{
  ItemState *state;

  g_return_val_if_fail (PV_IS_RUN_STATE (self), FALSE);

  state = lookup_item (self, item, FALSE);
  return state != NULL && state->in_flight_step >= 0 && (guint) state->in_flight_step >= state->next_step;
}

/**
 * pv_run_state_get_final_result:
 *
 * Returns: (transfer none) (nullable): the outcome of @item when it is
 *   finished; such items are never touched again
 */
PvOperationResult *
pv_run_state_get_final_result (PvRunState *self,
                               const char *item)
{
  ItemState *state;

  g_return_val_if_fail (PV_IS_RUN_STATE (self), NULL);

  state = lookup_item (self, item, FALSE);
  return state != NULL ? state->final_result : NULL;
}

static gboolean
read_int_member (JsonObject *object,
                 const char *name,
                 gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

static const char *
read_string_member (JsonObject *object,
                    const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Applies one line. A line that cannot be read is an error, except the
 * very last, which a crash may have cut short. */
static gboolean
apply_line (PvRunState  *self,
            const char  *line,
            gboolean    *unreadable,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *object;
  const char *event;
  gint64 step;

  *unreadable = FALSE;
  if (!json_parser_load_from_data (parser, line, -1, NULL))
    {
      *unreadable = TRUE;
      goto corrupt;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto corrupt;

  object = json_node_get_object (json_parser_get_root (parser));
  event = read_string_member (object, "event");

  if (g_strcmp0 (event, "run") == 0)
    {
      const char *run_id = read_string_member (object, "run");
      const char *flow = read_string_member (object, "flow");

      if (run_id == NULL || flow == NULL)
        goto corrupt;
      /* A resumed run appends to its journal: the same run again. */
      if (self->run_id != NULL && g_strcmp0 (self->run_id, run_id) != 0)
        goto corrupt;
      g_free (self->run_id);
      self->run_id = g_strdup (run_id);
      g_free (self->flow);
      self->flow = g_strdup (flow);
      self->ended = FALSE;

      /* The first run line says how the run began; the lines of resumed
       * runs only mark where they continued. */
      if (self->started == 0)
        {
          JsonNode *plan = json_object_get_member (object, "plan");
          JsonNode *info = json_object_get_member (object, "info");
          gint64 value;

          if (read_int_member (object, "time", &value) && value > 0)
            self->started = value;
          if (read_int_member (object, "items", &value) && value >= 0 && value <= G_MAXUINT)
            self->n_items = (guint) value;
          if (plan != NULL && !JSON_NODE_HOLDS_NULL (plan))
            {
              if (!JSON_NODE_HOLDS_OBJECT (plan))
                goto corrupt;
              self->plan = json_node_copy (plan);
            }
          /* Facts that cannot be read are left out: they are for the
           * history, and resuming does not need them. */
          if (info != NULL)
            self->info = pv_run_info_new_from_json (info, NULL);
        }
    }
  else if (g_strcmp0 (event, "started") == 0)
    {
      const char *item = read_string_member (object, "item");

      if (item == NULL || !read_int_member (object, "step", &step) || step < 0 || step > G_MAXINT)
        goto corrupt;
      lookup_item (self, item, TRUE)->in_flight_step = (gint) step;
    }
  else if (g_strcmp0 (event, "finished") == 0)
    {
      g_autoptr(PvOperationResult) result = NULL;
      JsonNode *node = json_object_get_member (object, "result");
      JsonNode *final_node = json_object_get_member (object, "final");
      ItemState *state;

      if (node == NULL || !read_int_member (object, "step", &step) || step < 0 || step > G_MAXINT ||
          final_node == NULL || !JSON_NODE_HOLDS_VALUE (final_node) ||
          json_node_get_value_type (final_node) != G_TYPE_BOOLEAN)
        goto corrupt;
      result = pv_operation_result_new_from_json (node, "result", NULL);
      if (result == NULL)
        goto corrupt;

      state = lookup_item (self, pv_operation_result_get_item (result), TRUE);
      if (pv_operation_result_get_status (result) == PV_RESULT_STATUS_DONE ||
          pv_operation_result_get_status (result) == PV_RESULT_STATUS_ALREADY_DONE)
        state->next_step = MAX (state->next_step, (guint) step + 1);
      if (json_node_get_boolean (final_node))
        {
          if (state->final_result == NULL)
            {
              self->n_finished++;
              g_ptr_array_add (self->order, g_strdup (pv_operation_result_get_item (result)));
            }
          g_set_object (&state->final_result, result);
        }
    }
  else if (g_strcmp0 (event, "end") == 0)
    {
      JsonNode *cancelled = json_object_get_member (object, "cancelled");
      gint64 time = 0;

      self->ended = TRUE;
      if (read_int_member (object, "time", &time))
        self->ended_time = time;
      g_free (self->waiting);
      self->waiting = g_strdup (read_string_member (object, "waiting"));
      self->cancelled = cancelled != NULL && JSON_NODE_HOLDS_VALUE (cancelled) &&
                        json_node_get_value_type (cancelled) == G_TYPE_BOOLEAN &&
                        json_node_get_boolean (cancelled);
    }
  else
    {
      goto corrupt;
    }

  return TRUE;

corrupt:
  g_set_error_literal (error, PV_RUN_JOURNAL_ERROR, PV_RUN_JOURNAL_ERROR_CORRUPT,
                       _("The run’s journal is damaged and cannot be used to resume it."));
  return FALSE;
}

/**
 * pv_run_state_load:
 *
 * Reads a journal. Blocks: call it from a thread, or use
 * pv_run_state_load_async().
 *
 * Returns: (transfer full) (nullable): the state of the run
 */
PvRunState *
pv_run_state_load (const char    *path,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(PvRunState) self = g_object_new (PV_TYPE_RUN_STATE, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length;
  guint n;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      /* Translators: the first %s is a file, the second why it failed. */
      g_set_error (error, PV_RUN_JOURNAL_ERROR, PV_RUN_JOURNAL_ERROR_READ,
                   _("Could not read the run’s journal “%s”: %s"), path, local_error->message);
      return NULL;
    }

  if (memchr (contents, '\0', length) != NULL || !g_utf8_validate_len (contents, length, NULL))
    {
      g_set_error_literal (error, PV_RUN_JOURNAL_ERROR, PV_RUN_JOURNAL_ERROR_CORRUPT,
                           _("The run’s journal is damaged and cannot be used to resume it."));
      return NULL;
    }

  lines = g_strsplit (contents, "\n", -1);
  n = g_strv_length (lines);

  for (guint i = 0; i < n; i++)
    {
      const char *next = NULL;
      gboolean unreadable;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (*lines[i] == '\0')
        continue;
      for (guint j = i + 1; j < n && next == NULL; j++)
        if (*lines[j] != '\0')
          next = lines[j];

      g_clear_error (&local_error);
      if (!apply_line (self, lines[i], &unreadable, &local_error))
        {
          /* A kill can cut a line short: the last one, or, once the run
           * was resumed, the one before the resumed run's first line
           * (this writer starts every event with its name). What the
           * line would have said is then unknown, which resuming treats
           * as in flight. Anywhere else, the journal is damaged. */
          if (unreadable && (next == NULL || g_str_has_prefix (next, "{\"event\":\"run\"")))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  if (self->run_id == NULL)
    {
      g_set_error_literal (error, PV_RUN_JOURNAL_ERROR, PV_RUN_JOURNAL_ERROR_CORRUPT,
                           _("The run’s journal is damaged and cannot be used to resume it."));
      return NULL;
    }

  /* A journal of an earlier version: what it says of the run is its flow
   * (its id is the flow's nick, written with dashes) and its times. */
  if (self->info == NULL)
    {
      g_autoptr(GString) nick = g_string_new (NULL);
      int flow;

      for (const char *p = self->flow; *p != '\0'; p++)
        {
          if (*p == '-' && p[1] != '\0')
            g_string_append_c (nick, g_ascii_toupper (*++p));
          else
            g_string_append_c (nick, *p);
        }
      if (pv_enum_from_nick (PV_TYPE_FLOW, nick->str, &flow))
        {
          self->info = pv_run_info_new ((PvFlow) flow);
          if (self->started > 0)
            {
              g_autoptr(GDateTime) started = g_date_time_new_from_unix_utc (self->started);

              pv_run_info_set_started (self->info, started);
            }
        }
    }

  if (self->info != NULL)
    {
      g_autoptr(GDateTime) ended = self->ended && self->ended_time > 0
                                   ? g_date_time_new_from_unix_utc (self->ended_time) : NULL;

      pv_run_info_set_ended (self->info, ended);
    }

  return g_steal_pointer (&self);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  PvRunState *state = pv_run_state_load (task_data, cancellable, &error);

  if (state == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, state, g_object_unref);
}

void
pv_run_state_load_async (const char          *path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_run_state_load_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * pv_run_state_load_finish:
 *
 * Returns: (transfer full) (nullable): the state of the run
 */
PvRunState *
pv_run_state_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_run_state_load_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
