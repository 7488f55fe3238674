/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-json.h"
#include "pv-operation-result.h"

struct _PvOperationResult
{
  GObject parent_instance;

  char *item;
  PvResultStatus status;
  char *message;
  char *before;
  char *after;
  GPtrArray *steps;   /* (nullable) PvOperationResult, step 1 first */
  guint n_planned_steps;
};

G_DEFINE_FINAL_TYPE (PvOperationResult, pv_operation_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_STATUS,
  PROP_MESSAGE,
  PROP_BEFORE,
  PROP_AFTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const PvJsonField json_fields[] = {
  { "item", "item", PV_JSON_FIELD_REQUIRED, NULL, NULL },
  { "status", "status", PV_JSON_FIELD_REQUIRED, NULL, NULL },
  { "message", "message", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "before", "before", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "after", "after", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
};

static void
pv_operation_result_finalize (GObject *object)
{
  PvOperationResult *self = (PvOperationResult *) object;

  g_clear_pointer (&self->item, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->before, g_free);
  g_clear_pointer (&self->after, g_free);
  g_clear_pointer (&self->steps, g_ptr_array_unref);

  G_OBJECT_CLASS (pv_operation_result_parent_class)->finalize (object);
}

static void
pv_operation_result_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PvOperationResult *self = PV_OPERATION_RESULT (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_string (value, self->item);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_BEFORE:
      g_value_set_string (value, self->before);
      break;

    case PROP_AFTER:
      g_value_set_string (value, self->after);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_operation_result_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PvOperationResult *self = PV_OPERATION_RESULT (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      pv_operation_result_set_item (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      pv_operation_result_set_status (self, g_value_get_enum (value));
      break;

    case PROP_MESSAGE:
      pv_operation_result_set_message (self, g_value_get_string (value));
      break;

    case PROP_BEFORE:
      pv_operation_result_set_before (self, g_value_get_string (value));
      break;

    case PROP_AFTER:
      pv_operation_result_set_after (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_operation_result_class_init (PvOperationResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_operation_result_finalize;
  object_class->get_property = pv_operation_result_get_property;
  object_class->set_property = pv_operation_result_set_property;

  /* What the result is about, such as a user id. */
  properties[PROP_ITEM] =
    g_param_spec_string ("item", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Done, already done, skipped or failed. */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       PV_TYPE_RESULT_STATUS, PV_RESULT_STATUS_DONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* A translated sentence for the user. */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The value before the run. */
  properties[PROP_BEFORE] =
    g_param_spec_string ("before", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The value after the run. */
  properties[PROP_AFTER] =
    g_param_spec_string ("after", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pv_operation_result_init (PvOperationResult *self)
{
  self->status = PV_RESULT_STATUS_DONE;
}

PvOperationResult *
pv_operation_result_new (void)
{
  return g_object_new (PV_TYPE_OPERATION_RESULT, NULL);
}

/**
 * pv_operation_result_new_from_json:
 * @node: a JSON object
 * @path: (nullable): where @node sits in its document, for error messages
 * @error: return location for a #PV_JSON_ERROR
 *
 * Returns: (transfer full) (nullable): the object, or %NULL when a member
 *   is missing, has the wrong type or an unknown value
 */
PvOperationResult *
pv_operation_result_new_from_json (JsonNode    *node,
                                   const char  *path,
                                   GError     **error)
{
  g_autoptr(PvOperationResult) self = pv_operation_result_new ();

  if (!pv_json_read_fields (G_OBJECT (self), node, path,
                            json_fields, G_N_ELEMENTS (json_fields), error))
    return NULL;

  return g_steal_pointer (&self);
}

JsonNode *
pv_operation_result_to_json (PvOperationResult *self)
{
  g_return_val_if_fail (PV_IS_OPERATION_RESULT (self), NULL);

  return pv_json_write_fields (G_OBJECT (self), json_fields, G_N_ELEMENTS (json_fields));
}

const char *
pv_operation_result_get_item (PvOperationResult *self)
{
  g_return_val_if_fail (PV_IS_OPERATION_RESULT (self), NULL);

  return self->item;
}

void
pv_operation_result_set_item (PvOperationResult *self,
                              const char        *item)
{
  g_return_if_fail (PV_IS_OPERATION_RESULT (self));

  if (g_strcmp0 (self->item, item) == 0)
    return;

  g_free (self->item);
  self->item = g_strdup (item);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

PvResultStatus
pv_operation_result_get_status (PvOperationResult *self)
{
  g_return_val_if_fail (PV_IS_OPERATION_RESULT (self), 0);

  return self->status;
}

void
pv_operation_result_set_status (PvOperationResult *self,
                                PvResultStatus     status)
{
  g_return_if_fail (PV_IS_OPERATION_RESULT (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
pv_operation_result_get_message (PvOperationResult *self)
{
  g_return_val_if_fail (PV_IS_OPERATION_RESULT (self), NULL);

  return self->message;
}

void
pv_operation_result_set_message (PvOperationResult *self,
                                 const char        *message)
{
  g_return_if_fail (PV_IS_OPERATION_RESULT (self));

  if (g_strcmp0 (self->message, message) == 0)
    return;

  g_free (self->message);
  self->message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

const char *
pv_operation_result_get_before (PvOperationResult *self)
{
  g_return_val_if_fail (PV_IS_OPERATION_RESULT (self), NULL);

  return self->before;
}

void
pv_operation_result_set_before (PvOperationResult *self,
                                const char        *before)
{
  g_return_if_fail (PV_IS_OPERATION_RESULT (self));

  if (g_strcmp0 (self->before, before) == 0)
    return;

  g_free (self->before);
  self->before = g_strdup (before);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BEFORE]);
}

const char *
pv_operation_result_get_after (PvOperationResult *self)
{
  g_return_val_if_fail (PV_IS_OPERATION_RESULT (self), NULL);

  return self->after;
}

void
pv_operation_result_set_after (PvOperationResult *self,
                               const char        *after)
{
  g_return_if_fail (PV_IS_OPERATION_RESULT (self));

  if (g_strcmp0 (self->after, after) == 0)
    return;

  g_free (self->after);
  self->after = g_strdup (after);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AFTER]);
}

/**
 * pv_operation_result_add_step:
 * @step: the outcome of the item's next step: its name (a stable,
 *   untranslated word such as `assignNumber`) as item, its status and
 *   message
 *
 * Items made of several steps, such as a person in a guided move, keep
 * each step's outcome beside their overall one, in the order the steps
 * ran, so that the exports can say where each item stopped.
 */
void
pv_operation_result_add_step (PvOperationResult *self,
                              PvOperationResult *step)
{
  g_return_if_fail (PV_IS_OPERATION_RESULT (self));
  g_return_if_fail (PV_IS_OPERATION_RESULT (step));

  if (self->steps == NULL)
    self->steps = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->steps, g_object_ref (step));
}

guint
pv_operation_result_get_n_steps (PvOperationResult *self)
{
  g_return_val_if_fail (PV_IS_OPERATION_RESULT (self), 0);

  return self->steps != NULL ? self->steps->len : 0;
}

/**
 * pv_operation_result_get_step:
 *
 * Returns: (transfer none): the outcome of step @index + 1
 */
PvOperationResult *
pv_operation_result_get_step (PvOperationResult *self,
                              guint              index)
{
  g_return_val_if_fail (PV_IS_OPERATION_RESULT (self), NULL);
  g_return_val_if_fail (index < pv_operation_result_get_n_steps (self), NULL);

  return g_ptr_array_index (self->steps, index);
}

/* How many steps the item has in all, run or not; 0 for an item of a
 * single step. */
guint
pv_operation_result_get_n_planned_steps (PvOperationResult *self)
{
  g_return_val_if_fail (PV_IS_OPERATION_RESULT (self), 0);

  return self->n_planned_steps;
}

void
pv_operation_result_set_n_planned_steps (PvOperationResult *self,
                                         guint              n_steps)
{
  g_return_if_fail (PV_IS_OPERATION_RESULT (self));

  self->n_planned_steps = n_steps;
}

/**
 * pv_operation_results_select:
 * @results: a model of #PvOperationResult, such as one read back from a
 *   results file
 * @status: the status to keep, such as %PV_RESULT_STATUS_FAILED to rerun
 *   the failed items
 *
 * Returns: (transfer full): a new model with the results of @results
 *   whose status is @status, in the same order
 */
GListModel *
pv_operation_results_select (GListModel     *results,
                             PvResultStatus  status)
{
  GListStore *store;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (results), NULL);

  store = g_list_store_new (PV_TYPE_OPERATION_RESULT);
  n = g_list_model_get_n_items (results);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PvOperationResult) result = g_list_model_get_item (results, i);

      if (result->status == status)
        g_list_store_append (store, result);
    }
  return G_LIST_MODEL (store);
}
