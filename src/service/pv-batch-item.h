/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pv-service-response.h"

G_BEGIN_DECLS

#define PV_TYPE_BATCH_ITEM (pv_batch_item_get_type ())

G_DECLARE_FINAL_TYPE (PvBatchItem, pv_batch_item, PV, BATCH_ITEM, GObject)

PvBatchItem       *pv_batch_item_new            (const char   *id,
                                                 const char   *method,
                                                 const char   *url,
                                                 JsonNode     *body);
const char        *pv_batch_item_get_id         (PvBatchItem  *self);
const char        *pv_batch_item_get_method     (PvBatchItem  *self);
const char        *pv_batch_item_get_url        (PvBatchItem  *self);
JsonNode          *pv_batch_item_get_body       (PvBatchItem  *self);
const char        *pv_batch_item_get_depends_on (PvBatchItem  *self);
void               pv_batch_item_set_depends_on (PvBatchItem  *self,
                                                 const char   *id);

gboolean           pv_batch_item_is_done        (PvBatchItem  *self);
PvServiceResponse *pv_batch_item_get_response   (PvBatchItem  *self);
const GError      *pv_batch_item_get_error      (PvBatchItem  *self);
void               pv_batch_item_take_response  (PvBatchItem  *self,
                                                 PvServiceResponse *response);
void               pv_batch_item_take_error     (PvBatchItem  *self,
                                                 GError       *error);
void               pv_batch_item_reset          (PvBatchItem  *self);

G_END_DECLS
