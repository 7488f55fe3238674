/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-service-response.h"

/* A successful answer: its status (202 and 204 mean different things to
 * callers), its parsed body, and the Location of a long-running
 * operation when there is one. */

struct _PvServiceResponse
{
  GObject   parent_instance;

  guint     status;
  JsonNode *body;
  char     *location;
};

G_DEFINE_FINAL_TYPE (PvServiceResponse, pv_service_response, G_TYPE_OBJECT)

static void
pv_service_response_finalize (GObject *object)
{
  PvServiceResponse *self = PV_SERVICE_RESPONSE (object);

  g_clear_pointer (&self->body, json_node_unref);
  g_clear_pointer (&self->location, g_free);

  G_OBJECT_CLASS (pv_service_response_parent_class)->finalize (object);
}

static void
pv_service_response_class_init (PvServiceResponseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pv_service_response_finalize;
}

static void
pv_service_response_init (PvServiceResponse *self)
{
}

/**
 * pv_service_response_new:
 * @body: (nullable): the parsed body; a reference is taken
 * @location: (nullable): the Location header
 */
PvServiceResponse *
pv_service_response_new (guint       status,
                         JsonNode   *body,
                         const char *location)
{
  PvServiceResponse *self = g_object_new (PV_TYPE_SERVICE_RESPONSE, NULL);

  self->status = status;
  self->body = body != NULL ? json_node_ref (body) : NULL;
  self->location = g_strdup (location);

  return self;
}

guint
pv_service_response_get_status (PvServiceResponse *self)
{
  g_return_val_if_fail (PV_IS_SERVICE_RESPONSE (self), 0);

  return self->status;
}

/**
 * pv_service_response_get_body:
 *
 * Returns: (transfer none) (nullable): the parsed body; %NULL when the
 *   answer had none
 */
JsonNode *
pv_service_response_get_body (PvServiceResponse *self)
{
  g_return_val_if_fail (PV_IS_SERVICE_RESPONSE (self), NULL);

  return self->body;
}

const char *
pv_service_response_get_location (PvServiceResponse *self)
{
  g_return_val_if_fail (PV_IS_SERVICE_RESPONSE (self), NULL);

  return self->location;
}
