/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-batch-item.h"

/* One request inside a Graph $batch, and, once the batch is answered,
 * its own outcome: a batch succeeds as a whole while each of its requests
 * may fail, be throttled, or fail because the one it depends on did. */

struct _PvBatchItem
{
  GObject            parent_instance;

  char              *id;
  char              *method;
  char              *url;
  JsonNode          *body;
  char              *depends_on;

  PvServiceResponse *response;
  GError            *error;
};

G_DEFINE_FINAL_TYPE (PvBatchItem, pv_batch_item, G_TYPE_OBJECT)

static void
pv_batch_item_finalize (GObject *object)
{
  PvBatchItem *self = PV_BATCH_ITEM (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->method, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->body, json_node_unref);
  g_clear_pointer (&self->depends_on, g_free);
  g_clear_object (&self->response);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (pv_batch_item_parent_class)->finalize (object);
}

static void
pv_batch_item_class_init (PvBatchItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pv_batch_item_finalize;
}

static void
pv_batch_item_init (PvBatchItem *self)
{
}

/**
 * pv_batch_item_new:
 * @id: unique within one batch call
 * @url: relative to the service version root, as $batch wants it
 *   (`/users/{id}`)
 * @body: (nullable): a reference is taken
 */
PvBatchItem *
pv_batch_item_new (const char *id,
                   const char *method,
                   const char *url,
                   JsonNode   *body)
{
  PvBatchItem *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (method != NULL && url != NULL, NULL);

  self = g_object_new (PV_TYPE_BATCH_ITEM, NULL);
  self->id = g_strdup (id);
  self->method = g_strdup (method);
  self->url = g_strdup (url);
  self->body = body != NULL ? json_node_ref (body) : NULL;

  return self;
}

const char *
pv_batch_item_get_id (PvBatchItem *self)
{
  g_return_val_if_fail (PV_IS_BATCH_ITEM (self), NULL);
  return self->id;
}

const char *
pv_batch_item_get_method (PvBatchItem *self)
{
  g_return_val_if_fail (PV_IS_BATCH_ITEM (self), NULL);
  return self->method;
}

const char *
pv_batch_item_get_url (PvBatchItem *self)
{
  g_return_val_if_fail (PV_IS_BATCH_ITEM (self), NULL);
  return self->url;
}

/**
 * pv_batch_item_get_body:
 *
 * Returns: (transfer none) (nullable): the request body
 */
JsonNode *
pv_batch_item_get_body (PvBatchItem *self)
{
  g_return_val_if_fail (PV_IS_BATCH_ITEM (self), NULL);
  return self->body;
}

const char *
pv_batch_item_get_depends_on (PvBatchItem *self)
{
  g_return_val_if_fail (PV_IS_BATCH_ITEM (self), NULL);
  return self->depends_on;
}

/**
 * pv_batch_item_set_depends_on:
 * @id: (nullable): the item that must succeed first; the service answers
 *   424 for this one if it does not
 */
void
pv_batch_item_set_depends_on (PvBatchItem *self,
                              const char  *id)
{
  g_return_if_fail (PV_IS_BATCH_ITEM (self));

  g_free (self->depends_on);
  self->depends_on = g_strdup (id);
}

gboolean
pv_batch_item_is_done (PvBatchItem *self)
{
  g_return_val_if_fail (PV_IS_BATCH_ITEM (self), FALSE);
  return self->response != NULL || self->error != NULL;
}

/**
 * pv_batch_item_get_response:
 *
 * Returns: (transfer none) (nullable): the answer, when it succeeded
 */
PvServiceResponse *
pv_batch_item_get_response (PvBatchItem *self)
{
  g_return_val_if_fail (PV_IS_BATCH_ITEM (self), NULL);
  return self->response;
}

/**
 * pv_batch_item_get_error:
 *
 * Returns: (transfer none) (nullable): why it failed, a #PV_SERVICE_ERROR
 */
const GError *
pv_batch_item_get_error (PvBatchItem *self)
{
  g_return_val_if_fail (PV_IS_BATCH_ITEM (self), NULL);
  return self->error;
}

void
pv_batch_item_take_response (PvBatchItem       *self,
                             PvServiceResponse *response)
{
  g_return_if_fail (PV_IS_BATCH_ITEM (self));

  g_clear_error (&self->error);
  g_clear_object (&self->response);
  self->response = response;
}

void
pv_batch_item_take_error (PvBatchItem *self,
                          GError      *error)
{
  g_return_if_fail (PV_IS_BATCH_ITEM (self));

  g_clear_object (&self->response);
  g_clear_error (&self->error);
  self->error = error;
}

/* Forgets an outcome, for an item that is sent again. */
void
pv_batch_item_reset (PvBatchItem *self)
{
  g_return_if_fail (PV_IS_BATCH_ITEM (self));

  g_clear_object (&self->response);
  g_clear_error (&self->error);
}
